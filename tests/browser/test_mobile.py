"""Every page the demo people reach works on a phone (390 by 844 px): no horizontal scroll, a compact
header whose menu opens with a button (keyboard, no JavaScript needed), touch targets of 44 px, and no
accessibility violation of impact serious or critical (axe-core)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import log_in
from tests.browser.test_demo_walkthrough import PEOPLE, demo  # noqa: F401 - the demo fixture
from werkvrede.accounts.demo import DEMO_PASSWORD
from werkvrede.accounts.models import User
from werkvrede.accounts.services import membership_grant, organisation_create
from werkvrede.core.roles import Role

PHONE = {"width": 390, "height": 844}
OVERFLOW = "() => document.documentElement.scrollWidth > window.innerWidth"


def _check(page: Any, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5).map(e => e.tagName + '.' + e.className)"""
    )
    assert not page.evaluate(OVERFLOW), f"{url} scrolls sideways: {wide}"
    assert axe_violations(page) == [], url


def _pages(page: Any, base: str) -> list[str]:
    """The menu's pages, every case and every tab of a case (hidden behind the menu button or not)."""
    page.goto(base + "/")
    urls = [a.get_attribute("href") for a in page.locator("nav.wv-nav a").all()]
    page.goto(f"{base}/zaken/")
    cases = sorted({a.get_attribute("href") for a in page.locator("a[href^='/zaken/']").all()})
    cases = [c for c in cases if c.rstrip("/").split("/")[-1].isdigit()]
    for case in cases:
        page.goto(base + case)
        urls.append(case)
        urls += [
            a.get_attribute("href")
            for a in page.get_by_role("navigation", name="Onderdelen van de zaak").get_by_role("link").all()
        ]
    return list(dict.fromkeys(urls))


@pytest.mark.parametrize(("email", "cases"), PEOPLE, ids=[p[0].split("@")[0] for p in PEOPLE])
def test_every_page_fits_a_phone(live_server: Any, browser: Any, demo: None, email: str, cases: int) -> None:  # noqa: F811
    if email.startswith("hr@"):
        # A second organisation, so the organisation switch is in the header too.
        other = organisation_create(name="Tweede Organisatie met een lange naam B.V.", slug="tweede")
        membership_grant(user=User.objects.get(email=email), organisation=other, roles=[Role.HR_ADVISER])
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    base = live_server.url
    log_in(page, base, email, DEMO_PASSWORD)
    urls = _pages(page, base)
    assert len(urls) > 3
    if email.startswith("hr@"):
        urls += ["/zaken/nieuw/"] if page.goto(base + "/zaken/nieuw/").status == 200 else []
    for url in urls:
        _check(page, base + url)
    context.close()


def test_the_header_is_compact_and_its_menu_opens_with_the_keyboard(
    live_server: Any,
    browser: Any,
    demo: None,  # noqa: F811
) -> None:
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    base = live_server.url
    log_in(page, base, "hr@demo.werkvrede.nl", DEMO_PASSWORD)
    header = page.locator("header.wv-header").bounding_box()
    assert header is not None and header["height"] <= 80
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu).not_to_be_visible()
    button = page.get_by_role("button", name="Menu")
    box = button.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44
    button.focus()
    page.keyboard.press("Enter")
    expect(menu).to_be_visible()
    for link in menu.get_by_role("link").all():
        link_box = link.bounding_box()
        assert link_box is not None and link_box["height"] >= 44, link.inner_text()
    assert not page.evaluate(OVERFLOW)
    page.keyboard.press("Escape")
    expect(menu).not_to_be_visible()
    context.close()


def test_the_wide_screen_shows_the_menu_without_a_button(live_server: Any, page: Any, demo: None) -> None:  # noqa: F811
    log_in(page, live_server.url, "hr@demo.werkvrede.nl", DEMO_PASSWORD)
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).not_to_be_visible()


def test_checkboxes_are_big_enough_to_tap(live_server: Any, browser: Any, demo: None) -> None:  # noqa: F811
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    base = live_server.url
    log_in(page, base, "hr@demo.werkvrede.nl", DEMO_PASSWORD)
    seen = 0
    for url in ("/zaken/nieuw/", "/account/mensen/", "/protocol/"):
        page.goto(base + url)
        for box in page.locator(".wv-main input[type=checkbox], .wv-main input[type=radio]").all():
            if not box.is_visible():
                continue
            target = box.evaluate(
                """e => { const s = getComputedStyle(e);
                    const own = e.getBoundingClientRect().height
                        + parseFloat(s.marginTop) + parseFloat(s.marginBottom);
                    return Math.max(own, ...[...e.labels].map(l => l.getBoundingClientRect().height)); }"""
            )
            assert target >= 44, url
            seen += 1
    assert seen > 0
    context.close()
