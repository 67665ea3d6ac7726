"""An anonymous report to the vertrouwenspersoon in a real browser (SM-6, D15; docs/anonymous-reporting.md):
an employee reports without logging in and keeps the receipt code, the VP logs in and answers, and in
a new browser (no cookie of the first) the code opens the report with the answer. Accessible (axe),
without horizontal scroll at 390px, and without a session cookie."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import logged_in_page, organisation_with, submit
from werkvrede.confidential.models import Report
from werkvrede.core.roles import Role

PASSWORD = "browser-test-password"
STORY = "Een collega fluistert steeds opmerkingen als ik langsloop."
ANSWER = "Dank je voor je melding. Wil je vertellen wanneer het gebeurt?"


@pytest.fixture
def organisation(transactional_db: None) -> str:
    cache.clear()  # the rate limits live in the cache
    organisation_with(
        "Zorggroep Noord",
        "zorg-noord",
        [("vp", "Vera Vertrouwenspersoon", Role.CONFIDENTIAL_ADVISER)],
        PASSWORD,
    )
    return "zorg-noord"


def _fits(page: Any) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))


def _cookies(page: Any) -> set[str]:
    return {c["name"] for c in page.context.cookies()}


def test_an_anonymous_report_answered_by_the_vp_and_read_with_the_code(
    live_server: Any, browser: Any, page: Any, organisation: str
) -> None:
    base = live_server.url
    page.set_viewport_size({"width": 390, "height": 844})

    # 1. The employee reports without logging in.
    page.goto(f"{base}/melden/{organisation}/")
    expect(page.get_by_role("heading", name="Anoniem melden bij de vertrouwenspersoon")).to_be_visible()
    expect(page.get_by_text("Een verloren code kan niet worden hersteld", exact=False).first).to_be_visible()
    assert axe_violations(page) == []
    assert _fits(page)
    page.get_by_label("Waar gaat het over?").select_option("BULLYING")
    page.get_by_label("Je bericht aan de vertrouwenspersoon").fill(STORY)
    submit(page, "Anoniem versturen")

    # 2. The receipt: the code, once; a print button (JavaScript runs here); no session cookie.
    expect(page.get_by_role("heading", name="Je melding is verstuurd")).to_be_visible()
    code = page.locator("#ontvangstcode").inner_text().strip()
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", code)
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
    assert axe_violations(page) == []
    assert _fits(page)
    assert "sessionid" not in _cookies(page) and _cookies(page) <= {"csrftoken"}
    # Printed: the code, the organisation, the date and where to read it; not the page around it.
    page.emulate_media(media="print")
    expect(page.locator("#ontvangstcode")).to_be_visible()
    expect(page.get_by_text("Zorggroep Noord")).to_be_visible()
    expect(page.get_by_text(f"{base}/melden/ontvangstcode/")).to_be_visible()
    expect(page.get_by_role("button", name="Ik heb mijn code bewaard")).not_to_be_visible()
    expect(page.locator("header")).not_to_be_visible()
    page.emulate_media(media="screen")
    submit(page, "Ik heb mijn code bewaard")
    expect(page.get_by_text("Bewaar eerst je code")).to_be_visible()  # the box was not ticked
    assert page.locator("#ontvangstcode").inner_text().strip() == code
    page.get_by_label("Ik heb mijn code bewaard").check()
    submit(page, "Ik heb mijn code bewaard")
    expect(page.get_by_role("heading", name="Je melding lezen")).to_be_visible()
    assert code not in page.content()

    # 3. The VP reads it in the inbox and answers.
    report = Report.objects.get()
    vp = logged_in_page(browser, base, f"vp@{organisation}.test", PASSWORD)
    vp.goto(f"{base}/vertrouwenspersoon/")
    vp.get_by_role("link", name=f"Melding {report.pk}").click()
    vp.wait_for_load_state()
    expect(vp.get_by_text(STORY)).to_be_visible()
    vp.get_by_label("Bericht", exact=True).fill(ANSWER)
    submit(vp, "Bericht versturen")
    expect(vp.get_by_text(ANSWER)).to_be_visible()
    vp.context.close()

    # 4. In a new browser, the code opens the report with the answer; the reporter replies.
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    reader = context.new_page()
    reader.set_default_timeout(15_000)
    reader.goto(f"{base}/melden/ontvangstcode/")
    reader.get_by_label("Je ontvangstcode").fill(code)
    submit(reader, "Melding openen")
    expect(reader.get_by_role("heading", name="Je melding")).to_be_visible()
    expect(reader.get_by_text(STORY)).to_be_visible()
    expect(reader.get_by_text(ANSWER)).to_be_visible()
    assert reader.url.removeprefix(base) == "/melden/ontvangstcode/"  # no code in the address
    assert axe_violations(reader) == []
    assert _fits(reader)
    reader.get_by_label("Je antwoord aan de vertrouwenspersoon").fill("Meestal op maandag.")
    submit(reader, "Antwoord versturen")
    expect(reader.get_by_text("Je antwoord is verstuurd")).to_be_visible()
    expect(reader.get_by_text("Meestal op maandag.")).to_be_visible()
    assert "sessionid" not in _cookies(reader)
    context.close()
