"""A step done after its due date stays late on every page and in the API (ADR 0100).

The app cannot record a probleemanalyse yet, so a facts provider stands in for the sickness context
and supplies `sick_report.problem_analysis.on`; everything after it (the bridge, the stored rows,
the pages, the API) is the real code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from conftest import World
from werkvrede.cases import extensions, services
from werkvrede.cases.deadlines import case_deadlines_refresh
from werkvrede.cases.guideline_bridge import stored_case_advice
from werkvrede.cases.models import Case, CaseDeadline
from werkvrede.cases.selectors import LATE_SHOWN_DAYS, due_deadlines_for
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role

FSD = date(2025, 9, 1)  # a Monday: the end of week 6 is Sunday 12 October, met on Monday 13 October
PA_LATE = date(2025, 10, 27)  # two weeks after that Monday: 10 working days late
PA_ON_TIME = date(2025, 10, 13)
TODAY = date(2025, 10, 30)


def _facts(pa_on: date) -> dict[str, Any]:
    return {
        "sick_report": {
            "first_sick_day": FSD.isoformat(),
            "notified_to_ba_on": "2025-09-02",
            "verdict": {"value": "AO", "recorded_on": "2025-09-03", "author_role": "BA"},
            "conflict_finding": {"conflict": False, "recorded_on": "2025-09-03", "author_role": "BA"},
            "problem_analysis": {"on": pa_on.isoformat()},
        }
    }


@pytest.fixture
def pa_on() -> Iterator[list[date]]:
    """Stand in for the sickness context: the date of the probleemanalyse (changeable in a test)."""
    day = [PA_LATE]
    extensions._FACTS["test-sickness"] = lambda case: _facts(day[0])
    yield day
    del extensions._FACTS["test-sickness"]


@pytest.fixture
def case(world: World, pa_on: list[date]) -> Case:
    case = signal(
        world.a.users[Role.EMPLOYEE], world.a.organisation.pk, other=world.a.memberships[Role.LINE_MANAGER]
    )
    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    services.participant_add(
        actor=hr,
        case_id=case.pk,
        membership_id=world.a.memberships[Role.OCCUPATIONAL_PHYSICIAN].pk,
        role="BA",
    )
    case_deadlines_refresh(case.pk, today=TODAY)
    return case


def test_the_bridge_gives_the_late_finding_and_the_stored_row_stays_late(case: Case) -> None:
    advice = stored_case_advice(case, today=TODAY)
    [late] = [f for f in advice.findings if f.code == "R-150"]
    assert late.severity == "WARN" and "T-03" in late.message.nl and "10 werkdagen te laat" in late.message.nl
    row = CaseDeadline.objects.get(case=case, code="T-03")
    assert (row.status, row.late_working_days, row.done_on) == ("DONE_LATE", 10, PA_LATE)


def test_done_on_the_monday_after_a_sunday_due_date_is_on_time(case: Case, pa_on: list[date]) -> None:
    pa_on[0] = PA_ON_TIME
    case_deadlines_refresh(case.pk, today=TODAY)
    row = CaseDeadline.objects.get(case=case, code="T-03")
    assert (row.status, row.late_working_days) == ("DONE", None)
    assert not any(f.code == "R-150" for f in stored_case_advice(case, today=TODAY).findings)


def test_the_api_reports_done_late_with_the_working_days(
    case: Case, client_as: Callable[..., Client]
) -> None:
    rows = client_as(Role.HR_ADVISER).get(f"/api/v1/cases/{case.pk}/deadlines").json()
    t03 = next(r for r in rows if r["code"] == "T-03")
    assert (t03["status"], t03["late_working_days"], t03["overdue"]) == ("DONE_LATE", 10, False)
    t01 = next(r for r in rows if r["code"] == "T-01")
    assert (t01["status"], t01["late_working_days"]) == ("DONE", None)


def test_the_openapi_document_describes_the_late_days(client_as: Callable[..., Client]) -> None:
    schemas = client_as(Role.EMPLOYEE).get("/api/v1/openapi.json").json()["components"]["schemas"]
    deadline = next(s for name, s in schemas.items() if name.endswith("CaseDeadlineOut"))
    assert "late_working_days" in deadline["properties"]


def test_the_case_page_shows_the_step_as_late_not_as_done(
    case: Case, client_as: Callable[..., Client]
) -> None:
    html = client_as(Role.HR_ADVISER).get(f"/zaken/{case.pk}/").content.decode()
    assert "Gedaan, 10 werkdagen te laat" in html
    english = client_as(Role.HR_ADVISER).get(f"/zaken/{case.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Done, 10 working days late" in english


def test_the_signals_show_a_recent_late_step_for_a_while(world: World, case: Case) -> None:
    ba = actor_of(world.a.users[Role.OCCUPATIONAL_PHYSICIAN], world.a.organisation.pk)
    [item] = [i for i in due_deadlines_for(ba, today=TODAY) if i.deadline.code == "T-03"]
    assert item.deadline.status == "DONE_LATE" and not item.overdue
    later = PA_LATE + timedelta(days=LATE_SHOWN_DAYS + 1)
    assert not [i for i in due_deadlines_for(ba, today=later) if i.deadline.code == "T-03"]


def test_the_start_page_says_done_late(case: Case, client_as: Callable[..., Client]) -> None:
    from unittest import mock

    with mock.patch("werkvrede.core.views.timezone.localdate", return_value=TODAY):
        html = client_as(Role.OCCUPATIONAL_PHYSICIAN).get("/").content.decode()
    assert "T-03" in html and "Gedaan, 10 werkdagen te laat" in html
