"""The two-factor log-in steps, set-up, recovery, throttling and the Beheerder's reset (ADR 0072)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD, World, logged_in, password_only, totp_device_for
from tests.security.test_mfa import current_code
from werkvrede.accounts.tests.conftest import Clock, Mailbox
from werkvrede.audit.models import AuditEvent
from werkvrede.core.roles import Role
from werkvrede.notifications.models import OutgoingMail

LOGIN, VERIFY, RECOVERY, ENROL = (
    "/account/inloggen/",
    "/account/inloggen/code/",
    "/account/inloggen/herstelcode/",
    "/account/tweestaps/instellen/",
)


@pytest.fixture(autouse=True)
def _fresh_reset_counts() -> Iterator[None]:
    cache.clear()  # the per-client count of reset requests lives in the cache
    yield
    cache.clear()


def _password_step(email: str, client: Client | None = None) -> tuple[Client, str]:
    client = client or Client()
    response = client.post(LOGIN, {"username": email, "password": PASSWORD, "next": "/zaken/"})
    assert response.status_code == 302
    return client, response["Location"]


def test_a_mandatory_role_without_device_sets_one_up_and_gets_ten_recovery_codes(world: World) -> None:
    user = world.a.users[Role.CONFIDENTIAL_ADVISER]
    client, location = _password_step(user.email)
    assert location.startswith(ENROL) and "next=%2Fzaken%2F" in location
    page = client.get(location)
    html = page.content.decode()
    assert "<svg" in html and 'id="totp-secret"' in html
    assert page["Cache-Control"].startswith("no-store") or "no-store" in page["Cache-Control"]
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post(ENROL, {"code": "000000", "next": "/zaken/"})
    assert wrong.status_code == 400 and "Deze code klopt niet" in wrong.content.decode()
    done = client.post(ENROL, {"code": current_code(device), "next": "/zaken/"})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10 and StaticToken.objects.filter(device__user=user).count() == 10
    # Kept as keyed hashes, like passwords: what the database holds does not log anyone in.
    stored = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert stored.isdisjoint(codes)
    assert client.get("/zaken/").status_code == 200
    assert AuditEvent.objects.filter(action="accounts.mfa.enrolled", user_id=user.pk).exists()


def test_an_enrolled_person_enters_the_code_and_lands_where_they_wanted(world: World) -> None:
    user = world.a.users[Role.OCCUPATIONAL_PHYSICIAN]
    device = totp_device_for(user)
    client, location = _password_step(user.email)
    assert location.startswith(VERIFY)
    assert client.get("/zaken/").status_code == 302
    assert client.get("/api/v1/me").status_code == 403
    assert client.post(VERIFY, {"code": "12", "next": "/zaken/"}).status_code == 400
    response = client.post(VERIFY, {"code": current_code(device), "next": "/zaken/"})
    assert response["Location"] == "/zaken/"
    assert client.get("/api/v1/me").status_code == 200


def test_a_password_only_session_cannot_replace_the_device(world: World) -> None:
    user = world.a.users[Role.MEDIATOR]
    totp_device_for(user)
    client = password_only(user)
    assert client.get(ENROL)["Location"].startswith(VERIFY)
    assert not TOTPDevice.objects.filter(user=user, confirmed=False).exists()


def test_the_recovery_code_path_logs_in_once_per_code(world: World) -> None:
    user = world.a.users[Role.ADMIN]
    totp_device_for(user)
    from werkvrede.accounts.mfa import recovery_codes_generate

    codes = recovery_codes_generate(user)
    client, location = _password_step(user.email)
    assert "Ik heb mijn telefoon niet" in client.get(location).content.decode()
    response = client.post(RECOVERY, {"code": codes[0]})
    assert response["Location"] == "/account/"
    assert "Nog 9 over" in client.get("/account/").content.decode()
    again, _ = _password_step(user.email)
    assert again.post(RECOVERY, {"code": codes[0]}).status_code == 400
    assert again.post(RECOVERY, {"code": codes[1]}).status_code == 302


def test_recovery_codes_survive_a_rotation_of_the_secret_key(world: World, settings: Any) -> None:
    from werkvrede.accounts.mfa import recovery_check, recovery_codes_generate

    user = world.a.users[Role.MEDIATOR]
    codes = recovery_codes_generate(user)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40
    assert recovery_check(user, codes[0]) is not None
    assert recovery_check(user, codes[0]) is None  # once
    settings.SECRET_KEY_FALLBACKS = []
    assert recovery_check(user, codes[1]) is None  # the old key gone: the codes it hashed are too


def test_wrong_codes_are_throttled_per_account_and_client(world: World, clock: Clock) -> None:
    """Five wrong codes are free; the sixth attempt waits 30 s even with the right code (ADR 0055)."""
    user = world.a.users[Role.DELEGATED_PROFESSIONAL]
    device = totp_device_for(user)
    client = password_only(user)
    for _ in range(5):
        assert client.post(VERIFY, {"code": "000000"}).status_code == 400
    refused = client.post(VERIFY, {"code": current_code(device)})
    assert refused.status_code == 429 and "Te veel verkeerde codes" in refused.content.decode()
    # A right password again does not clear the count of wrong codes.
    again, _ = _password_step(user.email)
    assert again.post(VERIFY, {"code": current_code(device)}).status_code == 429
    clock.advance(31)
    assert again.post(VERIFY, {"code": current_code(device)}).status_code == 302
    assert AuditEvent.objects.filter(action="accounts.login.throttled", user_id=user.pk).exists()


def test_wrong_recovery_codes_are_throttled_too_and_count_with_the_codes(world: World, clock: Clock) -> None:
    """The recovery-code step is a log-in step like the code step: one count of wrong second factors."""
    from werkvrede.accounts.mfa import recovery_codes_generate

    user = world.a.users[Role.MEDIATOR]
    device = totp_device_for(user)
    codes = recovery_codes_generate(user)
    client = password_only(user)
    for _ in range(3):
        assert client.post(VERIFY, {"code": "000000"}).status_code == 400
    for _ in range(2):
        assert client.post(RECOVERY, {"code": "aaaa-bbbb"}).status_code == 400
    refused = client.post(RECOVERY, {"code": codes[0]})
    assert refused.status_code == 429
    assert client.post(VERIFY, {"code": current_code(device)}).status_code == 429
    clock.advance(31)
    assert client.post(RECOVERY, {"code": codes[0]}).status_code == 302
    assert AuditEvent.objects.filter(action="accounts.login.throttled", user_id=user.pk).exists()


def test_wrong_codes_while_setting_up_a_device_are_throttled(world: World, clock: Clock) -> None:
    user = world.a.users[Role.CONFIDENTIAL_ADVISER]
    client, location = _password_step(user.email)
    assert location.startswith(ENROL)
    client.get(location)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    for _ in range(5):
        assert client.post(ENROL, {"code": "000000"}).status_code == 400
    assert client.post(ENROL, {"code": current_code(device)}).status_code == 429
    clock.advance(31)
    assert client.post(ENROL, {"code": current_code(device)}).status_code == 200
    assert TOTPDevice.objects.get(pk=device.pk).confirmed


def test_an_optional_role_logs_in_with_the_password_and_may_enrol(world: World) -> None:
    user = world.a.users[Role.EMPLOYEE]
    client, location = _password_step(user.email)
    assert location == "/zaken/"
    page = client.get("/account/").content.decode()
    assert "Tweestapsverificatie instellen" in page and "Overal uitloggen" in page
    assert client.get(ENROL).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post(ENROL, {"code": current_code(device)}).status_code == 200
    # From now on this person's log-in asks for the code too.
    _, location = _password_step(user.email)
    assert location.startswith(VERIFY)


def test_a_beheerder_resets_a_lost_device_of_their_organisation_only(world: World) -> None:
    mediator = world.a.memberships[Role.MEDIATOR]
    totp_device_for(mediator.user)
    url = f"/account/mensen/{mediator.pk}/tweestaps-herstellen/"
    assert logged_in(world.a.users[Role.HR_ADVISER]).post(url).status_code in (403, 404)
    assert logged_in(world.b.users[Role.ADMIN]).post(url).status_code == 404
    admin = logged_in(world.a.users[Role.ADMIN])
    assert "Tweestapsverificatie herstellen" in admin.get(f"/account/mensen/{mediator.pk}/").content.decode()
    assert "Ja, tweestapsverificatie herstellen" in admin.get(url).content.decode()
    assert TOTPDevice.objects.filter(user=mediator.user).exists()
    assert admin.post(url).status_code == 302
    assert not TOTPDevice.objects.filter(user=mediator.user).exists()
    event = AuditEvent.objects.get(action="accounts.mfa.reset")
    assert event.object_id == str(mediator.user_id) and event.user_id == world.a.users[Role.ADMIN].pk
    _, location = _password_step(mediator.user.email)
    assert location.startswith(ENROL)


def test_password_reset_answers_alike_and_its_link_works_once(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    known, inactive = world.a.users[Role.EMPLOYEE], world.a.users[Role.LINE_MANAGER]
    inactive.is_active = False
    inactive.save(update_fields=["is_active"])
    url = "/account/wachtwoord-vergeten/"
    with django_capture_on_commit_callbacks(execute=True):
        answers = [
            Client().post(url, {"email": e}) for e in (known.email, "nobody@nowhere.test", inactive.email)
        ]
    assert {(a.status_code, a["Location"]) for a in answers} == {
        (302, "/account/wachtwoord-vergeten/verstuurd/")
    }
    assert [m.to for m in mail.outbox] == [[known.email]]
    body = str(mail.outbox[0].body)
    links = re.findall(r"(\S+/account/wachtwoord-vergeten/\S+/)", body)
    assert len(links) == 1 and links[0].startswith("http://127.0.0.1:8000/")
    path = links[0].removeprefix("http://127.0.0.1:8000")
    client = Client()
    form = client.get(path, follow=True)
    assert "Nieuw wachtwoord kiezen" in form.content.decode()
    set_url = form.redirect_chain[-1][0]
    short = client.post(set_url, {"new_password1": "kort", "new_password2": "kort"})
    assert 'id="id_new_password' in short.content.decode() and "te kort" in short.content.decode()
    new = "een nieuwe lange zin"
    assert client.post(set_url, {"new_password1": new, "new_password2": new}).status_code == 302
    used = Client().get(path, follow=True).content.decode()
    assert "Deze link werkt niet meer" in used and "/account/wachtwoord-vergeten/" in used


def test_the_reset_mail_goes_through_the_outbox_to_a_real_server_and_stores_no_link(
    world: World, smtp: Mailbox, settings: Any, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    settings.WERKVREDE_BASE_URL = "https://werkvrede.example.nl"
    settings.DEFAULT_FROM_EMAIL = "Werkvrede <noreply@organisatie.example>"
    user = world.a.users[Role.EMPLOYEE]
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/account/wachtwoord-vergeten/", {"email": user.email})
    (message,) = smtp.to(user.email)
    body = str(message.get_payload(decode=True).decode())  # type: ignore[union-attr]
    assert message["From"] == "Werkvrede <noreply@organisatie.example>"
    assert re.search(r"https://werkvrede\.example\.nl/account/wachtwoord-vergeten/\S+/\S+/", body)
    row = OutgoingMail.objects.get(kind="accounts.password_reset")
    assert row.sent_at is not None and row.recipient_id == user.pk
    stored = " ".join(str(v) for v in OutgoingMail.objects.filter(pk=row.pk).values().get().values())
    assert "wachtwoord-vergeten" not in stored and "/" not in row.reference


def test_password_reset_requests_are_limited_per_client(world: World) -> None:
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        assert client.post("/account/wachtwoord-vergeten/", {"email": "x@y.test"}).status_code == 302
    assert client.post("/account/wachtwoord-vergeten/", {"email": "x@y.test"}).status_code == 429


def test_a_password_reset_link_expires_after_an_hour(
    world: World, monkeypatch: object, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    from datetime import timedelta

    from django.contrib.auth.tokens import default_token_generator

    user = world.a.users[Role.EMPLOYEE]
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/account/wachtwoord-vergeten/", {"email": user.email})
    path = re.findall(
        r"http://127\.0\.0\.1:8000(/account/wachtwoord-vergeten/\S+/)", str(mail.outbox[-1].body)
    )[0]
    later = default_token_generator._now() + timedelta(seconds=3601)
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)  # type: ignore[attr-defined]
    assert "Deze link werkt niet meer" in Client().get(path, follow=True).content.decode()


def test_new_recovery_codes_are_shown_once_and_replace_the_old(world: World) -> None:
    from werkvrede.accounts.mfa import recovery_codes_generate

    user = world.a.users[Role.ADMIN]
    client = logged_in(user)
    old = recovery_codes_generate(user)
    url = "/account/tweestaps/herstelcodes/"
    assert client.post(url)["Location"] == url
    page = client.get(url)
    codes = re.findall(r"<li><code>(\w+)</code></li>", page.content.decode())
    assert len(codes) == 10 and not set(codes) & set(old)
    assert "no-store" in page["Cache-Control"]
    assert client.get(url)["Location"] == "/account/"  # once
    # A person without a device (and a password-only session) makes none.
    employee = logged_in(world.a.users[Role.EMPLOYEE])
    assert employee.post(url)["Location"] == "/account/"
    assert not StaticToken.objects.filter(device__user=world.a.users[Role.EMPLOYEE]).exists()
