"""The prevention pulse in a real browser (docs/prevention.md): HR starts a pulse for a team and
shares its link; three people answer anonymously, each in their own browser, without logging in and
without a cookie but the CSRF one; HR sees no scores while the pulse is open and too few answers
are said to be too few; once closed with min_cell answers (3), the results per factor and the advice
for the high factor show. Accessible (axe) and without horizontal scroll at 390px and 1280px."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import logged_in_page, organisation_with, submit
from werkvrede.core.roles import Role
from werkvrede.guideline import prevention
from werkvrede.prevention.models import PulseResponse

PASSWORD = "browser-test-password"
SLUG = "bouw-west"
# Workload high for everyone: too much work (PS-7, adds risk) and no resources (PS-8, protects).
ANSWERS = {**dict.fromkeys(prevention.STATEMENT_CODES, 3), "PS-7": 5, "PS-8": 1}


@pytest.fixture
def organisation(transactional_db: None) -> str:
    cache.clear()  # the rate limit lives in the cache
    organisation_with("Bouwbedrijf West", SLUG, [("hr", "Hanna HR", Role.HR_ADVISER)], PASSWORD)
    return SLUG


def _fits(page: Any) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))


def _accessible_at_both_widths(page: Any) -> None:
    for width, height in ((390, 844), (1280, 900)):
        page.set_viewport_size({"width": width, "height": height})
        assert axe_violations(page) == []
        assert _fits(page), f"horizontal scroll at {width}px"


def _answer(browser: Any, link: str, *, first: bool = False) -> None:
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(link)
    expect(page.get_by_role("heading", name="Peiling voor Team Beton")).to_be_visible()
    if first:
        # Each statement is a group of five labelled choices, reachable by keyboard and screen reader.
        group = page.get_by_role("group", name=prevention.STATEMENTS[0].text_nl)
        assert group.get_by_role("radio").count() == 5
        expect(group.get_by_label("Helemaal eens")).to_be_visible()
        _accessible_at_both_widths(page)
        # Sent with one statement unanswered: the page names it and keeps the other choices.
        for code, value in ANSWERS.items():
            if code != "PS-15":
                page.locator(f"#{code}-{value}").check()
        submit(page, "Antwoorden versturen")
        expect(page.get_by_text("Nog niet verstuurd")).to_be_visible()
        expect(page.locator("#PS-7-5")).to_be_checked()
        expect(page.locator("#PS-15-error")).to_be_visible()
        _accessible_at_both_widths(page)
        page.locator("#PS-15-3").check()
    else:
        for code, value in ANSWERS.items():
            page.locator(f"#{code}-{value}").check()
    submit(page, "Antwoorden versturen")
    expect(page.get_by_role("heading", name="Bedankt voor je antwoorden")).to_be_visible()
    assert {c["name"] for c in context.cookies()} <= {"csrftoken"}
    context.close()


def test_hr_starts_a_pulse_the_team_answers_and_results_show_from_min_cell(
    live_server: Any, browser: Any, organisation: str
) -> None:
    base = live_server.url
    hr = logged_in_page(browser, base, f"hr@{organisation}.test", PASSWORD)

    # 1. HR finds the pulses from the start page and starts one for a team.
    hr.get_by_role("link", name="Peilingen per team").click()
    hr.wait_for_load_state()
    expect(hr.get_by_text("Er is nog geen peiling")).to_be_visible()
    hr.get_by_label("Team").fill("Team Beton")
    submit(hr, "Peiling starten")
    expect(hr.get_by_role("heading", name="Peiling Team Beton")).to_be_visible()
    link = hr.locator("#pulse-link").input_value()
    assert link.startswith(f"{base}/peiling/")

    # 2. Two people answer: too few to show anything.
    _answer(browser, link, first=True)
    _answer(browser, link)
    assert PulseResponse.objects.count() == 2
    hr.reload()
    expect(hr.get_by_text("Er zijn nog te weinig antwoorden om iets te tonen")).to_be_visible()
    assert hr.locator("#factoren").count() == 0

    # 3. A third: enough, but no scores while the pulse is open.
    _answer(browser, link)
    hr.reload()
    expect(hr.get_by_text("Er zijn genoeg antwoorden")).to_be_visible()
    assert hr.locator("#factoren").count() == 0

    # 4. HR closes it (confirmed) and reads the results per factor, with the workload advice.
    hr.get_by_role("link", name="Peiling sluiten").click()
    hr.wait_for_load_state()
    submit(hr, "Ja, sluiten")
    expect(hr.get_by_text("3 mensen hebben geantwoord.")).to_be_visible()
    table = hr.get_by_role("table", name="Risicoscore per factor")
    workload = table.get_by_role("row").filter(has_text="Werkdruk en middelen")
    assert "hoog" in workload.inner_text() and "5,0" in workload.inner_text()
    assert "hoog" not in table.get_by_role("row").filter(has_text="Rolduidelijkheid").inner_text()
    expect(hr.get_by_text(prevention.factor("PF-5").advice_nl)).to_be_visible()
    _accessible_at_both_widths(hr)

    # 5. The link now says, honestly, that the pulse is closed.
    closed = browser.new_context(locale="nl-NL").new_page()
    closed.goto(link)
    expect(closed.get_by_role("heading", name="Deze peiling is gesloten")).to_be_visible()
    _accessible_at_both_widths(closed)
    closed.context.close()
    hr.context.close()
