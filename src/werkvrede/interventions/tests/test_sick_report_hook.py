"""A sick report recorded in the sickness context ends a running interventieperiode (R-049)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from conftest import World
from werkvrede.cases import extensions
from werkvrede.cases.tests.helpers import signal
from werkvrede.core.roles import Role


@pytest.fixture
def listener_calls() -> Iterator[list[dict[str, object]]]:
    calls: list[dict[str, object]] = []
    extensions._SICK_REPORT_LISTENERS.append(lambda **kw: calls.append(kw))
    yield calls
    extensions._SICK_REPORT_LISTENERS.pop()


def test_the_interventions_context_listens_for_sick_reports() -> None:
    from werkvrede.interventions.services import interventions_end_by_sick_report

    assert interventions_end_by_sick_report in extensions._SICK_REPORT_LISTENERS


def test_recording_a_sick_report_announces_it(world: World, listener_calls: list[dict[str, object]]) -> None:
    from werkvrede.cases.tests.helpers import actor_of
    from werkvrede.sickness import services

    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    data = services.ReportInput(first_sick_day=date(2025, 3, 3))
    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    services.report_save(actor=hr, case_id=case.pk, data=data, today=date(2025, 3, 4), expected_version=0)
    assert listener_calls == [{"actor": hr, "case_id": case.pk, "sick_reported_on": date(2025, 3, 3)}]
