"""A mediator logs in for the first time: password, set-up of the authenticator app, recovery codes,
and next time the code step, in a real browser (ADR 0072)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import log_in_with_form
from werkvrede.accounts.services import membership_grant, organisation_create, user_create
from werkvrede.core.roles import Role

PASSWORD = "browser-test-password"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def mediator(transactional_db: None) -> str:
    organisation = organisation_create(name="Demo BV", slug="demo-bv")
    user = user_create(email="mediator@demo.werkvrede.nl", full_name="Mira Smit", password=PASSWORD)
    membership_grant(user=user, organisation=organisation, roles=[Role.MEDIATOR])
    return user.email


def _code(email: str, confirmed: bool) -> str:
    device = TOTPDevice.objects.filter(user__email=email, confirmed=confirmed).latest("pk")
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def test_a_mediator_sets_up_two_factor_and_then_logs_in_with_a_code(
    live_server: Any, page: Any, mediator: str
) -> None:
    base = live_server.url
    log_in_with_form(page, base, mediator, PASSWORD)
    assert "/account/tweestaps/instellen/" in page.url
    expect(page.get_by_role("heading", name="Tweestapsverificatie instellen")).to_be_visible()
    expect(page.locator("figure svg")).to_be_visible()
    secret = page.locator("#totp-secret").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", secret)
    assert axe_violations(page) == []
    if os.environ.get("WERKVREDE_SCREENSHOTS") == "1":
        page.set_viewport_size({"width": 1200, "height": 1000})
        page.screenshot(path=str(SCREENSHOTS / "totp-enrol.png"), full_page=True)

    page.get_by_label("Code uit je app").fill(_code(mediator, confirmed=False))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Je herstelcodes")).to_be_visible()
    assert page.locator("#recovery-codes li").count() == 10
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    page.wait_for_url(f"{base}/")

    # Next time: the password, then the code from the app.
    page.context.clear_cookies()
    page.goto(f"{base}/zaken/")
    assert "/account/inloggen/" in page.url
    log_in_with_form(page, base, mediator, PASSWORD)
    assert page.url == f"{base}/"
    expect(page.get_by_role("heading", name="Wat nu?")).to_be_visible()
