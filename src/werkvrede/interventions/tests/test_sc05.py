"""Scenario SC-05 (arbeidsconflictenverlof limits) through the services."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import World
from werkvrede.cases import extensions
from werkvrede.core.refusals import Blocked, NeedsAttention
from werkvrede.core.roles import Role
from werkvrede.interventions import services
from werkvrede.interventions.models import ConflictLeave, LeaveState
from werkvrede.interventions.tests.helpers import actor, appointment, employee_case, run_due
from werkvrede.protocol.services import protocol_ensure_default


@pytest.fixture
def enabled(world: World) -> World:
    protocol_ensure_default(organisation=world.a.organisation, conflict_leave_enabled=True)
    return world


def _request(world: World, case_id: int, start: date, end: date, today: date | None = None) -> ConflictLeave:
    return services.leave_request(
        actor=actor(world, Role.EMPLOYEE), case_id=case_id, start_on=start, end_on=end, today=today or start
    )


def _codes(exc: pytest.ExceptionInfo[Exception]) -> set[str]:
    return {f.code for f in exc.value.findings}  # type: ignore[attr-defined]


def test_leave_is_blocked_when_the_protocol_does_not_offer_it(world: World) -> None:
    case = employee_case(world)
    with pytest.raises(Blocked) as exc:
        _request(world, case.pk, date(2025, 9, 22), date(2025, 9, 24))
    assert _codes(exc) == {"R-050"}
    assert not ConflictLeave.objects.exists()


def test_ahmed_had_leave_less_than_24_months_ago(enabled: World) -> None:
    world = enabled
    case = employee_case(world)
    hr = actor(world, Role.HR_ADVISER)
    earlier = _request(world, case.pk, date(2024, 1, 15), date(2024, 1, 17), today=date(2024, 1, 10))
    services.leave_approve(
        actor=hr,
        case_id=case.pk,
        leave_id=earlier.pk,
        appointment=appointment("HR", "Ria (HR)", date(2024, 1, 18)),
        today=date(2024, 1, 10),
    )
    with pytest.raises(Blocked) as exc:
        _request(world, case.pk, date(2025, 9, 22), date(2025, 9, 24))
    assert _codes(exc) == {"R-051"}
    message = exc.value.findings[0].message
    assert "15 January 2026" in message.en and "15 januari 2026" in message.nl


def test_lotte_four_days_then_three_without_then_with_the_vp_then_with_hr(enabled: World) -> None:
    world = enabled
    case = employee_case(world)
    hr = actor(world, Role.HR_ADVISER)
    with pytest.raises(Blocked) as exc:
        _request(world, case.pk, date(2025, 9, 22), date(2025, 9, 25))
    assert _codes(exc) == {"R-052"}
    leave = _request(world, case.pk, date(2025, 9, 22), date(2025, 9, 24), today=date(2025, 9, 15))
    assert leave.state == LeaveState.ELIGIBILITY_CHECKED
    with pytest.raises(Blocked) as exc:
        services.leave_approve(
            actor=hr, case_id=case.pk, leave_id=leave.pk, appointment=None, today=date(2025, 9, 15)
        )
    assert _codes(exc) == {"R-054"}
    vp = appointment("VP", "de vertrouwenspersoon", date(2025, 9, 23))
    with pytest.raises(NeedsAttention) as warned:
        services.leave_approve(
            actor=hr, case_id=case.pk, leave_id=leave.pk, appointment=vp, today=date(2025, 9, 15)
        )
    assert _codes(warned) == {"R-054"}
    assert "R-064" in warned.value.findings[0].message.en
    leave.refresh_from_db()
    assert leave.state == LeaveState.ELIGIBILITY_CHECKED and leave.appointment is None
    approved, info = services.leave_approve(
        actor=hr,
        case_id=case.pk,
        leave_id=leave.pk,
        appointment=appointment("HR", "Ria (HR)", date(2025, 9, 23)),
        today=date(2025, 9, 15),
    )
    assert approved.state == LeaveState.APPROVED and approved.appointment is not None
    assert "R-055" in {f.code for f in info}
    assert approved.acknowledged == []


def test_acknowledging_the_vp_warning_approves_and_keeps_the_code(enabled: World) -> None:
    world = enabled
    case = employee_case(world)
    hr = actor(world, Role.HR_ADVISER)
    leave = _request(world, case.pk, date(2025, 9, 22), date(2025, 9, 24), today=date(2025, 9, 15))
    approved, _ = services.leave_approve(
        actor=hr,
        case_id=case.pk,
        leave_id=leave.pk,
        appointment=appointment("VP", "Vera", date(2025, 9, 23)),
        today=date(2025, 9, 15),
        acknowledged=["R-054"],
    )
    assert approved.state == LeaveState.APPROVED and approved.acknowledged == ["R-054"]


def test_pim_is_reported_sick(enabled: World, monkeypatch: pytest.MonkeyPatch) -> None:
    world = enabled
    case = employee_case(world)
    monkeypatch.setitem(
        extensions._FACTS, "sick_report_for_test", lambda c: {"sick_report": {"first_sick_day": "2025-09-15"}}
    )
    with pytest.raises(Blocked) as exc:
        _request(world, case.pk, date(2025, 9, 22), date(2025, 9, 24))
    assert _codes(exc) == {"R-056"}


def test_approved_leave_runs_its_course_and_counts_for_24_months(enabled: World) -> None:
    world = enabled
    case = employee_case(world)
    hr = actor(world, Role.HR_ADVISER)
    leave = _request(world, case.pk, date(2025, 9, 22), date(2025, 9, 24), today=date(2025, 9, 15))
    services.leave_approve(
        actor=hr,
        case_id=case.pk,
        leave_id=leave.pk,
        appointment=appointment("HR", "Ria", date(2025, 9, 23)),
        today=date(2025, 9, 15),
    )
    # The first and the last leave day follow the calendar (SM-4 rows 4 and 6): the hourly run.
    for day, state in [
        (date(2025, 9, 21), LeaveState.APPROVED),
        (date(2025, 9, 22), LeaveState.ACTIVE),
        (date(2025, 9, 24), LeaveState.ACTIVE),
        (date(2025, 9, 25), LeaveState.ENDED),
    ]:
        run_due(day)
        leave.refresh_from_db()
        assert leave.state == state
    for event, day, state in [
        ("conversation_held", date(2025, 9, 26), LeaveState.FOLLOWED_UP),
        ("close", date(2025, 9, 26), LeaveState.CLOSED),
    ]:
        assert (
            services.leave_step(actor=hr, case_id=case.pk, leave_id=leave.pk, event=event, today=day).state
            == state
        )
    with pytest.raises(Blocked) as exc:
        _request(world, case.pk, date(2026, 3, 2), date(2026, 3, 3))
    assert _codes(exc) == {"R-051"}


def test_only_the_employee_requests_and_only_lg_or_hr_approve(enabled: World) -> None:
    from werkvrede.core.policy import AccessDenied

    world = enabled
    case = employee_case(world)
    with pytest.raises(AccessDenied):
        services.leave_request(
            actor=actor(world, Role.HR_ADVISER),
            case_id=case.pk,
            start_on=date(2025, 9, 22),
            end_on=date(2025, 9, 24),
            today=date(2025, 9, 15),
        )
    leave = _request(world, case.pk, date(2025, 9, 22), date(2025, 9, 24), today=date(2025, 9, 15))
    with pytest.raises(AccessDenied):
        services.leave_approve(
            actor=actor(world, Role.CASEMANAGER),
            case_id=case.pk,
            leave_id=leave.pk,
            appointment=appointment("HR", "Ria", date(2025, 9, 23)),
            today=date(2025, 9, 15),
        )
