"""The vertrouwenspersoon's dossier (SM-6, D15): named reports, consent to register (CC-9), the
intake with the confidentiality limits (R-103, R-104), the steps, and the R-100 route to the VP."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases import services as case_services
from werkvrede.cases.models import Case
from werkvrede.confidential import services
from werkvrede.confidential.models import Channel, ContactTally, Report, ReportMessage, ReportState
from werkvrede.confidential.tests.helpers import (
    STORY,
    TODAY,
    contact_report,
    named_report,
    person,
    report_at,
    vp,
)
from werkvrede.core.policy import AccessDenied
from werkvrede.core.refusals import Blocked, Invalid, NotPossible
from werkvrede.core.roles import Role
from werkvrede.interventions.tests.helpers import behaviour_suspected, employee_case, intervention_recorded
from werkvrede.vault.models import SealedContent


def test_a_named_report_is_registered_only_with_consent(world: World) -> None:
    """CC-9: without the melder's consent nothing is stored, not even a count."""
    with pytest.raises(Invalid) as refused:
        services.report_write(
            actor=person(world, Role.EMPLOYEE), message=STORY, registration_consent=False, today=TODAY
        )
    assert "CC-9" in str(refused.value.errors["registration_consent"])
    assert not Report.objects.exists() and not ContactTally.objects.exists()
    assert not SealedContent.objects.filter(compartment="D15").exists()

    report = named_report(world)
    assert report.state == ReportState.INTAKE and report.channel == Channel.NAMED
    assert report.registration_consent_on == TODAY
    assert report.confidentiality_explained and report.privilege_limits_explained
    message = ReportMessage.objects.get(report=report)
    assert message.sealed.compartment == "D15" and STORY.encode() not in bytes(message.sealed.ciphertext)
    assert ContactTally.objects.get(organisation=world.a.organisation).count == 1
    opened = AuditEvent.objects.get(action="confidential.report.opened", object_id=str(report.pk))
    assert opened.legal_basis == "CC-9"


def test_an_empty_or_oversized_report_is_refused_with_its_reason(world: World) -> None:
    employee = person(world, Role.EMPLOYEE)
    with pytest.raises(Invalid) as empty:
        services.report_write(actor=employee, message="   ", registration_consent=True, today=TODAY)
    assert list(empty.value.errors) == ["message"]
    too_long = "x" * (services.MESSAGE_MAX + 1)
    with pytest.raises(Invalid) as refused:
        services.report_write(actor=employee, message=too_long, registration_consent=True, today=TODAY)
    assert f"{services.MESSAGE_MAX + 1}" in str(refused.value.errors["message"])
    services.report_write(
        actor=employee, message="x" * services.MESSAGE_MAX, registration_consent=True, today=TODAY
    )


def test_the_write_page_keeps_what_was_typed(world: World, client_as: Callable[..., Client]) -> None:
    client = client_as(Role.EMPLOYEE)
    typed = "Het gebeurt elke week in het teamoverleg. " * 300  # over the limit
    response = client.post("/vertrouwenspersoon/schrijven/", {"message": typed, "registration_consent": "on"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Het gebeurt elke week in het teamoverleg." in html and "tekens" in html
    response = client.post("/vertrouwenspersoon/schrijven/", {"message": STORY})
    assert (
        response.status_code == 400
        and STORY in response.content.decode()
        and "CC-9" in response.content.decode()
    )
    assert not Report.objects.exists()


def test_the_vps_are_told_by_e_mail_without_a_word_of_the_report(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        report = named_report(world, text="MARKER-D15-MAIL-5e1a")
    sent = [m for m in mail.outbox if world.a.users[Role.CONFIDENTIAL_ADVISER].email in m.to]
    assert len(sent) == 1
    text = f"{sent[0].subject}\n{sent[0].body}"
    assert f"/vertrouwenspersoon/melding/{report.pk}/" in text
    assert "MARKER-D15-MAIL-5e1a" not in text
    assert world.a.users[Role.EMPLOYEE].full_name not in text


def test_the_report_walks_sm6_and_every_step_is_the_vps(world: World) -> None:
    report = named_report(world)
    employee = person(world, Role.EMPLOYEE)
    with pytest.raises(AccessDenied):
        services.category_record(actor=employee, report=report, category="BULLYING", today=TODAY)
    with pytest.raises(Blocked, match="SM-6"):  # a route before listening: not a row of SM-6
        services.route_record(actor=vp(world), report=report, route="INFORMAL", today=TODAY)
    report = services.category_record(actor=vp(world), report=report, category="BULLYING", today=TODAY)
    assert report.state == ReportState.ADVICE and report.category == "BULLYING"
    with pytest.raises(Invalid):
        services.category_record(actor=vp(world), report=report, category="NOT_A_CATEGORY", today=TODAY)
    report = services.route_record(actor=vp(world), report=report, route="FORMAL_COMPLAINT", today=TODAY)
    assert report.state == ReportState.FORMAL_COMPLAINT_SUPPORT
    report = services.aftercare_start(actor=vp(world), report=report, today=TODAY)
    report = services.report_close(actor=vp(world), report=report, today=TODAY)
    assert report.state == ReportState.CLOSED and report.closed_on == TODAY
    with pytest.raises(AccessDenied):  # closed: nobody writes in it any more
        services.message_write(actor=employee, report=report, text="Nog iets", today=TODAY)


def test_a_vp_of_another_organisation_sees_nothing(world: World) -> None:
    report = named_report(world)
    with pytest.raises(AccessDenied):
        services.category_record(actor=vp(world, "b"), report=report, category="BULLYING", today=TODAY)
    with pytest.raises(AccessDenied):
        services.message_write(actor=vp(world, "b"), report=report, text="Hallo", today=TODAY)


def test_the_intake_needs_the_limits_explained_and_consent(world: World) -> None:
    """SM-6 row 2: R-103 (confidentiality and when it yields), R-104 (no privilege), CC-9."""
    report = contact_report(world)
    assert report.state == ReportState.CONTACT
    complete = {
        "confidentiality_explained": True,
        "privilege_limits_explained": True,
        "registration_consent": True,
    }
    for missing, code in (
        ("confidentiality_explained", "R-103"),
        ("privilege_limits_explained", "R-104"),
        ("registration_consent", "CC-9"),
    ):
        with pytest.raises(Invalid) as refused:
            services.intake_record(
                actor=vp(world), report=report, today=TODAY, **{**complete, missing: False}
            )
        assert list(refused.value.errors) == [missing] and code in str(refused.value.errors[missing])
    with pytest.raises(NotPossible):  # the VP records nothing before the intake
        services.message_write(actor=vp(world), report=report, text="Notitie", today=TODAY)
    report = services.intake_record(actor=vp(world), report=report, today=TODAY, **complete)
    assert report.state == ReportState.INTAKE and report.registration_consent_on == TODAY
    services.message_write(actor=vp(world), report=report, text="Fijn dat je belde.", today=TODAY)


def test_the_melders_first_message_on_a_contact_is_the_intake(world: World) -> None:
    report = contact_report(world)
    employee = person(world, Role.EMPLOYEE)
    with pytest.raises(Invalid) as refused:
        services.message_write(actor=employee, report=report, text=STORY, today=TODAY)
    assert list(refused.value.errors) == ["registration_consent"]
    assert not ReportMessage.objects.filter(report=report).exists()
    services.message_write(actor=employee, report=report, text=STORY, today=TODAY, registration_consent=True)
    report.refresh_from_db()
    assert report.state == ReportState.INTAKE


def test_a_counted_contact_stores_nothing_else(world: World, client_as: Callable[..., Client]) -> None:
    client_as(Role.CONFIDENTIAL_ADVISER).post("/vertrouwenspersoon/contact-geteld/")
    assert ContactTally.objects.get(organisation=world.a.organisation, day__isnull=False).count == 1
    assert not Report.objects.exists()


# --- the route ends at the VP -------------------------------------------------------------


def _bullying_case(world: World) -> Case:
    hr = person(world, Role.HR_ADVISER)
    case = behaviour_suspected(hr, employee_case(world), "BULLYING", today=TODAY)
    intervention_recorded(hr, case, "REFERRAL_VP", today=TODAY)  # the VP was offered (RT-2)
    return case


def _choose(world: World, case: Case, choice: str) -> None:
    case_services.melder_choice_record(
        actor=person(world, Role.EMPLOYEE),
        case_id=case.pk,
        choice=choice,
        consents_to_mediation=False,
        today=TODAY,
    )


def test_choosing_the_vp_opens_a_report_on_the_vps_side_only(
    world: World, client_as: Callable[..., Client], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    case = _bullying_case(world)
    with django_capture_on_commit_callbacks(execute=True):
        _choose(world, case, "VP")
    report = Report.objects.get(organisation=world.a.organisation)
    assert report.state == ReportState.CONTACT and report.channel == Channel.CASE_CHOICE
    assert report.melder_id == world.a.users[Role.EMPLOYEE].pk
    assert not ReportMessage.objects.filter(report=report).exists()  # no content, only the contact
    assert [m for m in mail.outbox if world.a.users[Role.CONFIDENTIAL_ADVISER].email in m.to]
    # The case learns nothing back: no link, and nothing on the case for HR.
    assert not any(f.name == "case" for f in Report._meta.get_fields())
    hr_view = client_as(Role.HR_ADVISER).get(f"/zaken/{case.pk}/").content.decode()
    assert "/vertrouwenspersoon/melding/" not in hr_view
    inbox = client_as(Role.CONFIDENTIAL_ADVISER).get("/vertrouwenspersoon/").content.decode()
    assert f"/vertrouwenspersoon/melding/{report.pk}/" in inbox


def test_another_choice_opens_no_report_and_choosing_twice_opens_one(world: World) -> None:
    case = _bullying_case(world)
    _choose(world, case, "INFORMAL_ROUTE")
    assert not Report.objects.exists()
    _choose(world, case, "VP")
    _choose(world, case, "VP")
    assert Report.objects.count() == 1


def test_the_melder_sees_the_vp_when_choosing(world: World, client_as: Callable[..., Client]) -> None:
    case = _bullying_case(world)
    services.profile_save(actor=vp(world), contact="Bel 06-11112222 (ma-wo)", external=True)
    html = client_as(Role.EMPLOYEE).get(f"/zaken/{case.pk}/").content.decode()
    assert world.a.users[Role.CONFIDENTIAL_ADVISER].full_name in html and "06-11112222" in html
    assert "06-11112222" not in client_as(Role.HR_ADVISER).get(f"/zaken/{case.pk}/").content.decode()


def test_without_a_vp_the_choice_opens_nothing_and_says_so(
    world: World, client_as: Callable[..., Client]
) -> None:
    world.a.memberships[Role.CONFIDENTIAL_ADVISER].grants.all().delete()
    case = _bullying_case(world)
    _choose(world, case, "VP")
    assert not Report.objects.exists()
    assert (
        "nog geen vertrouwenspersoon"
        in client_as(Role.EMPLOYEE).get("/vertrouwenspersoon/mijn/").content.decode()
    )


# --- Who sees what (D15) --------------------------------------------------------------------------


def test_the_employers_side_does_not_learn_that_a_named_melder_reported(
    world: World, client_as: Callable[..., Client]
) -> None:
    """D15: HR and ADM (also through the audit log) see neither content nor existence."""
    report = named_report(world, text="MARKER-D15-EXIST-77c3")
    services.message_write(actor=vp(world), report=report, text="MARKER-D15-REPLY-19fa", today=TODAY)
    for role in (Role.ADMIN, Role.HR_ADVISER, Role.LINE_MANAGER, Role.CASEMANAGER):
        client = client_as(role)
        seen = "".join(
            client.get(path).content.decode()
            for path in ("/", "/audit/", "/vertrouwenspersoon/", f"/vertrouwenspersoon/melding/{report.pk}/")
        )
        assert "MARKER-D15" not in seen and "confidential." not in seen, role
        assert client.get(f"/vertrouwenspersoon/melding/{report.pk}/").status_code == 404
    for role in (Role.CONFIDENTIAL_ADVISER, Role.EMPLOYEE):
        page = client_as(role).get(f"/vertrouwenspersoon/melding/{report.pk}/").content.decode()
        assert "MARKER-D15-EXIST-77c3" in page and "MARKER-D15-REPLY-19fa" in page, role


def test_every_read_of_the_report_is_audited_with_category_and_subject(
    world: World, client_as: Callable[..., Client]
) -> None:
    report = named_report(world)
    client_as(Role.CONFIDENTIAL_ADVISER).get(f"/vertrouwenspersoon/melding/{report.pk}/")
    read = AuditEvent.objects.filter(
        category="D15", user_id=world.a.users[Role.CONFIDENTIAL_ADVISER].pk
    ).get()
    assert read.subject_id == world.a.users[Role.EMPLOYEE].pk and read.legal_basis == "role:VP"


def test_the_start_page_and_the_protocol_say_who_the_vp_is(
    world: World, client_as: Callable[..., Client]
) -> None:
    services.profile_save(actor=vp(world), contact="vp@extern.test, bereikbaar op dinsdag", external=True)
    for path in ("/", "/protocol/"):
        html = client_as(Role.EMPLOYEE).get(path).content.decode()
        assert "bereikbaar op dinsdag" in html and "/vertrouwenspersoon/mijn/" in html, path
    assert "bereikbaar op dinsdag" not in client_as(Role.EMPLOYEE, "b").get("/").content.decode()


def test_organisations_configure_their_categories(world: World) -> None:
    """R-106: a category of one's own; switched off, it is no longer offered but past reports keep it."""
    added = services.category_add(actor=vp(world), label="Werkdruk", label_en="Workload")
    report = named_report(world)
    services.category_record(actor=vp(world), report=report, category=added.code, today=TODAY)
    services.category_toggle(actor=vp(world), category_id=added.pk)
    with pytest.raises(Invalid):
        services.category_record(actor=vp(world), report=report, category=added.code, today=TODAY)
    with pytest.raises(Invalid):
        services.category_add(actor=vp(world), label="werkdruk", label_en="")
    with pytest.raises(AccessDenied):
        services.category_add(actor=person(world, Role.HR_ADVISER), label="Iets", label_en="")


def test_report_at_reaches_closed(world: World) -> None:
    assert report_at(world, "a", ReportState.CLOSED).state == ReportState.CLOSED


def test_the_vp_is_reminded_of_their_tasks_and_the_melder_is_not(
    world: World, client_as: Callable[..., Client]
) -> None:
    """R-101 (INFO) for a report the VP handles: listen, refer, support; never chair or investigate."""
    report = named_report(world)
    vp_page = (
        client_as(Role.CONFIDENTIAL_ADVISER).get(f"/vertrouwenspersoon/melding/{report.pk}/").content.decode()
    )
    assert "R-101" in vp_page and "onderzoekt geen feiten" in vp_page
    melder_page = client_as(Role.EMPLOYEE).get(f"/vertrouwenspersoon/melding/{report.pk}/").content.decode()
    assert "R-101" not in melder_page


def test_the_anonymous_melders_own_reading_is_audited_without_naming_the_report(world: World) -> None:
    """ADR 0074: no exact time joined to an anonymous report, also not the times its melder reads it."""
    from werkvrede.confidential import selectors
    from werkvrede.confidential.tests.helpers import anonymous_report

    report, receipt = anonymous_report(world)
    holder = services.receipt_holder(receipt)
    assert holder is not None
    assert [v.text for v in selectors.messages_for(holder, report)] == [STORY]
    reads = AuditEvent.objects.filter(category="D15", user_id__isnull=True)
    assert reads.count() == 1 and reads.get().object_id == ""
    sealed_ids = {str(m.sealed_id) for m in ReportMessage.objects.filter(report=report)}
    named = AuditEvent.objects.filter(object_id__in=sealed_ids) | AuditEvent.objects.filter(
        object_type__startswith="confidential.", object_id=str(report.pk)
    )
    assert not named.exists()
    # The VP's reading names what was read, as every other read of sensitive data does.
    selectors.messages_for(vp(world), report)
    assert (
        AuditEvent.objects.filter(category="D15", user_id=world.a.users[Role.CONFIDENTIAL_ADVISER].pk)
        .get()
        .object_id
        in sealed_ids
    )


def test_the_vps_start_page_no_longer_says_the_reports_are_coming(client_as: Callable[..., Client]) -> None:
    html = client_as(Role.CONFIDENTIAL_ADVISER).get("/").content.decode()
    assert "Nog niet beschikbaar" not in html and "jaarverslag" in html
