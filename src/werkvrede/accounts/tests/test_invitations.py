"""Invitations never change an existing account and reveal nothing about it (Refs #9, findings 1 and 2).

Reproduced across organisations as an attacker would: an employee of one organisation invites
addresses of people in another organisation as their supporter, through the API.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from werkvrede.accounts.models import Membership, RoleGrant, User
from werkvrede.audit.models import AuditEvent
from werkvrede.core.roles import Role
from werkvrede.supporters.tests.helpers import case_of


def _invite(client: Client, case_id: int, email: str, name: str) -> Any:
    return client.post(
        reverse("api:supporters-invite", kwargs={"case_id": case_id}),
        json.dumps({"email": email, "full_name": name}),
        content_type="application/json",
    )


def _roles(user: User) -> set[tuple[str, str]]:
    return set(
        RoleGrant.objects.filter(membership__user=user).values_list("membership__organisation__slug", "role")
    )


def test_an_invitation_from_another_organisation_does_not_revive_a_deactivated_account(
    world: World, client_as: Callable[..., Client], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    casemanager = world.a.users[Role.CASEMANAGER]
    casemanager.is_active = False
    casemanager.save(update_fields=["is_active"])
    case = case_of(world, "b")
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client_as(Role.EMPLOYEE, "b"), case.pk, casemanager.email, "Wie dan ook")
    assert response.status_code == 201
    casemanager.refresh_from_db()
    assert not casemanager.is_active
    assert mail.outbox == []  # a deactivated account gets no invitation
    assert _roles(casemanager) == {("org-a", "CM")}
    client = Client()
    login = client.post("/account/inloggen/", {"username": casemanager.email, "password": PASSWORD})
    assert login.status_code != 302
    assert client.get(reverse("api:me")).status_code == 401


def test_inviting_answers_alike_whether_or_not_the_address_has_an_account(
    world: World, client_as: Callable[..., Client]
) -> None:
    employee = client_as(Role.EMPLOYEE)
    hr_b = User.objects.get(email="hr@org-b.test")
    before = _roles(hr_b)
    known = _invite(employee, case_of(world, "a").pk, "HR@org-b.test", "Getypte Naam")
    unknown = _invite(employee, case_of(world, "a").pk, "niemand@nergens.example", "Getypte Naam")
    assert known.status_code == unknown.status_code == 201

    def comparable(response: Any) -> dict[str, Any]:
        body = response.json()
        return {k: v for k, v in body.items() if k not in ("id", "invited_at")}

    assert comparable(known) == comparable(unknown)
    assert known.json()["supporter_name"] == "Getypte Naam"
    assert str(hr_b.full_name) not in known.content.decode()
    # Nobody asked the HR adviser of B: no membership in A until they accept; nothing else changed.
    assert _roles(hr_b) == before
    assert not Membership.objects.filter(user=hr_b, organisation=world.a.organisation).exists()
    page = employee.get(reverse("supporters:case", kwargs={"case_id": case_of(world, "a").pk}))
    assert page.status_code == 200


@pytest.mark.parametrize("address", ["not-an-email", "", "  ", "a@b", "x" * 250 + "@example.test"])
def test_a_bad_address_is_refused_with_the_field_named(
    world: World, client_as: Callable[..., Client], address: str
) -> None:
    users = User.objects.count()
    response = _invite(client_as(Role.EMPLOYEE), case_of(world, "a").pk, address, "Iemand")
    assert response.status_code == 422
    assert "email" in response.content.decode()
    assert User.objects.count() == users


def test_an_existing_account_accepts_by_logging_in_and_keeps_everything_else(
    world: World, client_as: Callable[..., Client], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    hr_b = User.objects.get(email="hr@org-b.test")
    password_hash = hr_b.password
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            _invite(client_as(Role.EMPLOYEE), case_of(world, "a").pk, hr_b.email, "Hanna").status_code == 201
        )
    (message,) = mail.outbox
    match = re.search(r"/account/uitnodiging/\?\S+", str(message.body))
    assert match is not None
    link = match.group(0)
    # Not logged in: first log in, then back to the invitation.
    response = Client().get(link)
    assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")
    # Logged in as somebody else: refused without saying whose it is.
    other = client_as(Role.CASEMANAGER)
    refused = other.get(link)
    assert refused.status_code == 403 and hr_b.email not in refused.content.decode()
    invitee = Client()
    invitee.force_login(hr_b)
    page = invitee.get(link)
    assert page.status_code == 200 and "Organisatie A" in page.content.decode()
    assert invitee.post(link).status_code == 302
    hr_b.refresh_from_db()
    assert hr_b.password == password_hash and hr_b.is_active
    assert _roles(hr_b) == {("org-b", "HR"), ("org-a", "SUP")}
    assert invitee.get(link).status_code == 404  # once
    assert AuditEvent.objects.filter(action="accounts.invitation.accepted", user_id=hr_b.pk).exists()


def test_only_a_beheerder_of_the_persons_organisation_reactivates_them(
    world: World, client_as: Callable[..., Client]
) -> None:
    employee = world.a.users[Role.EMPLOYEE]
    employee.is_active = False
    employee.save(update_fields=["is_active"])
    url = reverse(
        "accounts:person-reactivate", kwargs={"membership_id": world.a.memberships[Role.EMPLOYEE].pk}
    )
    # HR sees the person but may not reactivate (403); another organisation's Beheerder does not see them.
    for client, refused in ((client_as(Role.HR_ADVISER), 403), (client_as(Role.ADMIN, "b"), 404)):
        assert client.post(url).status_code == refused
        employee.refresh_from_db()
        assert not employee.is_active
    admin = client_as(Role.ADMIN)
    person = admin.get(
        reverse("accounts:person", kwargs={"membership_id": world.a.memberships[Role.EMPLOYEE].pk})
    )
    assert "niet actief" in person.content.decode() and url in person.content.decode()
    assert admin.get(url).status_code == 200  # the confirmation
    assert admin.post(url).status_code == 302
    employee.refresh_from_db()
    assert employee.is_active
    event = AuditEvent.objects.get(action="accounts.person.reactivated", object_id=str(employee.pk))
    assert event.user_id == world.a.users[Role.ADMIN].pk
    assert event.organisation_id == world.a.organisation.pk


def test_the_beheerders_invitation_answers_alike_for_any_address_outside_the_organisation(
    world: World, client_as: Callable[..., Client], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    """The people page's invitation, across organisations: an account in B, a deactivated one, none."""
    hr_b, cm_b = User.objects.get(email="hr@org-b.test"), world.b.users[Role.CASEMANAGER]
    cm_b.is_active = False
    cm_b.save(update_fields=["is_active"])
    before = (_roles(hr_b), _roles(cm_b), hr_b.password, cm_b.password)
    admin = client_as(Role.ADMIN)
    answers = []
    with django_capture_on_commit_callbacks(execute=True):
        for email in (hr_b.email, cm_b.email, "niemand@nergens.example"):
            response = admin.post(
                reverse("api:people-invite"),
                json.dumps({"email": email, "full_name": "Getypte Naam", "roles": ["WN"]}),
                content_type="application/json",
            )
            assert response.status_code == 201
            assert str(hr_b.full_name) not in response.content.decode()
            assert str(cm_b.full_name) not in response.content.decode()
            answers.append({k: v for k, v in response.json().items() if k != "email"})
    assert answers[0] == answers[1] == answers[2] == {"outcome": "invited"}
    hr_b.refresh_from_db()
    cm_b.refresh_from_db()
    assert (_roles(hr_b), _roles(cm_b), hr_b.password, cm_b.password) == before
    assert not cm_b.is_active
    assert not Membership.objects.filter(user__in=[hr_b, cm_b], organisation=world.a.organisation).exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([hr_b.email, "niemand@nergens.example"])
    listing = admin.get(reverse("accounts:people")).content.decode()
    assert str(hr_b.full_name) not in listing and str(cm_b.full_name) not in listing
