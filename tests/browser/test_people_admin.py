"""The Beheerder keeps people and roles in a real browser: keyboard- and screen-reader-friendly, no
horizontal scroll at 390px, and nothing typed lost on a refusal (ADR 0071)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import log_in, organisation_with
from werkvrede.accounts.models import Invitation
from werkvrede.core.roles import Role

PASSWORD = "browser-test-password"


@pytest.fixture
def organisation(transactional_db: None) -> Any:
    return organisation_with(
        "Zorg BV",
        "zorg-bv",
        [
            ("beheer", "Bea Beheer", Role.ADMIN),
            ("wn", "Willem Werknemer-Met-Een-Lange-Achternaam", Role.EMPLOYEE),
        ],
        PASSWORD,
    )


def _no_horizontal_scroll(page: Any) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))


def _arrived(page: Any, path: str) -> None:
    """A link click navigates: measure the new page only once it has loaded, never the old one
    or one in between."""
    expect(page).to_have_url(re.compile(path))
    page.wait_for_load_state()


def test_the_beheerder_invites_changes_roles_and_deactivates_at_390px(
    live_server: Any, page: Any, organisation: Any
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    base = live_server.url
    log_in(page, base, "beheer@zorg-bv.test", PASSWORD)
    page.goto(f"{base}/account/mensen/")
    assert _no_horizontal_scroll(page) and axe_violations(page) == []

    page.get_by_role("link", name="Iemand uitnodigen").click()
    page.get_by_label("E-mailadres").fill("nieuwe.collega.met.een.heel.lang.adres@zorg-bv.test")
    page.get_by_label("Naam").fill("Nieuwe Collega")
    page.get_by_label("Mediator (MED)").check()
    page.get_by_label("Leidinggevende (LG)").check()
    page.get_by_role("button", name="Uitnodiging versturen").click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_text("SOD-2").first).to_be_visible()
    assert page.get_by_label("Naam").input_value() == "Nieuwe Collega"  # nothing typed is lost
    assert _no_horizontal_scroll(page) and axe_violations(page) == []
    page.get_by_label("Mediator (MED)").uncheck()
    page.get_by_role("button", name="Uitnodiging versturen").click()
    page.wait_for_load_state()
    assert Invitation.objects.filter(invitee__email__startswith="nieuwe.collega").exists()
    assert _no_horizontal_scroll(page) and axe_violations(page) == []

    page.get_by_role("link", name="Willem Werknemer-Met-Een-Lange-Achternaam").click()
    page.get_by_role("link", name="Rollen wijzigen").click()
    _arrived(page, r"/rollen/$")
    assert _no_horizontal_scroll(page) and axe_violations(page) == []
    page.get_by_role("link", name="Willem Werknemer-Met-Een-Lange-Achternaam").click()
    page.get_by_role("link", name="Deactiveren (uit dienst)").click()
    _arrived(page, r"/deactiveren/$")
    assert _no_horizontal_scroll(page) and axe_violations(page) == []
    page.get_by_role("button", name="Ja, deactiveren").click()
    page.wait_for_load_state()
    expect(page.get_by_text("niet actief: deze persoon kan niet inloggen")).to_be_visible()

    page.goto(f"{base}/account/mensen/importeren/")
    assert _no_horizontal_scroll(page) and axe_violations(page) == []
