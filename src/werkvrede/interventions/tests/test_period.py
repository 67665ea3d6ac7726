"""The interventieperiode (SM-3) through the services: scenarios SC-01 and SC-04."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import CaseDeadline, TimelineEvent
from werkvrede.core.actor import SYSTEM
from werkvrede.core.policy import AccessDenied
from werkvrede.core.refusals import Blocked, NeedsAttention
from werkvrede.core.roles import Role
from werkvrede.interventions import services
from werkvrede.interventions.models import InterventionPeriod, PeriodState
from werkvrede.interventions.tests.helpers import (
    actor,
    appointment,
    employee_case,
    planned_period,
    propose,
    run_due,
)


def _codes(exc: pytest.ExceptionInfo[Exception]) -> set[str]:
    return {f.code for f in exc.value.findings}  # type: ignore[attr-defined]


@pytest.mark.django_db(transaction=True)
def test_sc01_a_seven_day_period_runs_and_is_evaluated(world: World) -> None:
    case = employee_case(world)
    hr = actor(world, Role.HR_ADVISER)
    period = planned_period(world, case)
    assert period.state == PeriodState.APPOINTMENT_PLANNED
    run_due(date(2025, 3, 12))  # the day before the start: nothing moves
    period.refresh_from_db()
    assert period.state == PeriodState.APPOINTMENT_PLANNED
    run_due(date(2025, 3, 13))
    period.refresh_from_db()
    assert period.state == PeriodState.ACTIVE
    run_due(date(2025, 3, 19))  # the last day itself: still running
    period.refresh_from_db()
    assert period.state == PeriodState.ACTIVE
    run_due(date(2025, 3, 20))
    period.refresh_from_db()
    assert period.state == PeriodState.ENDED
    # T-14…T-16 appear once the changes are committed; T-16 is 5 working days after 19 March.
    due = dict(CaseDeadline.objects.filter(case=case).values_list("code", "due"))
    assert due["T-14"] == date(2025, 3, 19) and due["T-16"] == date(2025, 3, 26) and "T-15" in due
    period = services.period_evaluate(
        actor=hr, case_id=case.pk, period_id=period.pk, outcome="RESUMED_OWN_WORK", today=date(2025, 3, 24)
    )
    assert period.state == PeriodState.EVALUATED and period.evaluated_on == date(2025, 3, 24)
    kinds = list(TimelineEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert "intervention_period.evaluated" in kinds


def test_sc04_ten_days_released_needs_both_reasons(world: World) -> None:
    case = employee_case(world)
    with pytest.raises(NeedsAttention) as exc:
        propose(world, case, start=date(2025, 6, 2), end=date(2025, 6, 11), form="RELEASED_FROM_WORK")
    assert _codes(exc) == {"R-040", "R-041"}
    assert not InterventionPeriod.objects.exists()
    period = propose(
        world,
        case,
        start=date(2025, 6, 2),
        end=date(2025, 6, 11),
        form="RELEASED_FROM_WORK",
        released_reason="team in acute onrust",
        exceptional_reason="de filiaalmanager is weg tot dag 9",
    )
    assert period.state == PeriodState.PROPOSED and period.acknowledged == ["R-040", "R-041"]
    event = AuditEvent.objects.get(action="interventions.period.proposed")
    assert event.data["warnings"] == "R-040,R-041"
    assert "onrust" not in str(event.data)


def test_sc04_more_than_fourteen_days_is_blocked(world: World) -> None:
    case = employee_case(world)
    with pytest.raises(Blocked) as exc:
        propose(world, case, start=date(2025, 6, 2), end=date(2025, 6, 17), exceptional_reason="lang")
    assert _codes(exc) == {"R-041"}


def test_sc04_extension_to_sixteen_days_is_blocked(world: World) -> None:
    case = employee_case(world)
    hr = actor(world, Role.HR_ADVISER)
    period = planned_period(world, case)
    run_due(date(2025, 3, 13))
    with pytest.raises(Blocked) as exc:
        services.period_extend(
            actor=hr,
            case_id=case.pk,
            period_id=period.pk,
            extension_end_on=date(2025, 3, 28),
            extension_reason="nog niet klaar",
            today=date(2025, 3, 15),
        )
    assert _codes(exc) == {"R-041"}
    with pytest.raises(NeedsAttention):
        services.period_extend(
            actor=hr,
            case_id=case.pk,
            period_id=period.pk,
            extension_end_on=date(2025, 3, 24),
            extension_reason="",
            today=date(2025, 3, 15),
        )
    period = services.period_extend(
        actor=hr,
        case_id=case.pk,
        period_id=period.pk,
        extension_end_on=date(2025, 3, 24),
        extension_reason="gesprek pas op dag 10",
        today=date(2025, 3, 15),
    )
    assert period.state == PeriodState.EXTENDED


def test_sc04_no_appointment_no_start_and_no_approval_no_appointment(world: World) -> None:
    case = employee_case(world)
    hr = actor(world, Role.HR_ADVISER)
    period = propose(world, case)
    # Not approved and no appointment: the start date passes and the period stays as it was.
    run_due(date(2025, 3, 13))
    period.refresh_from_db()
    assert period.state == PeriodState.PROPOSED
    with pytest.raises(Blocked):
        services.period_record_appointment(
            actor=hr, case_id=case.pk, period_id=period.pk, data=appointment(), today=date(2025, 3, 12)
        )


def test_r043_only_lg_or_hr_commit_the_employer(world: World) -> None:
    case = employee_case(world)
    period = propose(world, case)
    with pytest.raises(AccessDenied):
        services.period_decide(
            actor=actor(world, Role.CASEMANAGER),
            case_id=case.pk,
            period_id=period.pk,
            approve=True,
            today=date(2025, 3, 12),
        )
    refused = services.period_decide(
        actor=actor(world, Role.HR_ADVISER),
        case_id=case.pk,
        period_id=period.pk,
        approve=False,
        today=date(2025, 3, 12),
    )
    assert refused.state == PeriodState.REJECTED


def test_r044_appointment_after_the_start_blocks_and_a_late_meeting_warns(world: World) -> None:
    case = employee_case(world)
    hr = actor(world, Role.HR_ADVISER)
    period = propose(world, case)
    services.period_decide(
        actor=hr, case_id=case.pk, period_id=period.pk, approve=True, today=date(2025, 3, 12)
    )
    with pytest.raises(Blocked) as exc:
        services.period_record_appointment(
            actor=hr, case_id=case.pk, period_id=period.pk, data=appointment(), today=date(2025, 3, 14)
        )
    assert _codes(exc) == {"R-044"}
    late = appointment(meeting=date(2025, 3, 21))
    with pytest.raises(NeedsAttention) as warned:
        services.period_record_appointment(
            actor=hr, case_id=case.pk, period_id=period.pk, data=late, today=date(2025, 3, 12)
        )
    assert _codes(warned) == {"R-044"}
    period = services.period_record_appointment(
        actor=hr,
        case_id=case.pk,
        period_id=period.pk,
        data=late,
        today=date(2025, 3, 12),
        acknowledged=["R-044"],
    )
    assert period.acknowledged == ["R-044"]


def test_r064_the_vp_never_chairs_the_conversation(world: World) -> None:
    case = employee_case(world)
    hr = actor(world, Role.HR_ADVISER)
    period = propose(world, case)
    services.period_decide(
        actor=hr, case_id=case.pk, period_id=period.pk, approve=True, today=date(2025, 3, 12)
    )
    with pytest.raises(Blocked) as exc:
        services.period_record_appointment(
            actor=hr,
            case_id=case.pk,
            period_id=period.pk,
            data=appointment("VP", "Vera", chaired_by="VP"),
            today=date(2025, 3, 12),
        )
    assert _codes(exc) == {"R-064"}


def test_r049_a_sick_report_ends_the_period(world: World) -> None:
    case = employee_case(world)
    period = planned_period(world, case)
    run_due(date(2025, 3, 13))
    assert (
        services.interventions_end_by_sick_report(
            actor=SYSTEM, case_id=case.pk, sick_reported_on=date(2025, 3, 16)
        )
        == 1
    )
    period.refresh_from_db()
    assert period.state == PeriodState.ABORTED_SICK_REPORT and period.sick_reported_on == date(2025, 3, 16)


def test_r035_the_ba_cannot_advise_a_period_while_the_employee_is_ao(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from werkvrede.cases import extensions

    case = employee_case(world)
    sick = {
        "first_sick_day": "2025-03-03",
        "verdict": {"value": "AO", "recorded_on": "2025-03-05", "author_role": "BA"},
    }
    monkeypatch.setitem(extensions._FACTS, "sick_report_for_test", lambda c: {"sick_report": sick})
    with pytest.raises(Blocked) as exc:
        propose(world, case)
    assert _codes(exc) == {"R-035"}
