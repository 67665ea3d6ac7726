"""Revocation takes effect on the very next request: a role removed or a user deactivated mid-session."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from conftest import World
from werkvrede.accounts.models import Membership
from werkvrede.cases.tests.helpers import signal
from werkvrede.core.roles import Role


def test_a_deactivated_person_is_logged_out_on_the_next_request(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.HR_ADVISER)
    assert client.get("/zaken/").status_code == 200
    user = world.a.users[Role.HR_ADVISER]
    user.is_active = False
    user.save(update_fields=["is_active"])
    response = client.get("/zaken/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")
    assert client.get("/api/v1/me").status_code == 401


def test_a_membership_ended_mid_session_closes_the_organisation_at_once(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    client = client_as(Role.HR_ADVISER)
    assert client.get(f"/zaken/{case.pk}/").status_code == 200
    Membership.objects.filter(pk=world.a.memberships[Role.HR_ADVISER].pk).update(is_active=False)
    assert client.get(f"/zaken/{case.pk}/").status_code == 404
    assert client.get(f"/api/v1/cases/{case.pk}").status_code == 404
    assert client.get("/api/v1/me").json()["organisation_id"] is None


def test_logging_in_gives_a_new_session_id(world: World) -> None:
    client = Client()
    client.get("/account/inloggen/")
    before = client.cookies.get("sessionid")
    client.post(
        "/account/inloggen/",
        {"username": world.a.users[Role.EMPLOYEE].email, "password": "correct horse battery staple"},
    )
    after = client.cookies["sessionid"].value
    assert before is None or before.value != after
