"""Two-factor log-in, session life cycle, time-outs and the password policy (ADR 0072; C2-C5)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.test import Client, override_settings
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD, World, logged_in, password_only, totp_device_for
from tests.security.urlwalk import ADMIN_NAMESPACE, Route, walk
from werkvrede.accounts import middleware
from werkvrede.accounts.mfa import MFA_ROLES
from werkvrede.accounts.mfa_middleware import STEP_ATTRIBUTE
from werkvrede.accounts.models import LoginSession, User
from werkvrede.accounts.sessions import sessions_end
from werkvrede.audit.models import AuditEvent
from werkvrede.core.access import PUBLIC
from werkvrede.core.roles import Role

STEPS = ("/account/inloggen/code/", "/account/tweestaps/instellen/")
LOGIN = "/account/inloggen/"
ARGUMENT = re.compile(r"<(?:(\w+):)?(\w+)>")
FILL = {"int": "1", "uuid": "00000000-0000-0000-0000-000000000001", "path": "x", "slug": "x", "str": "x"}


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def _url(route: Route) -> str | None:
    if "(?P" in route.route or "^" in route.route:
        return None  # a regular-expression route of the admin; the admin index stands for it
    return "/" + ARGUMENT.sub(lambda m: FILL.get(m.group(1) or "str", "x"), route.route)


def _exempt(route: Route) -> bool:
    from django.urls import resolve

    if route.access == PUBLIC:
        return True
    url = _url(route)
    return url is not None and getattr(resolve(url).func, STEP_ATTRIBUTE, False)


def _reached(client: Client, url: str) -> bool:
    """Whether the response is anything but the refusal of a session without its second factor."""
    response = client.get(url)
    if url.startswith("/api/"):
        return not (response.status_code == 403 and response["Content-Type"].startswith("application/json"))
    return not (response.status_code == 302 and response["Location"].split("?")[0] in STEPS)


def test_mfa_enforced_on_every_route(world: World) -> None:
    routes = [r for r in walk() if not _exempt(r)]
    urls = sorted({u for u in (_url(r) for r in routes) if u is not None} | {"/beheer/"})
    assert any(u.startswith("/api/v1/") for u in urls) and any(u.endswith((".pdf", ".ics")) for u in urls)
    assert sum(1 for r in routes if r.namespace == ADMIN_NAMESPACE) > 5
    for index, role in enumerate(sorted(MFA_ROLES)):
        user = world.a.users[role]
        # The admin site too, for a person who may enter it.
        User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=role is Role.ADMIN)
        user.refresh_from_db()
        if index % 2:
            totp_device_for(user)  # enrolled: the code step; otherwise the enrolment step
        client = password_only(user)
        reached = [url for url in urls if _reached(client, url)]
        assert reached == [], f"{role}: {reached}"
        assert client.post("/api/v1/me").status_code in (403, 405)

    # A code used once is refused the second time, and the replay is audited.
    user = world.a.users[Role.MEDIATOR]
    device = totp_device_for(user)
    first, second = password_only(user), password_only(user)
    code = current_code(device)
    assert first.post(STEPS[0], {"code": code})["Location"] == "/"
    assert not _reached(second, "/zaken/")
    replay = second.post(STEPS[0], {"code": code})
    assert replay.status_code == 400
    assert "Deze code is al gebruikt" in replay.content.decode()
    assert not _reached(second, "/zaken/")
    assert _reached(first, "/zaken/")
    event = AuditEvent.objects.get(action="accounts.mfa.code_replayed")
    assert event.user_id == user.pk and event.outcome == "denied"


def _alive(client: Client) -> bool:
    return client.get("/api/v1/me").status_code == 200


def _session_id(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_session_lifecycle(world: World) -> None:
    # Fixation: a session id planted before log-in is not the one after it, nor after the code step.
    user = world.a.users[Role.OCCUPATIONAL_PHYSICIAN]
    device = totp_device_for(user)
    client = Client()
    planted = client.session
    planted["x"] = 1
    planted.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = str(planted.session_key)
    response = client.post(LOGIN, {"username": user.email, "password": PASSWORD})
    assert response["Location"].startswith(STEPS[0])
    after_password = _session_id(client)
    assert after_password != planted.session_key
    assert not LoginSession.objects.filter(session_key=planted.session_key).exists()
    assert client.post(STEPS[0], {"code": current_code(device)}).status_code == 302
    assert _session_id(client) not in (planted.session_key, after_password)
    assert _alive(client)

    # Log-out ends the session on the server; its id no longer works (the back button shows nothing).
    old = _session_id(client)
    client.post("/account/uitloggen/")
    assert not LoginSession.objects.filter(session_key=old).exists()
    replayed = Client()
    replayed.cookies[settings.SESSION_COOKIE_NAME] = old
    assert not _alive(replayed)
    assert replayed.get("/zaken/")["Location"].startswith(LOGIN)

    # Password change: every other session ends, the one that changed it stays.
    here, there = logged_in(user), logged_in(user)
    response = here.post(
        "/account/wachtwoord/",
        {
            "old_password": PASSWORD,
            "new_password1": "een lange nieuwe zin",
            "new_password2": "een lange nieuwe zin",
        },
    )
    assert response.status_code == 302
    assert _alive(here) and not _alive(there)

    # A Beheerder resets the two-factor device: the person's sessions end, the devices are gone.
    mediator = world.a.users[Role.MEDIATOR]
    phone = logged_in(mediator)
    admin = logged_in(world.a.users[Role.ADMIN])
    membership = world.a.memberships[Role.MEDIATOR]
    assert admin.post(f"/account/mensen/{membership.pk}/tweestaps-herstellen/").status_code == 302
    assert not _alive(phone)
    assert not TOTPDevice.objects.filter(user=mediator).exists()

    # Deactivation ends the sessions through sessions_end; so does "log out everywhere".
    employee = world.a.users[Role.EMPLOYEE]
    laptop, tablet = logged_in(employee), logged_in(employee)
    sessions_end(user=employee, reason="deactivated", actor_user_id=world.a.users[Role.ADMIN].pk)
    assert not _alive(laptop) and not _alive(tablet)
    laptop, tablet = logged_in(employee), logged_in(employee)
    # The account page offers both: "log out everywhere" and the password change.
    account = laptop.get("/account/").content.decode()
    assert 'action="/account/overal-uitloggen/"' in account and 'href="/account/wachtwoord/"' in account
    assert laptop.post("/account/overal-uitloggen/")["Location"] == LOGIN
    assert not _alive(laptop) and not _alive(tablet)
    reasons = set(
        AuditEvent.objects.filter(action="accounts.sessions.ended").values_list("data__reason", flat=True)
    )
    assert {"password_changed", "mfa_reset", "deactivated", "logout_everywhere"} <= reasons


class TimeMachine:
    """Moves the clock of the sessions (Django's `timezone.now`) and of the middleware, never sleeps."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.offset = timedelta()
        real_now, real_seconds = timezone.now, middleware.now_seconds
        monkeypatch.setattr(timezone, "now", lambda: real_now() + self.offset)
        monkeypatch.setattr(
            middleware, "now_seconds", lambda: real_seconds() + int(self.offset.total_seconds())
        )

    def travel(self, **delta: float) -> None:
        self.offset += timedelta(**delta)


@pytest.fixture
def machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[TimeMachine]:
    yield TimeMachine(monkeypatch)


def test_session_timeouts(world: World, machine: TimeMachine) -> None:
    # Idle: 15 minutes for a role with sealed access, sliding while the person works.
    physician = logged_in(world.a.users[Role.OCCUPATIONAL_PHYSICIAN])
    assert _alive(physician)
    for _ in range(3):
        machine.travel(minutes=14)
        assert _alive(physician)
    machine.travel(minutes=15, seconds=30)
    assert not _alive(physician)

    # Idle: 30 minutes for others.
    employee = logged_in(world.a.users[Role.EMPLOYEE])
    assert _alive(employee)
    machine.travel(minutes=29)
    assert _alive(employee)
    machine.travel(minutes=30, seconds=30)
    assert not _alive(employee)

    # Absolute: 12 hours after log-in, however active.
    busy = logged_in(world.a.users[Role.EMPLOYEE])
    logged_in_at = machine.offset
    while machine.offset - logged_in_at < timedelta(hours=11, minutes=50):
        assert _alive(busy)
        machine.travel(minutes=10)
    machine.travel(minutes=11)
    assert not _alive(busy)
    assert AuditEvent.objects.filter(action="accounts.session.expired", data__reason="absolute").exists()


def test_password_policy_and_hashes(world: World) -> None:
    user = world.a.users[Role.EMPLOYEE]
    client = logged_in(user)

    def change(new: str) -> str:
        response = client.post(
            "/account/wachtwoord/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
        )
        return response.content.decode() if response.status_code == 200 else ""

    short = change("kort-wacht1")
    assert "Dit wachtwoord is te kort. Kies er een van minstens 12 tekens" in short
    assert 'id="id_new_password1-error"' in short or 'id="id_new_password2-error"' in short
    assert "Dit wachtwoord wordt te vaak gebruikt" in change("password1234")
    assert "Dit wachtwoord wordt te vaak gebruikt" in change("1qaz2wsx3edc")
    # No composition rules: twelve lower-case letters and spaces are enough.
    assert change("een zin van woorden") == ""

    # A legacy hash is replaced by argon2id at the next log-in with the form.
    with override_settings(
        PASSWORD_HASHERS=[
            "django.contrib.auth.hashers.Argon2PasswordHasher",
            "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        ]
    ):
        legacy = world.a.users[Role.LINE_MANAGER]
        User.objects.filter(pk=legacy.pk).update(password=make_password(PASSWORD, hasher="pbkdf2_sha256"))
        assert Client().post(LOGIN, {"username": legacy.email, "password": PASSWORD}).status_code == 302
        legacy.refresh_from_db()
        assert legacy.password.startswith("argon2$argon2id$")
