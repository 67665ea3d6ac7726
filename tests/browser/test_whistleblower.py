"""The whistleblower channel in a real browser (SM-8, D18; docs/whistleblower.md): an anonymous report
through /melden/<slug>/klokkenluider/, the officer logs in with two-factor and acknowledges it, the
reporter reads the acknowledgement with the receipt code; a reminder is queued before day 7, and a
second report not acknowledged in time shows as overdue. Accessible (axe) at 390 px and 1280 px."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from conftest import totp_device_for
from tests.browser.conftest import axe_violations
from tests.browser.people import log_in_with_form, organisation_with, submit
from werkvrede.accounts.models import User
from werkvrede.core.roles import Role
from werkvrede.notifications.models import OutgoingMail
from werkvrede.whistleblower import services
from werkvrede.whistleblower.models import WhistleReport, WhistleState

PASSWORD = "browser-test-password"
STORY = "In het magazijn zijn de brandblussers al een jaar niet gekeurd."
SLUG = "bouw-west"


@pytest.fixture
def organisation(transactional_db: None) -> Any:
    cache.clear()  # the rate limits live in the cache
    organisation, _members = organisation_with(
        "Bouwbedrijf West", SLUG, [("do", "Dewi Meldpunt", Role.WHISTLEBLOWER_OFFICER)], PASSWORD
    )
    return organisation


def _fits(page: Any) -> bool:
    page.wait_for_load_state()
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))


def test_an_anonymous_report_acknowledged_by_the_officer(
    live_server: Any, browser: Any, page: Any, organisation: Any, settings: Any
) -> None:
    settings.WERKVREDE_RECEIPT_DELAY_SECONDS = 0
    base = live_server.url
    today = timezone.localdate()

    # 1. The reporter, without logging in, at 390 px and 1280 px.
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 844})
        page.goto(f"{base}/melden/{SLUG}/klokkenluider/")
        expect(page.get_by_role("heading", name="Anoniem een misstand melden")).to_be_visible()
        assert axe_violations(page) == [] and _fits(page)
    submit(page, "Anoniem versturen")
    expect(page.get_by_role("alert").first).to_be_visible()  # an empty message: says what to fix
    page.get_by_label("Wat wil je melden?").fill(STORY)
    submit(page, "Anoniem versturen")
    code = page.locator("#ontvangstcode").inner_text().strip()
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", code)
    assert axe_violations(page) == [] and _fits(page)
    assert not any(c["name"] == settings.SESSION_COOKIE_NAME for c in page.context.cookies())
    report = WhistleReport.objects.get(organisation=organisation)

    # 2. A reminder to the officer is queued before day 7 (T-20 is due on day 7), once.
    assert services.reminders_enqueue(today=today + timedelta(days=4)) == 0
    assert services.reminders_enqueue(today=today + timedelta(days=5)) == 1
    assert OutgoingMail.objects.filter(kind=services.MAIL_REMINDER).count() == 1

    # 3. A second report that nobody acknowledged within 7 days shows as overdue.
    late, _code = services.anonymous_report(
        organisation_id=organisation.pk,
        message="Er wordt met facturen gesjoemeld.",
        today=today - timedelta(days=9),
    )

    # 4. The officer logs in with the password and a two-factor code, sees both, and acknowledges.
    totp_device_for(User.objects.get(email=f"do@{SLUG}.test"))
    officer = browser.new_context(locale="nl-NL").new_page()
    officer.set_default_timeout(15_000)
    log_in_with_form(officer, base, f"do@{SLUG}.test", PASSWORD)
    officer.get_by_role("link", name="Klokkenluiders").first.click()
    officer.wait_for_load_state()
    assert re.search(r"/klokkenluiders/$", officer.url)
    inbox = officer.content()
    assert "te laat" in inbox and "uiterlijk" in inbox
    first_row = officer.locator("tbody tr").first.inner_text()
    assert f"Melding {late.pk}" in first_row and "te laat" in first_row  # overdue first
    for width in (1280, 390):
        officer.set_viewport_size({"width": width, "height": 844})
        assert axe_violations(officer) == [] and _fits(officer)
    officer.get_by_role("link", name=f"Melding {report.pk}", exact=True).click()
    officer.wait_for_load_state()
    assert STORY in officer.content()
    assert axe_violations(officer) == [] and _fits(officer)
    officer.get_by_label("Bericht", exact=True).fill("Je melding is ontvangen; we kijken ernaar.")
    submit(officer, "Ontvangst bevestigen")
    report.refresh_from_db()
    assert (report.state, report.acknowledged_on) == (WhistleState.ACKNOWLEDGED, today)
    assert "op tijd bevestigd" in officer.content()

    # 5. The reporter reads the acknowledgement with the code, in a new browser.
    reader = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844}).new_page()
    reader.goto(f"{base}/melden/klokkenluider/ontvangstcode/")
    reader.get_by_label("Ontvangstcode").fill(code)
    submit(reader, "Melding openen")
    assert "we kijken ernaar" in reader.content() and "Ontvangst bevestigd" in reader.content()
    assert axe_violations(reader) == [] and _fits(reader)
