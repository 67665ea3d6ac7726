"""`manage.py run_due_transitions`: steps that follow the calendar (SM-3 rows 5, 8; SM-4 rows 4, 6).

Time travel through `--today`; the second run in a row does nothing; a step a rule holds stays and is
reported, and the case hears of it once; two machines at once move each object exactly once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import World
from tests.concurrency import at_once
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import CaseDeadline, TimelineEvent
from werkvrede.core.roles import Role
from werkvrede.interventions import services
from werkvrede.interventions.models import (
    Appointment,
    ConflictLeave,
    InterventionPeriod,
    LeaveState,
    PeriodState,
)
from werkvrede.interventions.tests.helpers import (
    actor,
    appointment,
    employee_case,
    planned_period,
    requested_leave,
    run_due,
)

START, LAST_DAY = date(2025, 3, 13), date(2025, 3, 19)


def _state(period: InterventionPeriod) -> str:
    period.refresh_from_db()
    return period.state


def test_a_planned_period_starts_on_its_first_day_and_ends_after_its_last(world: World) -> None:
    period = planned_period(world, employee_case(world))
    assert "intervention_period" not in run_due(START.replace(day=12))
    assert _state(period) == PeriodState.APPOINTMENT_PLANNED
    assert "moved 1: intervention_period.started" in run_due(START)
    assert _state(period) == PeriodState.ACTIVE
    assert "intervention_period" not in run_due(LAST_DAY)
    assert _state(period) == PeriodState.ACTIVE
    assert "moved 1: intervention_period.ended" in run_due(LAST_DAY.replace(day=20))
    assert _state(period) == PeriodState.ENDED


def test_the_system_takes_the_step_audited_and_on_the_timeline(world: World) -> None:
    case = employee_case(world)
    period = planned_period(world, case)
    run_due(START)
    event = AuditEvent.objects.get(action="interventions.period.started")
    assert event.user_id is None and event.object_id == str(period.pk)
    assert event.data == {"state_from": "APPOINTMENT_PLANNED", "state_to": "ACTIVE"}
    started = TimelineEvent.objects.get(case=case, kind="intervention_period.started")
    assert started.actor_id is None


def test_a_second_run_in_a_row_does_nothing(world: World) -> None:
    planned_period(world, employee_case(world))
    first = run_due(LAST_DAY.replace(day=20))  # started and ended in one run: the whole period passed
    assert "moved 1: intervention_period.started" in first and "moved 1: intervention_period.ended" in first
    second = run_due(LAST_DAY.replace(day=20))
    assert "intervention_period" not in second and "held" not in second.replace("0 held", "")
    assert AuditEvent.objects.filter(action="interventions.period.started").count() == 1
    assert AuditEvent.objects.filter(action="interventions.period.ended").count() == 1


def test_an_extended_period_ends_after_the_extension(world: World) -> None:
    case = employee_case(world)
    period = planned_period(world, case)
    run_due(START)
    services.period_extend(
        actor=actor(world, Role.HR_ADVISER), case_id=case.pk, period_id=period.pk,
        extension_end_on=date(2025, 3, 21), extension_reason="gesprek pas op dag 9", today=date(2025, 3, 15),
    )  # fmt: skip
    run_due(date(2025, 3, 20))
    assert _state(period) == PeriodState.EXTENDED
    run_due(date(2025, 3, 22))
    assert _state(period) == PeriodState.ENDED


def test_dry_run_reports_and_changes_nothing(world: World) -> None:
    period = planned_period(world, employee_case(world))
    assert "would move 1: intervention_period.started" in run_due(START, dry_run=True)
    assert _state(period) == PeriodState.APPOINTMENT_PLANNED
    assert not AuditEvent.objects.filter(action="interventions.period.started").exists()


def test_a_step_a_rule_holds_stays_is_reported_and_the_case_hears_of_it_once_r044(world: World) -> None:
    case = employee_case(world)
    period = planned_period(world, case)
    # The appointment was recorded after the first day: the period may not start.
    assert period.appointment is not None
    Appointment.objects.filter(pk=period.appointment.pk).update(recorded_on=date(2025, 3, 14))
    first = run_due(date(2025, 3, 14))
    assert f"held: intervention_period.started {period.pk} (R-044)" in first
    assert _state(period) == PeriodState.APPOINTMENT_PLANNED
    run_due(date(2025, 3, 15))
    signals = TimelineEvent.objects.filter(case=case, kind="intervention_period.step_held")
    assert [e.data for e in signals] == [{"codes": "R-044", "period": period.pk}]
    assert AuditEvent.objects.filter(action="interventions.period.step_held").count() == 1


def test_near_miss_a_period_without_an_appointment_is_not_a_timed_step(world: World) -> None:
    case = employee_case(world)
    period = planned_period(world, case)
    InterventionPeriod.objects.filter(pk=period.pk).update(state=PeriodState.EMPLOYER_COMMITTED)
    out = run_due(START)
    assert "intervention_period" not in out
    assert _state(period) == PeriodState.EMPLOYER_COMMITTED
    assert not TimelineEvent.objects.filter(case=case, kind="intervention_period.step_held").exists()


def test_approved_leave_begins_and_ends_with_its_days(world: World) -> None:
    case = employee_case(world)
    leave = requested_leave(world, case)
    services.leave_approve(
        actor=actor(world, Role.HR_ADVISER), case_id=case.pk, leave_id=leave.pk,
        appointment=appointment("HR", "Ria", date(2025, 9, 23)), today=date(2025, 9, 15),
    )  # fmt: skip
    assert "conflict_leave" not in run_due(date(2025, 9, 21))
    assert "moved 1: conflict_leave.started" in run_due(date(2025, 9, 22))
    assert "conflict_leave" not in run_due(date(2025, 9, 24))
    assert "moved 1: conflict_leave.ended" in run_due(date(2025, 9, 25))
    leave.refresh_from_db()
    assert leave.state == LeaveState.ENDED
    assert "conflict_leave" not in run_due(date(2025, 9, 25))
    assert (
        AuditEvent.objects.filter(
            action__in=["interventions.leave.started", "interventions.leave.ended"]
        ).count()
        == 2
    )


def test_stored_deadlines_out_of_step_with_the_date_are_refreshed_once(world: World) -> None:
    case = employee_case(world)
    planned_period(world, case)
    run_due(START)
    stored = {d.code: d.due for d in CaseDeadline.objects.filter(case=case)}
    assert "T-16" in stored  # the evaluation after the period
    CaseDeadline.objects.filter(case=case, code="T-16").update(due=date(2025, 1, 1))
    assert "moved 1: case_deadlines.refreshed" in run_due(START)
    assert CaseDeadline.objects.get(case=case, code="T-16").due == stored["T-16"]
    assert "case_deadlines" not in run_due(START)


@pytest.mark.django_db(transaction=True)
def test_two_machines_at_once_move_each_object_exactly_once(world: World, on_postgres: None) -> None:
    periods = [planned_period(world, employee_case(world)) for _ in range(4)]
    at_once(lambda: run_due(LAST_DAY.replace(day=20)))
    assert {_state(p) for p in periods} == {PeriodState.ENDED}
    for action in ("interventions.period.started", "interventions.period.ended"):
        ids = sorted(AuditEvent.objects.filter(action=action).values_list("object_id", flat=True))
        assert ids == sorted(str(p.pk) for p in periods)
    assert TimelineEvent.objects.filter(kind="intervention_period.started").count() == len(periods)
    assert ConflictLeave.objects.count() == 0


def test_the_api_no_longer_takes_the_calendar_steps(world: World, client_as: Any) -> None:
    import json

    case = employee_case(world)
    period = planned_period(world, case)
    hr = client_as(Role.HR_ADVISER)
    steps = f"/api/v1/cases/{case.pk}/intervention-periods/{period.pk}/steps"
    for step in ("start", "end"):
        response = hr.post(steps, json.dumps({"step": step}), content_type="application/json")
        assert response.status_code == 422
    leave = requested_leave(world, case)
    leave_steps = f"/api/v1/cases/{case.pk}/conflict-leave/{leave.pk}/steps"
    for step in ("first_leave_day", "last_leave_day_passed"):
        response = hr.post(leave_steps, json.dumps({"step": step}), content_type="application/json")
        assert response.status_code == 422
    assert _state(period) == PeriodState.APPOINTMENT_PLANNED


def test_the_period_page_says_the_start_was_held(world: World, client_as: Any) -> None:
    from django.urls import reverse
    from django.utils import timezone

    case = employee_case(world)
    period = planned_period(world, case)
    url = reverse("interventions:period", kwargs={"case_id": case.pk, "period_id": period.pk})
    hr = client_as(Role.HR_ADVISER)
    held = "kon niet vanzelf beginnen"
    InterventionPeriod.objects.filter(pk=period.pk).update(start_on=timezone.localdate())
    assert held not in hr.get(url).content.decode()  # today it starts (the hourly run)
    InterventionPeriod.objects.filter(pk=period.pk).update(start_on=date(2025, 3, 13))
    assert held in hr.get(url).content.decode()  # long past and still planned: something holds it
