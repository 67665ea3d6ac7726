""" "Did it feel fair?" in a real browser (ADR 0135): after HR completes the intake, the employee
finds the line on the case page, follows it, answers the three questions by keyboard-reachable
radio groups (one left out first: named, the other choices kept), and the answer is stored without
identity. Accessible (axe) and without horizontal scroll at 390px and 1280px."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import logged_in_page, organisation_with, submit
from werkvrede.cases.models import Case
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.phases import MEDIATION, PhaseEnded
from werkvrede.core.roles import Role
from werkvrede.fairness import services
from werkvrede.fairness.models import Answer, Invitation
from werkvrede.fairness.tests.helpers import ANSWERED_ON
from werkvrede.interventions.tests.helpers import behaviour_suspected

PASSWORD = "browser-test-password"
SLUG = "zorg-oost"


@pytest.fixture
def case(transactional_db: None) -> Case:
    organisation, members = organisation_with(
        "Zorg Oost",
        SLUG,
        [
            ("wn", "Wim Werknemer", Role.EMPLOYEE),
            ("lg", "Lia Leiding", Role.LINE_MANAGER),
            ("hr", "Hanna HR", Role.HR_ADVISER),
        ],
        PASSWORD,
    )
    case = signal(members["wn"].user, organisation.pk, other=members["lg"])
    hr = actor_of(members["hr"].user, organisation.pk)
    return behaviour_suspected(hr, case, today=date(2025, 3, 4))


def _accessible_at_both_widths(page: Any) -> None:
    for width, height in ((390, 844), (1280, 900)):
        page.set_viewport_size({"width": width, "height": height})
        assert axe_violations(page) == []
        fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        assert fits, f"horizontal scroll at {width}px"


def test_the_employee_answers_the_three_questions_after_the_intake(
    live_server: Any, browser: Any, case: Case
) -> None:
    page = logged_in_page(browser, live_server.url, f"wn@{SLUG}.test", PASSWORD)
    page.goto(f"{live_server.url}/zaken/{case.pk}/")
    expect(page.get_by_text("De intake is afgerond. Voelde het eerlijk?")).to_be_visible()
    page.get_by_role("link", name="Drie vragen beantwoorden").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="De intake is afgerond. Voelde het eerlijk?")).to_be_visible()
    group = page.get_by_role("group", name="Ik voelde me gehoord")
    assert group.get_by_role("radio").count() == 5
    _accessible_at_both_widths(page)
    page.locator("#heard-4").check()
    page.locator("#respect-5").check()
    page.get_by_label("Toelichting (niet verplicht)").fill("Rustig uitgelegd")
    submit(page, "Antwoorden versturen")
    expect(page.get_by_text("Nog niet verstuurd")).to_be_visible()
    expect(page.locator("#heard-4")).to_be_checked()
    expect(page.locator("#respect-5")).to_be_checked()
    expect(page.locator("#understood-error")).to_be_visible()
    assert page.get_by_label("Toelichting (niet verplicht)").input_value() == "Rustig uitgelegd"
    _accessible_at_both_widths(page)
    page.locator("#understood-3").check()
    submit(page, "Antwoorden versturen")
    expect(page.get_by_text("Je antwoorden zijn anoniem opgeslagen")).to_be_visible()
    row = Answer.objects.values("heard", "respect", "understood", "comment", "phase").get()
    assert row == {
        "heard": 4,
        "respect": 5,
        "understood": 3,
        "comment": "Rustig uitgelegd",
        "phase": "intake",
    }
    assert Invitation.objects.get(user__email=f"wn@{SLUG}.test").done
    page.goto(f"{live_server.url}/zaken/{case.pk}/")
    assert page.get_by_text("Voelde het eerlijk?").count() == 0


def test_hr_reads_the_results_per_quarter(live_server: Any, browser: Any, case: Case) -> None:
    employee = Invitation.objects.get(user__email=f"wn@{SLUG}.test")
    for i in range(3):
        ended = PhaseEnded(MEDIATION, case.organisation_id, f"walk:{i}", None, (employee.user_id,), None)
        services.invite(ended, ANSWERED_ON)
        invitation = Invitation.objects.get(subject=f"walk:{i}")
        services.answer(
            actor=actor_of(invitation.user, case.organisation_id),
            invitation=invitation,
            answers={"heard": 4, "respect": 5, "understood": 3},
            comment="Een lange toelichting zonder namen, over hoe het gesprek verliep en wat beter kan",
            today=ANSWERED_ON,
        )
    page = logged_in_page(browser, live_server.url, f"hr@{SLUG}.test", PASSWORD)
    page.get_by_role("link", name="Uitkomsten per kwartaal").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Voelde het eerlijk? Uitkomsten")).to_be_visible()
    expect(page.get_by_text("te weinig antwoorden").first).to_be_visible()
    expect(page.get_by_role("heading", name="2026-Q1 · Mediation")).to_be_visible()
    _accessible_at_both_widths(page)
