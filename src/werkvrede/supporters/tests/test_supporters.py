"""Supporters: invitation, scope, preparation space, revocation (SUP, D17, CC-8)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World, logged_in
from werkvrede.accounts.invitations import invitation_accept, invitations_for
from werkvrede.accounts.models import RoleGrant, User
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.selectors import case_get_for
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.core.refusals import Invalid, NotPossible
from werkvrede.core.roles import Role
from werkvrede.supporters import services
from werkvrede.supporters.guidance import RIGHTS
from werkvrede.supporters.models import PreparationNote, SupporterGrant
from werkvrede.supporters.tests.helpers import case_of, grant_in

pytestmark = pytest.mark.django_db


def _login(email: str, password: str) -> Client:
    """Log in through the form: the password chosen through the invitation must work."""
    client = Client()
    response = client.post("/account/inloggen/", {"username": email, "password": password})
    assert response.status_code == 302
    return client


def test_the_employee_invites_a_new_supporter_who_sets_a_password_once(
    world: World, client_as: Callable[..., Client], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    case = case_of(world, "a")
    employee = client_as(Role.EMPLOYEE)
    with django_capture_on_commit_callbacks(execute=True):
        response = employee.post(
            reverse("supporters:invite", kwargs={"case_id": case.pk}),
            {"full_name": "Lotte Legal", "email": "Lotte@LegalBacking.example"},
        )
    assert response.status_code == 302
    supporter = User.objects.get(email="lotte@legalbacking.example")
    assert not supporter.has_usable_password()
    supporter_role = RoleGrant.objects.filter(
        membership__user=supporter, membership__organisation=world.a.organisation, role="SUP"
    )
    assert not supporter_role.exists()  # a member only once they accept (Refs #9)
    grant = SupporterGrant.objects.get(supporter=supporter)
    assert grant.employee_id == world.a.users[Role.EMPLOYEE].pk and grant.case_id == case.pk
    assert grant.accepted_at is None

    (message,) = mail.outbox
    assert message.to == ["lotte@legalbacking.example"]
    # No case content: not the reference, not the employee's name, not the other party.
    for secret in (case.reference, str(world.a.users[Role.EMPLOYEE].full_name), "Leidinggevende"):
        assert secret not in message.body and secret not in message.subject
    link = re.search(r"https?://[^/\s]+(/account/uitnodiging/\?\S+)", str(message.body))
    assert link is not None
    path = link.group(1)

    anonymous = Client()
    assert anonymous.get(path).status_code == 200
    # The password policy of every password form, with the message next to the field (ADR 0072).
    short = anonymous.post(path, {"new_password1": "te kort", "new_password2": "te kort"}).content.decode()
    assert 'id="id_new_password2-error">Dit wachtwoord is te kort' in short
    new_password = "een lang en sterk wachtwoord 42"
    response = anonymous.post(path, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.accepted_at is not None
    assert supporter_role.exists()
    # One-time: the same link no longer works.
    assert anonymous.get(path).status_code == 404
    assert AuditEvent.objects.filter(action="accounts.invitation.accepted", user_id=supporter.pk).exists()

    client = _login("lotte@legalbacking.example", new_password)
    assert client.get(reverse("supporters:grant", kwargs={"grant_id": grant.pk})).status_code == 200
    # The supporter sees nothing else of the case (docs/rules.md, column SUP: D05 '—').
    assert client.get(reverse("cases:detail", kwargs={"case_id": case.pk})).status_code == 404
    assert case.reference not in client.get(reverse("cases:list")).content.decode()


def test_a_supporter_without_a_grant_sees_nothing(world: World, client_as: Callable[..., Client]) -> None:
    grant = grant_in(world, "a")
    other = User.objects.create_user(email="x@example.test", full_name="X", password=PASSWORD)
    from werkvrede.accounts.services import membership_grant

    membership_grant(user=other, organisation=world.a.organisation, roles=[Role.SUPPORTER])
    client = logged_in(other)
    assert client.get(reverse("supporters:grant", kwargs={"grant_id": grant.pk})).status_code == 404
    assert "Nog niemand" not in client.get(reverse("supporters:mine")).content.decode()
    assert client.get(reverse("api:supporters-grant", kwargs={"grant_id": grant.pk})).status_code == 404


def test_revocation_takes_effect_on_the_very_next_request(
    world: World, client_as: Callable[..., Client]
) -> None:
    grant = grant_in(world, "a")
    supporter = client_as(Role.SUPPORTER)
    url = reverse("supporters:grant", kwargs={"grant_id": grant.pk})
    api_url = reverse("api:supporters-grant", kwargs={"grant_id": grant.pk})
    assert supporter.get(url).status_code == 200
    assert supporter.get(api_url).status_code == 200

    employee = client_as(Role.EMPLOYEE)
    assert (
        employee.get(reverse("supporters:revoke", kwargs={"grant_id": grant.pk})).status_code == 200
    )  # confirm
    assert employee.post(reverse("supporters:revoke", kwargs={"grant_id": grant.pk})).status_code == 302

    # Same session, next request: gone.
    assert supporter.get(url).status_code == 404
    assert supporter.get(api_url).status_code == 404
    assert grant.employee.full_name not in supporter.get(reverse("supporters:mine")).content.decode()
    response = supporter.post(
        reverse("supporters:note-add", kwargs={"grant_id": grant.pk}), {"section": "EXPECT", "text": "x"}
    )
    assert response.status_code == 404
    # The employee keeps reading their own preparation space.
    assert employee.get(url).status_code == 200
    assert AuditEvent.objects.filter(action="supporters.grant.revoked", object_id=str(grant.pk)).exists()


def test_every_access_by_a_supporter_is_audited(world: World, client_as: Callable[..., Client]) -> None:
    grant = grant_in(world, "a")
    supporter = client_as(Role.SUPPORTER)
    supporter.get(reverse("supporters:mine"))
    supporter.get(reverse("supporters:grant", kwargs={"grant_id": grant.pk}))
    supporter.get(reverse("api:supporters-grant", kwargs={"grant_id": grant.pk}))
    events = AuditEvent.objects.filter(
        action="supporters.grant.accessed", user_id=world.a.users[Role.SUPPORTER].pk, object_id=str(grant.pk)
    )
    assert sorted(e.data["what"] for e in events) == ["api", "list", "page"]
    grant.refresh_from_db()
    assert grant.accepted_at is not None  # an existing account accepts by opening the grant


def test_the_preparation_space_is_sealed_and_each_writes_their_own_sections(
    world: World, client_as: Callable[..., Client]
) -> None:
    grant = grant_in(world, "a")
    supporter = client_as(Role.SUPPORTER)
    employee = client_as(Role.EMPLOYEE)
    url = reverse("supporters:note-add", kwargs={"grant_id": grant.pk})
    assert (
        supporter.post(url, {"section": "EXPECT", "text": "De werkgever komt met een voorstel."}).status_code
        == 302
    )
    # The supporter may not write the employee's own points, nor the employee what the supporter prepares.
    assert supporter.post(url, {"section": "OWN_POINTS", "text": "x"}).status_code == 400
    assert employee.post(url, {"section": "EXPECT", "text": "x"}).status_code == 400
    own = {"section": "OWN_POINTS", "text": "Ik wil terug naar mijn team."}
    assert employee.post(url, own).status_code == 302
    assert employee.post(url, {"section": "QUESTIONS", "text": "Wie betaalt de mediator?"}).status_code == 302
    sections = sorted(PreparationNote.objects.filter(grant=grant).values_list("section", flat=True))
    assert sections == ["EXPECT", "OWN_POINTS", "QUESTIONS"]
    assert all(n.sealed.compartment == "D17" for n in PreparationNote.objects.filter(grant=grant))

    page = employee.get(reverse("supporters:grant", kwargs={"grant_id": grant.pk})).content.decode()
    assert "De werkgever komt met een voorstel." in page and "Ik wil terug naar mijn team." in page
    for item in RIGHTS:
        assert item.code in page
    for code in ("R-070", "R-072", "R-081", "CC-7", "CC-8", "R-092"):
        assert code in page
    api = supporter.post(
        reverse("api:supporters-note-add", kwargs={"grant_id": grant.pk}),
        {"section": "OWN_POINTS", "text": "x"},
        content_type="application/json",
    )
    assert api.status_code == 403


def test_one_cannot_invite_oneself(world: World) -> None:
    case = case_of(world, "a")
    employee = actor_of(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    with pytest.raises(Invalid, match="jezelf"):
        services.supporter_invite(
            actor=employee,
            access=case_get_for(employee, case.pk),
            email=world.a.users[Role.EMPLOYEE].email,
            full_name="x",
        )


@pytest.mark.parametrize(
    ("role", "message"),
    [
        (Role.LINE_MANAGER, "al een rol in de zaak"),
        (Role.HR_ADVISER, "andere rol in deze organisatie"),
    ],
)
def test_a_supporter_is_nobody_else_in_the_case_or_organisation(
    world: World, role: Role, message: str
) -> None:
    """Checked when the invitee accepts, where only they see why (Refs #9: no oracle for the inviter)."""
    case = case_of(world, "a")
    employee = actor_of(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    person = world.a.users[role]
    grant = services.supporter_invite(
        actor=employee, access=case_get_for(employee, case.pk), email=person.email, full_name="x"
    )
    (invitation,) = invitations_for(services.INVITATION_PURPOSE, str(grant.pk))
    with pytest.raises(NotPossible, match=message):
        invitation_accept(invitation=invitation, today=date(2025, 3, 10))
    grant.refresh_from_db()
    invitation.refresh_from_db()
    assert grant.revoked_at is not None and grant.accepted_at is None
    assert invitation.declined_at is not None and invitation.accepted_at is None
    assert not RoleGrant.objects.filter(membership__user=person, role="SUP").exists()
    assert AuditEvent.objects.filter(action="supporters.grant.declined", object_id=str(grant.pk)).exists()


def test_the_invite_form_keeps_what_was_typed_on_an_error(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = case_of(world, "a")
    response = client_as(Role.EMPLOYEE).post(
        reverse("supporters:invite", kwargs={"case_id": case.pk}),
        {"full_name": "Lotte Legal", "email": "geen-adres"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert 'value="Lotte Legal"' in content and 'aria-invalid="true"' in content


def test_the_start_page_links_the_supporter_to_the_preparation(
    world: World, client_as: Callable[..., Client]
) -> None:
    grant = grant_in(world, "a")
    page = client_as(Role.SUPPORTER).get("/").content.decode()
    assert reverse("supporters:grant", kwargs={"grant_id": grant.pk}) in page
    assert (
        reverse("supporters:grant", kwargs={"grant_id": grant.pk})
        not in client_as(Role.SUPPORTER, "b").get("/").content.decode()
    )
