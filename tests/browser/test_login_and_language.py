"""A person logs in and switches the interface to English, in a real browser (Refs issue #2)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from werkvrede.accounts.services import membership_grant, organisation_create, user_create
from werkvrede.core.roles import Role

PASSWORD = "browser-test-password"


@pytest.fixture
def hr_user(transactional_db: None) -> str:
    organisation = organisation_create(name="Demo BV", slug="demo-bv")
    user = user_create(email="hr@demo.werkvrede.nl", full_name="Hanna de Vries", password=PASSWORD)
    membership_grant(user=user, organisation=organisation, roles=[Role.HR_ADVISER])
    return user.email


def test_hr_logs_in_and_switches_to_english(live_server: Any, page: Any, hr_user: str) -> None:
    page.goto(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "nl"
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_label("E-mailadres").fill(hr_user)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Wat nu?")).to_be_visible()
    expect(page.get_by_text("Er is op dit moment niets voor je te doen.")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_label("Taal").select_option("en")
    page.get_by_role("button", name="Kies taal").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", name="What now?")).to_be_visible()
    expect(page.get_by_text("There is nothing for you to do right now.")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert page.get_by_text("Wat nu?").count() == 0


def test_a_wrong_password_keeps_the_address_and_explains(live_server: Any, page: Any, hr_user: str) -> None:
    page.goto(f"{live_server.url}/account/inloggen/")
    page.get_by_label("E-mailadres").fill(hr_user)
    page.get_by_label("Wachtwoord").fill("not the password")
    page.get_by_role("button", name="Inloggen").click()
    # The answer is a new page at the same address: wait for its message, not for the old page.
    expect(page.get_by_role("alert")).to_be_visible()
    assert page.get_by_label("E-mailadres").input_value() == hr_user
    assert page.get_by_label("Wachtwoord").input_value() == ""
