""" "Wat nu?" on the demo, in a real browser: each person sees every action the demo has waiting for
them, with one link each; following the first link opens the page where it is done; a signature is
completed end to end, as is the casemanager's report of a sick report to the bedrijfsarts
(T-01). No accessibility violation of impact serious or critical (axe-core)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import log_in
from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.demo import DEMO_ORGANISATION, DEMO_PASSWORD, load_demo
from werkvrede.accounts.models import Organisation, User
from werkvrede.core.next_steps import next_steps_for
from werkvrede.demo.cases import load_demo_cases
from werkvrede.demo.confidential import load_demo_reports
from werkvrede.demo.mediation import load_demo_mediation

PEOPLE = [
    "werknemer",
    "leidinggevende",
    "hr",
    "casemanager",
    "bedrijfsarts",
    "mediator",
    "vertrouwenspersoon",
    "steunpersoon",
]


@pytest.fixture
def demo(transactional_db: None, django_capture_on_commit_callbacks: Any) -> None:
    today = timezone.localdate()
    with override_settings(DEBUG=True), django_capture_on_commit_callbacks(execute=True):
        load_demo()
        load_demo_cases(today=today)
        load_demo_mediation(today=today)
        load_demo_reports(today=today)


def _email(key: str) -> str:
    return f"{key}@demo.werkvrede.nl"


def _steps(key: str) -> list[Any]:
    organisation = Organisation.objects.get(slug=DEMO_ORGANISATION[1])
    actor = actor_for(User.objects.get(email=_email(key)), organisation.pk)
    return next_steps_for(actor, today=timezone.localdate())


def _what_now(page: Any) -> Any:
    return page.locator("section[aria-labelledby='wat-nu']")


@pytest.mark.parametrize("key", PEOPLE)
def test_each_person_sees_what_waits_and_reaches_where_it_is_done(
    live_server: Any, page: Any, demo: None, key: str
) -> None:
    base = live_server.url
    log_in(page, base, _email(key), DEMO_PASSWORD)
    assert axe_violations(page) == []
    section = _what_now(page)
    assert "Er is op dit moment niets voor je te doen." not in section.inner_text()
    for step in _steps(key):
        # Items may share a text (the same question for two phases) or a link (two deadlines of one
        # case): find each by both.
        item = section.locator(f"li:has(a[href='{step.url}'])").filter(has_text=str(step.text))
        assert item.count() >= 1, step.text
        assert item.first.get_by_role("link", name=str(step.button)).count() >= 1
        if step.when:
            assert step.when in item.first.inner_text()
    links = section.get_by_role("link")
    assert links.count() >= 1, key
    href = links.first.get_attribute("href")
    response = page.goto(base + href)
    assert response is not None and response.status == 200, href
    assert axe_violations(page) == [], href


@pytest.mark.parametrize("key", ["werknemer", "hr"])
def test_the_plan_van_aanpak_is_signed_from_wat_nu(live_server: Any, page: Any, demo: None, key: str) -> None:
    base = live_server.url
    log_in(page, base, _email(key), DEMO_PASSWORD)
    section = _what_now(page)
    item = section.locator("li", has_text="Plan van aanpak")
    item.get_by_role("link", name="Lezen en ondertekenen").click()
    page.wait_for_load_state()
    assert axe_violations(page) == []
    page.get_by_label("Typ uw volledige naam om te ondertekenen").fill(
        User.objects.get(email=_email(key)).full_name
    )
    page.get_by_role("button", name="Ondertekenen").click()
    page.wait_for_load_state()
    page.goto(base + "/")
    assert _what_now(page).locator("li", has_text="Plan van aanpak").count() == 0


def _answer_fairly(page: Any) -> None:
    page.locator("#heard-4").check()
    page.locator("#respect-5").check()
    page.locator("#understood-3").check()
    page.get_by_role("button", name="Antwoorden versturen").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Je antwoorden zijn anoniem opgeslagen")).to_be_visible()


def _take_contact_request(page: Any) -> None:
    page.get_by_role("button", name="Aanvraag oppakken").click()
    page.wait_for_load_state()


def _hold_vp_intake(page: Any) -> None:
    for name in ("confidentiality_explained", "privilege_limits_explained", "registration_consent"):
        page.locator(f"input[name='{name}']").check()
    page.get_by_role("button", name="Intake vastleggen").click()
    page.wait_for_load_state()
    expect(page.get_by_text("De intake is vastgelegd.")).to_be_visible()


def _open_preparation(page: Any) -> None:
    # Opening the shared preparation is what accepting the invitation means (D17).
    expect(page.get_by_role("heading", level=1)).to_be_visible()


# Per role, one pending action of the demo and how it is completed from the page "Wat nu?" links to.
COMPLETIONS = [
    ("werknemer", "fairness.questions", _answer_fairly),
    ("leidinggevende", "fairness.questions", _answer_fairly),
    ("mediator", "contact.request", _take_contact_request),
    ("vertrouwenspersoon", "confidential.new_report", _hold_vp_intake),
    ("steunpersoon", "supporters.invitation", _open_preparation),
]


@pytest.mark.parametrize(("key", "kind", "complete"), COMPLETIONS, ids=[c[0] for c in COMPLETIONS])
def test_following_wat_nu_completes_the_action_and_it_leaves_the_list(
    live_server: Any, page: Any, demo: None, key: str, kind: str, complete: Any
) -> None:
    base = live_server.url
    log_in(page, base, _email(key), DEMO_PASSWORD)
    step = next(s for s in _steps(key) if s.kind == kind)
    link = _what_now(page).locator(f"a[href='{step.url}']")
    assert link.count() == 1, step.text
    link.click()
    page.wait_for_load_state()
    assert axe_violations(page) == [], step.url
    complete(page)
    page.goto(base + "/")
    assert _what_now(page).locator(f"a[href='{step.url}']").count() == 0, step.text
    assert all(s.url != step.url for s in _steps(key))


def test_the_occupational_physician_writes_the_problem_analysis_from_wat_nu(
    live_server: Any, page: Any, demo: None
) -> None:
    base = live_server.url
    log_in(page, base, _email("bedrijfsarts"), DEMO_PASSWORD)
    step = next(s for s in _steps("bedrijfsarts") if s.code == "T-03")
    item = _what_now(page).locator("li", has_text=str(step.text))
    item.get_by_role("link", name=str(step.button)).click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Ziekmelding").first.click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Opstellen").first.click()
    page.wait_for_load_state()
    assert axe_violations(page) == []
    for area in page.locator("form textarea").all():
        area.fill("Besproken op het spreekuur.")
    page.get_by_role("button", name="Concept opslaan").click()
    page.wait_for_load_state()
    page.get_by_label("Typ uw volledige naam om te ondertekenen").fill(
        User.objects.get(email=_email("bedrijfsarts")).full_name
    )
    page.get_by_role("button", name="Ondertekenen").click()
    page.wait_for_load_state()
    page.goto(base + "/")
    assert _what_now(page).locator("li", has_text=str(step.text)).count() == 0
    assert all(s.code != "T-03" or s.late_done for s in _steps("bedrijfsarts"))


def test_the_casemanager_reports_yesterdays_sick_report_to_the_physician_from_wat_nu(
    live_server: Any, page: Any, demo: None
) -> None:
    """T-01 (R-010): the demo's fresh sick report waits for the casemanager; done from "Wat nu?"."""
    base = live_server.url
    log_in(page, base, _email("casemanager"), DEMO_PASSWORD)
    step = next(s for s in _steps("casemanager") if s.code == "T-01")
    item = _what_now(page).locator("li", has_text=str(step.text))
    item.get_by_role("link", name=str(step.button)).click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Ziekmelding").first.click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Ziekmelding bijwerken").click()
    page.wait_for_load_state()
    assert axe_violations(page) == []
    page.get_by_label("Gemeld bij de arbodienst of bedrijfsarts op").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Ziekmelding opslaan").click()
    page.wait_for_load_state()
    page.goto(base + "/")
    assert _what_now(page).locator("li", has_text=str(step.text)).count() == 0
    assert all(s.code != "T-01" for s in _steps("casemanager"))
