"""A named melder writes to the vertrouwenspersoon and the VP answers and takes the steps, in a real
browser at 390px: keyboard- and screen-reader-friendly (axe), no horizontal scroll, nothing typed lost
on a refusal (ADR 0074)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import log_in, organisation_with
from werkvrede.core.roles import Role

PASSWORD = "browser-test-password"
STORY = "Een collega zet mij steeds voor schut in het teamoverleg."


@pytest.fixture
def organisation(transactional_db: None) -> Any:
    return organisation_with(
        "Zorg BV",
        "zorg-bv",
        [("vp", "Vera Vertrouwd", Role.CONFIDENTIAL_ADVISER), ("wn", "Willem Werknemer", Role.EMPLOYEE)],
        PASSWORD,
    )


def _fits(page: Any) -> bool:
    page.wait_for_load_state()
    wide = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    return bool(wide) and axe_violations(page) == []


def test_a_named_report_from_the_melder_to_the_vp_and_back(
    live_server: Any, browser: Any, organisation: Any
) -> None:
    base = live_server.url
    melder = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844}).new_page()
    log_in(melder, base, "wn@zorg-bv.test", PASSWORD)
    assert "Vera Vertrouwd" in melder.content()  # the start page says who the VP is
    melder.get_by_role("link", name="Schrijf de vertrouwenspersoon").first.click()
    expect(melder).to_have_url(re.compile(r"/vertrouwenspersoon/mijn/$"))
    assert _fits(melder)
    melder.get_by_label("Je bericht aan de vertrouwenspersoon").fill(STORY)
    melder.get_by_role("button", name="Versturen naar de vertrouwenspersoon").click()
    melder.wait_for_load_state()
    # Without the consent to register nothing is stored, and the text stays (CC-9).
    expect(melder.get_by_role("alert").first).to_be_visible()
    assert melder.get_by_label("Je bericht aan de vertrouwenspersoon").input_value() == STORY
    melder.get_by_label(re.compile("toestemming om mijn melding vast te leggen")).check()
    melder.get_by_role("button", name="Versturen naar de vertrouwenspersoon").click()
    expect(melder).to_have_url(re.compile(r"/vertrouwenspersoon/melding/\d+/$"))
    assert STORY in melder.content() and _fits(melder)

    vp = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844}).new_page()
    log_in(vp, base, "vp@zorg-bv.test", PASSWORD)
    # On a phone the reports are behind the menu button ("Wat nu?" lists only new first contacts).
    vp.get_by_role("button", name="Menu").click()
    vp.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Meldingen").click()
    expect(vp).to_have_url(re.compile(r"/vertrouwenspersoon/$"))
    assert "Willem Werknemer" in vp.content() and _fits(vp)
    vp.get_by_role("link", name=re.compile(r"Melding \d+")).first.click()
    expect(vp).to_have_url(re.compile(r"/vertrouwenspersoon/melding/\d+/$"))
    assert STORY in vp.content() and _fits(vp)
    vp.get_by_label("Bericht", exact=True).fill("Dank je. Zullen we donderdag bellen?")
    vp.get_by_role("button", name="Bericht versturen").click()
    vp.wait_for_load_state()
    vp.get_by_label("Categorie").select_option("BULLYING")
    vp.get_by_role("button", name="Categorie vastleggen").click()
    vp.wait_for_load_state()
    assert "Advies" in vp.content() and _fits(vp)
    vp.get_by_role("link", name="Terug naar de meldingen").click()
    vp.get_by_role("link", name=re.compile("Instellingen")).click()
    expect(vp).to_have_url(re.compile(r"/vertrouwenspersoon/instellingen/$"))
    assert _fits(vp)

    melder.reload()
    assert "Zullen we donderdag bellen?" in melder.content()
