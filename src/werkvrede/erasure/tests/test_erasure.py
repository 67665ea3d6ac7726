"""Erasure on request (AVG art. 17): the preview says what goes and what stays and why, the erasure
removes exactly what goes, a legal hold blocks it and is audited (docs/adr/0180-erasure-on-request.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import World, totp_device_for
from werkvrede.accounts.models import Invitation, Membership, RoleGrant, User
from werkvrede.accounts.services import membership_grant, organisation_create
from werkvrede.agenda.models import CalendarFeed
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import Case, CaseParty, CaseState, LegalHold
from werkvrede.cases.tests.helpers import signal
from werkvrede.core.classification import MARKERS, Retention, model_statement, registry, row_subjects
from werkvrede.core.roles import Role
from werkvrede.erasure.plan import COVERAGE, ERASED_NAME, plan_for
from werkvrede.retention.models import PersonHold
from werkvrede.sickness.models import MedicalNote, SickReport
from werkvrede.sickness.tests.helpers import as_role, conflict_case, consulted, report
from werkvrede.supporters.models import PreparationNote, SupporterGrant
from werkvrede.supporters.tests.helpers import grant_in
from werkvrede.vault import services as vault
from werkvrede.vault.models import SealedContent


@dataclass
class Planted:
    closed: Case
    open: Case
    medical_note: MedicalNote
    ended_note: PreparationNote
    running_note: PreparationNote
    feed: CalendarFeed


def _note(world: World, grant: SupporterGrant) -> PreparationNote:
    t = world.a
    sealed = vault.seal(
        actor=as_role(t, Role.SUPPORTER), organisation_id=t.organisation.pk, compartment="D17", plaintext="x"
    )
    return PreparationNote.objects.create(grant=grant, section="NOTES", author=grant.supporter, sealed=sealed)


def _plant(world: World) -> Planted:
    """The employee of organisation A: a closed case with a sick report, a medical note of the
    bedrijfsarts and a supporter whose engagement ended; an open case with a running supporter."""
    t = world.a
    closed = conflict_case(world)
    report(world, closed, phone="0612345678", address="Dorpsstraat 1")
    consulted(world, closed, note="Slaapt slecht sinds het conflict.")
    ended = grant_in(world, "a", case=closed)
    ended_note = _note(world, ended)
    SupporterGrant.objects.filter(pk=ended.pk).update(revoked_at=timezone.now())
    Case.objects.filter(pk=closed.pk).update(state=CaseState.CLOSED)
    open_case = signal(t.users[Role.EMPLOYEE], t.organisation.pk, other=t.memberships[Role.LINE_MANAGER])
    running_note = _note(world, grant_in(world, "a", case=open_case))
    feed = CalendarFeed.objects.create(
        user=t.users[Role.EMPLOYEE], organisation=t.organisation, digest="d" * 64
    )
    return Planted(
        closed=closed,
        open=open_case,
        medical_note=MedicalNote.objects.get(sick_report__case=closed),
        ended_note=ended_note,
        running_note=running_note,
        feed=feed,
    )


def _url(world: World, tenant: str = "a") -> str:
    return reverse("erasure:erase", args=[world.tenant(tenant).memberships[Role.EMPLOYEE].pk])


def _api(world: World, suffix: str, tenant: str = "a") -> str:
    return f"/api/v1/people/{world.tenant(tenant).memberships[Role.EMPLOYEE].pk}/{suffix}"


def _confirm(world: World) -> dict[str, str]:
    return {"confirm_name": world.a.users[Role.EMPLOYEE].full_name, "understood": "on"}


def _items(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {i["key"]: i for i in body["items"]}


def test_the_preview_says_what_goes_what_stays_and_why(
    world: World, client_as: Callable[..., Client]
) -> None:
    _plant(world)
    admin = client_as(Role.ADMIN)
    html = admin.get(_url(world)).content.decode()
    assert 'data-key="cases.closed"' in html and 'data-key="cases.open"' in html
    assert "R-144" in html and "R-147" in html and "R-140" in html
    # Counts and words, never content.
    assert "Slaapt slecht" not in html and "0612345678" not in html
    items = _items(admin.get(_api(world, "erasure-preview")).json())
    assert items["cases.closed"] == items["cases.closed"] | {"verdict": "anonymised", "count": 1}
    assert items["cases.open"]["verdict"] == "stays" and items["cases.open"]["count"] == 1
    # The employment runs: the employer's absence data stay.
    assert items["sickness.absence.running"]["verdict"] == "stays"
    assert items["sickness.absence.running"]["rule"] == "R-140"
    # The bedrijfsarts' file stays under R-144, and the preview does not say whether there is one.
    assert items["sickness.ba_file"] == items["sickness.ba_file"] | {"verdict": "stays", "rule": "R-144"}
    assert items["sickness.ba_file"]["count"] is None and items["supporters.notes"]["count"] is None
    assert items["agenda.feeds"]["count"] == 1
    assert items["accounts.account"]["verdict"] == "stays"
    assert AuditEvent.objects.filter(action="erasure.preview.viewed").count() == 2


def test_the_segregated_lines_read_the_same_without_data(
    world: World, client_as: Callable[..., Client]
) -> None:
    # No oracle: a person without a medical file or a supporter gets the same words.
    body = client_as(Role.ADMIN).get(_api(world, "erasure-preview")).json()
    _plant(world)
    planted = client_as(Role.ADMIN).get(_api(world, "erasure-preview")).json()
    for key in ("sickness.ba_file", "supporters.notes", "confidential.whistleblower"):
        assert _items(body)[key] == _items(planted)[key]


def test_the_erasure_removes_exactly_what_goes(world: World, client_as: Callable[..., Client]) -> None:
    p = _plant(world)
    employee = world.a.users[Role.EMPLOYEE]
    response = client_as(Role.ADMIN).post(_url(world), _confirm(world))
    assert response.status_code == 302
    # Goes: the ended engagement's note and its sealed content; the live agenda link.
    assert not PreparationNote.objects.filter(pk=p.ended_note.pk).exists()
    assert not SupporterGrant.objects.filter(pk=p.ended_note.grant_id).exists()
    assert not SealedContent.objects.filter(pk=p.ended_note.sealed_id).exists()
    assert CalendarFeed.objects.get(pk=p.feed.pk).revoked_at is not None
    # Anonymised: the closed case keeps its other party, not the employee's name.
    party = CaseParty.objects.get(case=p.closed, side="WN")
    assert party.user_id is None and party.name == ERASED_NAME
    assert CaseParty.objects.filter(case=p.closed, side="WP").exclude(name=ERASED_NAME).exists()
    # Stays: the open case, the running engagement, the medical file.
    assert CaseParty.objects.get(case=p.open, side="WN").user_id == employee.pk
    assert PreparationNote.objects.filter(pk=p.running_note.pk).exists()
    assert SealedContent.objects.filter(pk=p.running_note.sealed_id).exists()
    assert SealedContent.objects.filter(pk=p.medical_note.sealed_id).exists()
    assert SickReport.objects.get(case=p.closed).phone == "0612345678"  # the employment ran
    # The membership here ends; the account keeps its name while something about them stays.
    membership = Membership.objects.get(pk=world.a.memberships[Role.EMPLOYEE].pk)
    assert not membership.is_active and not RoleGrant.objects.filter(membership=membership).exists()
    assert User.objects.get(pk=employee.pk).full_name == employee.full_name
    done = AuditEvent.objects.get(action="erasure.person.erased")
    assert done.data["cases_anonymised"] == 1 and done.data["calendar_feeds_revoked"] == 1
    assert AuditEvent.objects.filter(action="erasure.person.requested").count() == 1
    assert done.data["files_removed"] == 0 and "D17" not in str(done.data)


def test_after_the_employment_the_absence_data_go(world: World, client_as: Callable[..., Client]) -> None:
    p = _plant(world)
    Membership.objects.filter(pk=world.a.memberships[Role.EMPLOYEE].pk).update(is_active=False)
    items = _items(client_as(Role.ADMIN).get(_api(world, "erasure-preview")).json())
    assert (
        items["sickness.absence.ended"]["verdict"] == "goes" and items["sickness.absence.ended"]["count"] == 1
    )
    # The open case is not the sick report's: that one is in the closed case.
    body = client_as(Role.ADMIN).post(_api(world, "erasure")).json()
    assert body["sick_reports_cleared"] == 1
    sick = SickReport.objects.get(case=p.closed)
    assert sick.phone == "" and sick.address == "" and sick.first_sick_day is not None
    assert MedicalNote.objects.filter(pk=p.medical_note.pk).exists()


def test_a_person_with_nothing_that_must_stay_is_anonymised(
    world: World, client_as: Callable[..., Client]
) -> None:
    t = world.a
    employee = t.users[Role.EMPLOYEE]
    totp_device_for(employee)
    Invitation.objects.create(
        organisation=t.organisation,
        invitee=employee,
        invited_name=employee.full_name,
        roles="WN",
        invited_by=t.users[Role.ADMIN],
        purpose="accounts.people",
    )
    case = signal(employee, t.organisation.pk, other=t.memberships[Role.LINE_MANAGER])
    Case.objects.filter(pk=case.pk).update(state=CaseState.CLOSED)
    body = client_as(Role.ADMIN).post(_api(world, "erasure")).json()
    assert body["account_anonymised"] is True and body["cases_anonymised"] == 1
    user = User.objects.get(pk=employee.pk)
    assert user.full_name == ERASED_NAME and user.email.endswith(".invalid") and not user.is_active
    assert not user.has_usable_password() and not TOTPDevice.objects.filter(user=user).exists()
    assert not Invitation.objects.filter(invitee=user).exclude(invited_name=ERASED_NAME).exists()
    assert user.session_generation > employee.session_generation


def test_a_person_with_a_membership_elsewhere_keeps_it(
    world: World, client_as: Callable[..., Client]
) -> None:
    employee = world.a.users[Role.EMPLOYEE]
    elsewhere = organisation_create(name="Elders", slug="elders")
    membership_grant(user=employee, organisation=elsewhere, roles=[Role.EMPLOYEE])
    assert _items(client_as(Role.ADMIN).get(_api(world, "erasure-preview")).json())["accounts.membership"]
    body = client_as(Role.ADMIN).post(_api(world, "erasure")).json()
    assert body["account_anonymised"] is False
    assert User.objects.get(pk=employee.pk).email == employee.email
    assert Membership.objects.get(user=employee, organisation=elsewhere).is_active
    assert RoleGrant.objects.filter(membership__user=employee, membership__organisation=elsewhere).exists()


def test_a_legal_hold_blocks_and_the_block_is_audited(world: World, client_as: Callable[..., Client]) -> None:
    p = _plant(world)
    t = world.a
    LegalHold.objects.create(
        case=p.closed,
        organisation=t.organisation,
        category="PENDING_LITIGATION",
        reason="Procedure bij de kantonrechter",
        set_by=t.users[Role.HR_ADVISER],
    )
    admin = client_as(Role.ADMIN)
    html = admin.get(_url(world)).content.decode()
    assert 'data-testid="hold"' in html and "Procedure bij de kantonrechter" in html
    assert 'name="confirm_name"' not in html
    response = admin.post(_url(world), _confirm(world))
    assert response.status_code == 409
    api = admin.post(_api(world, "erasure"))
    assert api.status_code == 409 and api.json()["detail"] == "not_possible"
    blocks = AuditEvent.objects.filter(action="retention.hold.blocked", data__purpose="erasure")
    assert blocks.count() == 2
    assert {b.subject_id for b in blocks} == {t.users[Role.EMPLOYEE].pk}
    assert all(b.data["holds"].startswith("case:") for b in blocks)
    # Nothing went.
    assert PreparationNote.objects.filter(pk=p.ended_note.pk).exists()
    assert CaseParty.objects.get(case=p.closed, side="WN").user_id == t.users[Role.EMPLOYEE].pk
    assert Membership.objects.get(pk=t.memberships[Role.EMPLOYEE].pk).is_active
    assert not AuditEvent.objects.filter(action="erasure.person.erased").exists()


def test_a_hold_on_the_person_blocks_too(world: World, client_as: Callable[..., Client]) -> None:
    t = world.a
    PersonHold.objects.create(
        organisation=t.organisation,
        person=t.users[Role.EMPLOYEE],
        category="AUTHORITY_REQUEST",
        reason="Vordering van de inspectie",
        set_by=t.users[Role.HR_ADVISER],
    )
    admin = client_as(Role.ADMIN)
    body = admin.get(_api(world, "erasure-preview")).json()
    assert body["blocked"] is True
    assert body["holds"][0] == body["holds"][0] | {"on": "person", "reason": "Vordering van de inspectie"}
    assert "Vordering van de inspectie" in admin.get(_url(world)).content.decode()
    assert admin.post(_url(world), _confirm(world)).status_code == 409
    assert Membership.objects.get(pk=t.memberships[Role.EMPLOYEE].pk).is_active
    assert AuditEvent.objects.filter(action="retention.hold.blocked", data__purpose="erasure").exists()


def test_the_form_keeps_what_was_typed(world: World, client_as: Callable[..., Client]) -> None:
    response = client_as(Role.ADMIN).post(_url(world), {"confirm_name": "Iemand Anders"})
    html = response.content.decode()
    assert response.status_code == 400 and 'value="Iemand Anders"' in html
    assert Membership.objects.get(pk=world.a.memberships[Role.EMPLOYEE].pk).is_active


def test_running_it_twice_is_harmless(world: World, client_as: Callable[..., Client]) -> None:
    _plant(world)
    admin = client_as(Role.ADMIN)
    first = admin.post(_api(world, "erasure")).json()
    second = admin.post(_api(world, "erasure"))
    assert first["cases_anonymised"] == 1
    assert second.status_code == 200 and second.json()["cases_anonymised"] == 0
    assert second.json()["calendar_feeds_revoked"] == 0


def test_only_the_beheerder_of_that_organisation(world: World, client_as: Callable[..., Client]) -> None:
    _plant(world)
    assert client_as(Role.ADMIN, "b").get(_url(world)).status_code == 404
    assert client_as(Role.ADMIN, "b").post(_api(world, "erasure")).status_code == 404
    assert client_as(Role.HR_ADVISER).post(_api(world, "erasure")).status_code == 403
    assert client_as(Role.HR_ADVISER).post(_url(world), _confirm(world)).status_code == 403
    assert Membership.objects.get(pk=world.a.memberships[Role.EMPLOYEE].pk).is_active
    # Never oneself.
    own = reverse("erasure:erase", args=[world.a.memberships[Role.ADMIN].pk])
    assert client_as(Role.ADMIN).get(own).status_code == 403


def test_the_person_page_links_to_it(world: World, client_as: Callable[..., Client]) -> None:
    person = reverse("accounts:person", args=[world.a.memberships[Role.EMPLOYEE].pk])
    assert _url(world) in client_as(Role.ADMIN).get(person).content.decode()
    assert _url(world) not in client_as(Role.HR_ADVISER).get(person).content.decode()


def test_every_model_about_a_person_has_its_line(world: World) -> None:
    """A model added to the personal-data registry must be given its place in the erasure plan."""
    about_a_person = {
        label
        for label in registry()
        if model_statement(label)["retention"] != Retention.TECHNICAL
        and any(s not in MARKERS for s in row_subjects(label))
    }
    assert sorted(about_a_person - COVERAGE.keys()) == []
    # Every line named exists in the plan (a person with a closed case and an ended employment).
    t = world.a
    case = signal(t.users[Role.EMPLOYEE], t.organisation.pk, other=t.memberships[Role.LINE_MANAGER])
    report(world, conflict_case(world))
    Case.objects.filter(state__in=[CaseState.SIGNALLED]).update(state=CaseState.CLOSED)
    Membership.objects.filter(pk=t.memberships[Role.EMPLOYEE].pk).update(is_active=False)
    CalendarFeed.objects.create(user=t.users[Role.EMPLOYEE], organisation=t.organisation, digest="e" * 64)
    plan = plan_for(Membership.objects.get(pk=t.memberships[Role.EMPLOYEE].pk), today=case.signalled_on)
    assert set(COVERAGE.values()) <= {item.key for item in plan.items}
