"""Case deadlines follow the guideline and are replaced, not duplicated (Refs issue #4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from conftest import World
from werkvrede.cases import extensions
from werkvrede.cases.deadlines import case_deadlines_refresh
from werkvrede.cases.models import Case, CaseDeadline
from werkvrede.cases.tests.helpers import signal
from werkvrede.core.roles import Role

SICK_SINCE_SC02 = {
    "sick_report": {
        "first_sick_day": "2025-09-01",
        "conflict_signalled": True,
        "notified_to_ba_on": "2025-09-02",
        "consult_on": "2025-09-03",
        "consult_by": "BA",
        "verdict": {"value": "AO", "recorded_on": "2025-09-03", "author_role": "BA"},
        "conflict_finding": {"conflict": True, "recorded_on": "2025-09-03", "author_role": "BA"},
    }
}


@pytest.fixture
def sick_report_facts() -> Iterator[None]:
    """Stand in for the sickness context's fact provider."""

    def provider(case: Case) -> dict[str, Any]:
        return SICK_SINCE_SC02

    extensions._FACTS["test-sickness"] = provider
    yield
    del extensions._FACTS["test-sickness"]


def test_a_case_with_a_sick_report_gets_the_poortwachter_deadlines(
    world: World, sick_report_facts: None
) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    rows = case_deadlines_refresh(case.pk, today=date(2025, 9, 10))
    by_code = {r.code: r for r in rows}
    assert by_code["T-03"].due == date(2025, 10, 12)
    assert by_code["T-03"].practical_due == date(2025, 10, 10)
    assert by_code["T-03"].owner_roles == ",BA,"
    assert by_code["T-03"].category == "D10"
    assert by_code["T-06"].due == date(2026, 6, 22)
    assert by_code["T-07"].window_start == date(2026, 7, 13)
    assert by_code["T-07"].due == date(2026, 8, 30)  # the end of the window is what is due
    assert by_code["T-01"].status == CaseDeadline.Status.DONE


def test_refreshing_twice_replaces_the_rows(world: World, sick_report_facts: None) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    first = len(case_deadlines_refresh(case.pk, today=date(2025, 9, 10)))
    case_deadlines_refresh(case.pk, today=date(2025, 9, 10))
    assert CaseDeadline.objects.filter(case=case).count() == first > 5


def test_a_case_without_a_sick_report_has_no_poortwachter_deadlines(world: World) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    codes = {r.code for r in case_deadlines_refresh(case.pk, today=date(2025, 9, 10))}
    assert not codes & {f"T-{n:02d}" for n in range(1, 14)}
