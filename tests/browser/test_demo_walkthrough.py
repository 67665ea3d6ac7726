"""Walk through the demo as its people would, in a real browser: every page opens, no accessibility
violation of impact serious or critical (axe-core), and each person reaches only their own cases (Refs #4).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from tests.browser.conftest import axe_violations
from tests.browser.people import log_in
from werkvrede.accounts.demo import DEMO_PASSWORD, load_demo
from werkvrede.demo.cases import load_demo_cases

PEOPLE = [
    ("hr@demo.werkvrede.nl", 6),
    ("bedrijfsarts@demo.werkvrede.nl", 4),
    ("werknemer@demo.werkvrede.nl", 1),
    ("leidinggevende@demo.werkvrede.nl", 6),
]


@pytest.fixture
def demo(transactional_db: None, django_capture_on_commit_callbacks: Any) -> None:
    with override_settings(DEBUG=True), django_capture_on_commit_callbacks(execute=True):
        load_demo()
        load_demo_cases(today=timezone.localdate())


def _log_in(page: Any, base: str, email: str) -> None:
    log_in(page, base, email, DEMO_PASSWORD)


def _visit(page: Any, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    assert axe_violations(page) == [], url


@pytest.mark.parametrize(("email", "cases"), PEOPLE, ids=[p[0].split("@")[0] for p in PEOPLE])
def test_each_person_walks_their_pages_and_cases(
    live_server: Any, page: Any, demo: None, email: str, cases: int
) -> None:
    base = live_server.url
    _log_in(page, base, email)
    assert axe_violations(page) == []
    menu = [
        a.get_attribute("href")
        for a in page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link").all()
    ]
    for href in menu:
        _visit(page, base + href)
    page.goto(f"{base}/zaken/")
    case_links = sorted({a.get_attribute("href") for a in page.locator("table a[href^='/zaken/']").all()})
    assert len(case_links) == cases
    for href in case_links:
        _visit(page, base + href)
        tabs = [
            a.get_attribute("href")
            for a in page.get_by_role("navigation", name="Onderdelen van de zaak").get_by_role("link").all()
        ]
        for tab in tabs:
            _visit(page, base + tab)
