"""Shared steps of the browser scenarios: an organisation with its people, logging in, submitting."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import logged_in
from werkvrede.accounts.models import Membership, Organisation, User
from werkvrede.accounts.services import membership_grant, organisation_create, user_create
from werkvrede.core.roles import Role
from werkvrede.protocol.services import protocol_ensure_default


def organisation_with(
    name: str, slug: str, people: list[tuple[str, str, Role]], password: str, *, conflict_leave: bool = False
) -> tuple[Organisation, dict[str, Membership]]:
    """People log in as `<key>@<slug>.test`."""
    organisation = organisation_create(name=name, slug=slug)
    protocol_ensure_default(organisation=organisation, conflict_leave_enabled=conflict_leave)
    members = {}
    for key, full_name, role in people:
        user = user_create(email=f"{key}@{slug}.test", full_name=full_name, password=password)
        members[key] = membership_grant(user=user, organisation=organisation, roles=[role])
    return organisation, members


def log_in(page: Any, base: str, email: str, password: str) -> None:
    """Log the page's browser context in and open the start page.

    The session is made on the server as the log-in forms leave it (`conftest.logged_in`: verified
    by a TOTP device for two-factor roles); the forms themselves are walked by `log_in_with_form`
    in `test_login_and_language.py` and `test_two_factor.py`.
    """
    user = User.objects.get(email=email)
    assert user.check_password(password), f"wrong password for {email}"
    session = logged_in(user).cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}])
    page.goto(f"{base}/")


def log_in_with_form(page: Any, base: str, email: str, password: str) -> None:
    """Log in through the real forms: the password, then (two-factor roles) the code of the person's
    device, computed from its key as an authenticator app would (ADR 0072)."""
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    if "/account/inloggen/code/" in page.url:
        device = TOTPDevice.objects.get(user__email=email, confirmed=True)
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        # A code of a time step already used is refused (replay): take the next step's code, which
        # the one-step tolerance accepts, instead of waiting for it like a person would.
        totp.time = max(time.time(), device.t0 + (device.last_t + 1) * device.step)
        page.get_by_label("Code uit je app").fill(f"{totp.token():06d}")
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()


def logged_in_page(browser: Any, base: str, email: str, password: str) -> Any:
    """A fresh browser context (its own cookies) with the person logged in on the start page."""
    page = browser.new_context(locale="nl-NL").new_page()
    page.set_default_timeout(15_000)
    log_in(page, base, email, password)
    return page


def submit(page: Any, name: str) -> None:
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()
