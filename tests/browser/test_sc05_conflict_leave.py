"""SC-05 in a real browser: arbeidsconflictenverlof and its limits (Refs issue #4).

Lotte asks for 4 days (R-052 blocks; what she typed stays), then 3; HR approves with the
vertrouwenspersoon as the appointment (R-054/R-064 warn and ask for an acknowledgement), and the
approval points to the open spreekuur (R-055). Ahmed had leave 616 days ago (R-051); Pim is sick (R-056).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.browser.people import log_in, submit
from werkvrede.accounts.services import membership_grant, organisation_create, user_create
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role
from werkvrede.interventions import services as interventions
from werkvrede.protocol.services import protocol_ensure_default
from werkvrede.sickness import services as sickness

PASSWORD = "sc05-browser-password"


def _next_monday(day: date) -> date:
    return day + timedelta(days=7 - day.weekday())


@pytest.fixture
def sc05(transactional_db: None, django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    with django_capture_on_commit_callbacks(execute=True):
        organisation = organisation_create(name="Winkel BV", slug="winkel")
        protocol_ensure_default(organisation=organisation, conflict_leave_enabled=True)
        people = {}
        for key, name, role in [
            ("hr", "Hanna HR", Role.HR_ADVISER),
            ("lg", "Lars Leidinggevende", Role.LINE_MANAGER),
            ("lotte", "Lotte", Role.EMPLOYEE),
            ("ahmed", "Ahmed", Role.EMPLOYEE),
            ("pim", "Pim", Role.EMPLOYEE),
        ]:
            user = user_create(email=f"{key}@winkel.test", full_name=name, password=PASSWORD)
            people[key] = membership_grant(user=user, organisation=organisation, roles=[role])
        cases = {
            key: signal(people[key].user, organisation.pk, other=people["lg"])
            for key in ("lotte", "ahmed", "pim")
        }
        hr = actor_of(people["hr"].user, organisation.pk)
        today = timezone.localdate()
        earlier_start = _next_monday(today) - timedelta(days=616)
        asked_on = earlier_start - timedelta(days=3)
        earlier = interventions.leave_request(
            actor=actor_of(people["ahmed"].user, organisation.pk),
            case_id=cases["ahmed"].pk,
            start_on=earlier_start,
            end_on=earlier_start + timedelta(days=2),
            today=asked_on,
        )
        appointment = interventions.AppointmentInput(
            with_role="HR",
            with_person="Hanna HR",
            with_membership_id=None,
            chaired_by="",
            meeting_on=earlier_start,
        )
        interventions.leave_approve(
            actor=hr, case_id=cases["ahmed"].pk, leave_id=earlier.pk, today=asked_on, appointment=appointment
        )
        sick_since = sickness.ReportInput(first_sick_day=today - timedelta(days=2))
        sickness.report_save(
            actor=hr, case_id=cases["pim"].pk, data=sick_since, today=today, expected_version=0
        )
    return {"cases": cases, "monday": _next_monday(today)}


def _log_in(page: Any, base: str, email: str) -> None:
    log_in(page, base, email, PASSWORD)


def _request_leave(page: Any, base: str, case_id: int, start: date, end: date) -> None:
    page.goto(f"{base}/interventies/zaak/{case_id}/verlof/nieuw/")
    page.get_by_label("Eerste verlofdag").fill(start.isoformat())
    page.get_by_label("Laatste verlofdag").fill(end.isoformat())
    page.get_by_role("button", name="Aanvragen").click()
    page.wait_for_load_state()


def test_sc05_in_the_browser(live_server: Any, browser: Any, sc05: dict[str, Any]) -> None:
    base, cases, monday = live_server.url, sc05["cases"], sc05["monday"]

    lotte = browser.new_context(locale="nl-NL").new_page()
    _log_in(lotte, base, "lotte@winkel.test")
    _request_leave(lotte, base, cases["lotte"].pk, monday, monday + timedelta(days=3))
    alert = lotte.get_by_role("alert")
    assert "R-052" in alert.inner_text()
    assert lotte.get_by_label("Laatste verlofdag").input_value() == (monday + timedelta(days=3)).isoformat()
    _request_leave(lotte, base, cases["lotte"].pk, monday, monday + timedelta(days=2))
    assert "/verlof/" in lotte.url and "nieuw" not in lotte.url
    leave_url = lotte.url

    hr = browser.new_context(locale="nl-NL").new_page()
    _log_in(hr, base, "hr@winkel.test")
    hr.goto(leave_url)
    hr.get_by_label("Afspraak met (rol)").select_option("VP")
    hr.get_by_label("Naam van de persoon").fill("Vera (vertrouwenspersoon)")
    hr.locator("input[type=date]").first.fill(monday.isoformat())
    submit(hr, "Goedkeuren")
    warning = hr.get_by_role("alert").inner_text()
    assert "R-054" in warning
    for box in hr.get_by_label("Ik heb deze waarschuwing gelezen en ga toch door.").all():
        box.check()
    hr.get_by_role("button", name="Goedkeuren").click()
    hr.wait_for_load_state()
    page_text = hr.locator("main").inner_text()
    assert "Goedgekeurd" in page_text or "goedgekeurd" in page_text
    assert "spreekuur" in page_text

    for who, code in (("ahmed", "R-051"), ("pim", "R-056")):
        page = browser.new_context(locale="nl-NL").new_page()
        _log_in(page, base, f"{who}@winkel.test")
        _request_leave(page, base, cases[who].pk, monday, monday + timedelta(days=2))
        assert code in page.get_by_role("alert").inner_text(), who
