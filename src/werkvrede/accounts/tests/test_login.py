"""Log-in by e-mail, organisation switching, and their audit events (Refs issue #2)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.hashers import get_hasher
from django.test import Client, override_settings

from conftest import PASSWORD, World
from werkvrede.accounts.services import membership_grant
from werkvrede.audit.models import AuditEvent
from werkvrede.core.roles import Role


def test_the_login_page_is_dutch_by_default(db: None, client: Client) -> None:
    response = client.get("/account/inloggen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "E-mailadres" in html
    assert 'href="#inhoud"' in html  # skip link


def test_a_person_logs_in_with_email_and_lands_in_their_organisation(world: World, client: Client) -> None:
    user = world.a.users[Role.HR_ADVISER]
    response = client.post(
        "/account/inloggen/", {"username": user.email.upper(), "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert "Organisatie A" in response.content.decode()
    event = AuditEvent.objects.get(action="accounts.login.succeeded")
    assert event.user_id == user.pk
    assert event.organisation_id == world.a.organisation.pk


def test_a_failed_login_keeps_the_address_explains_and_is_audited(world: World, client: Client) -> None:
    user = world.a.users[Role.EMPLOYEE]
    response = client.post("/account/inloggen/", {"username": user.email, "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Controleer beide" in html
    assert f'value="{user.email}"' in html
    assert "wrong" not in html
    event = AuditEvent.objects.get(action="accounts.login.failed")
    assert event.user_id == user.pk
    assert event.outcome == "failed"


def test_logout_is_audited(client_as: Callable[..., Client], world: World) -> None:
    client = client_as(Role.EMPLOYEE)
    client.post("/account/uitloggen/")
    assert AuditEvent.objects.filter(
        action="accounts.logout.succeeded", user_id=world.a.users[Role.EMPLOYEE].pk
    ).exists()
    assert client.get("/").status_code == 302


def test_a_member_of_two_organisations_switches_explicitly(
    world: World, client_as: Callable[..., Client]
) -> None:
    hr = world.a.users[Role.HR_ADVISER]
    membership_grant(user=hr, organisation=world.b.organisation, roles=[Role.CASEMANAGER])
    client = client_as(Role.HR_ADVISER)
    assert client.get("/api/v1/me").json()["organisation_id"] == world.a.organisation.pk
    response = client.post(
        "/account/organisatie/wisselen/", {"organisation": world.b.organisation.pk, "next": "/"}
    )
    assert response.status_code == 302
    me = client.get("/api/v1/me").json()
    assert me["organisation_id"] == world.b.organisation.pk
    assert me["roles"] == ["CM"]
    assert AuditEvent.objects.filter(action="accounts.organisation.switched", user_id=hr.pk).exists()


def test_switching_to_an_organisation_one_is_not_a_member_of_is_not_found(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.HR_ADVISER)
    response = client.post("/account/organisatie/wisselen/", {"organisation": world.b.organisation.pk})
    assert response.status_code == 404
    assert client.get("/api/v1/me").json()["organisation_id"] == world.a.organisation.pk
    denied = AuditEvent.objects.get(action="core.access.denied", user_id=world.a.users[Role.HR_ADVISER].pk)
    assert denied.data == {"action": "accounts.organisation.switch"}


def test_the_switch_does_not_redirect_to_another_site(world: World, client_as: Callable[..., Client]) -> None:
    client = client_as(Role.HR_ADVISER)
    response = client.post(
        "/account/organisatie/wisselen/",
        {"organisation": world.a.organisation.pk, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_passwords_are_hashed_with_argon2_outside_tests() -> None:
    from werkvrede.config.settings import base

    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        assert get_hasher().algorithm == "argon2"


def test_the_start_page_names_the_roles_and_honestly_says_nothing_is_due(
    client_as: Callable[..., Client],
) -> None:
    html = client_as(Role.OCCUPATIONAL_PHYSICIAN).get("/").content.decode()
    assert "Er is op dit moment niets voor je te doen." in html
    assert "Bedrijfsarts" in html
    assert "Nog niet beschikbaar: Spreekuur van vandaag" in html  # honest about what is missing


def test_professionals_get_a_shorter_idle_timeout_than_employees(client_as: Callable[..., Client]) -> None:
    hr = client_as(Role.HR_ADVISER)
    hr.get("/")
    assert hr.session.get_expiry_age() == 15 * 60
    employee = client_as(Role.EMPLOYEE)
    employee.get("/")
    assert employee.session.get_expiry_age() == 30 * 60


def test_the_idle_clock_restarts_at_most_once_a_minute(
    client_as: Callable[..., Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    from werkvrede.accounts import middleware
    from werkvrede.accounts.models import LoginSession

    hr = client_as(Role.HR_ADVISER)
    hr.get("/")
    key = hr.session.session_key

    def expires() -> object:
        return LoginSession.objects.get(session_key=key).expire_date

    first = expires()
    start = hr.session[middleware.SESSION_TOUCH_KEY]
    monkeypatch.setattr(middleware, "now_seconds", lambda: start + 59)
    hr.get("/")
    assert expires() == first, "no session write within the minute"
    monkeypatch.setattr(middleware, "now_seconds", lambda: start + 60)
    hr.get("/")
    assert expires() > first, "the idle clock restarted"  # type: ignore[operator]
    assert hr.session.get_expiry_age() == 15 * 60
