"""The interventions context's part of a case's guideline situation (docs/guideline.md §3.5 to §3.7)."""

from __future__ import annotations

from typing import Any

from werkvrede.cases.models import Case, CaseParty
from werkvrede.core.memo import once_while_reading
from werkvrede.interventions.models import (
    OPEN_LEAVE_STATES,
    TAKEN_LEAVE_STATES,
    Appointment,
    ConflictLeave,
    Intervention,
    InterventionKind,
    InterventionPeriod,
    InterventionStatus,
    PeriodState,
)

# Intervention kinds the guideline knows (docs/guideline.md §3.7); referrals are handed to other modules.
ENGINE_KINDS = frozenset(
    {
        InterventionKind.CONVERSATION,
        InterventionKind.HR_BEMIDDELING,
        InterventionKind.BMW_BEMIDDELING,
        InterventionKind.INDIVIDUAL,
        InterventionKind.CAREER,
        InterventionKind.ORGANISATIONAL,
    }
)


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def appointment_facts(appointment: Appointment | None) -> dict[str, Any] | None:
    if appointment is None:
        return None
    return {
        "with_role": appointment.with_role,
        "with_person": appointment.with_person,
        "recorded_on": _date(appointment.recorded_on),
        "meeting_on": _date(appointment.meeting_on),
        "chaired_by": appointment.chaired_by or None,
    }


def period_facts(period: InterventionPeriod) -> dict[str, Any]:
    return {
        "initiated_by": period.initiated_by,
        "form": period.form,
        "released_reason": period.released_reason or None,
        "start_on": _date(period.start_on),
        "end_on": _date(period.end_on),
        "exceptional_reason": period.exceptional_reason or None,
        "employer_approved_on": _date(period.employer_approved_on),
        "appointment": appointment_facts(period.appointment),
        "extension_end_on": _date(period.extension_end_on),
        "extension_reason": period.extension_reason or None,
        # an interventieperiode is paid leave; the model cannot record it as sickness.
        "registered_as": "PAID_LEAVE",
        "has_verdict": False,
        "evaluated_on": _date(period.evaluated_on),
        "evaluation_outcome": period.evaluation_outcome or None,
        "sick_reported_on": _date(period.sick_reported_on),
    }


def leave_request_facts(leave: ConflictLeave) -> dict[str, Any]:
    # conflict leave is paid and never a sick report.
    return {
        "start_on": _date(leave.start_on),
        "end_on": _date(leave.end_on),
        "paid": True,
        "registered_as": "PAID_LEAVE",
        "appointment": appointment_facts(leave.appointment),
    }


def counted_periods(case: Case) -> list[InterventionPeriod]:
    """The periods the guideline sees, as `intervention_periods[i]` (refused ones are left out)."""
    return list(
        InterventionPeriod.objects.filter(case=case)
        .exclude(state=PeriodState.REJECTED)
        .select_related("appointment")
        .order_by("start_on", "pk")
    )


def open_requests(case: Case) -> list[ConflictLeave]:
    """Requests not yet decided, in the order of `conflict_leave_requests[i]`."""
    return list(
        ConflictLeave.objects.filter(case=case, state__in=OPEN_LEAVE_STATES)
        .select_related("appointment")
        .order_by("start_on", "pk")
    )


def leave_history(case: Case) -> list[ConflictLeave]:
    """Leave granted to the case's employee in any case of the organisation (R-051 counts per employee)."""
    employees = CaseParty.objects.filter(case=case, side=CaseParty.Side.EMPLOYEE, user__isnull=False)
    return list(
        ConflictLeave.objects.filter(
            case__organisation_id=case.organisation_id,
            employee_id__in=employees.values("user_id"),
            state__in=TAKEN_LEAVE_STATES,
        ).order_by("start_on", "pk")
    )


@once_while_reading
def engine_interventions(case: Case) -> list[Intervention]:
    return list(Intervention.objects.filter(case=case, kind__in=ENGINE_KINDS).order_by("created_at", "pk"))


def intervention_facts(intervention: Intervention) -> dict[str, Any]:
    return {
        "kind": intervention.kind,
        "status": intervention.status,
        "chair_role": intervention.chair_role or None,
        "support_employee": intervention.support_employee,
        "support_other": intervention.support_other,
        "started_on": _date(intervention.started_on),
    }


def interventions_facts(case: Case) -> dict[str, Any]:
    return {
        "intervention_periods": [period_facts(p) for p in counted_periods(case)],
        "conflict_leave_history": [
            {"start_on": _date(leave.start_on), "end_on": _date(leave.end_on)}
            for leave in leave_history(case)
        ],
        "conflict_leave_requests": [leave_request_facts(leave) for leave in open_requests(case)],
        "interventions": [intervention_facts(i) for i in engine_interventions(case)],
    }


# Which recorded interventions are the parties' attempts (docs/guideline.md §3.5; I-1, I-2): a
# conversation of the parties alone is their own; one chaired by a third party, or a bemiddeling by HR
# or the BMW, is facilitated.
_FACILITATOR = {InterventionKind.HR_BEMIDDELING: "HR", InterventionKind.BMW_BEMIDDELING: "BMW"}


def attempt_kind(intervention: Intervention) -> str | None:
    if intervention.kind == InterventionKind.CONVERSATION:
        return "FACILITATED_CONVERSATION" if intervention.chair_role else "OWN_CONVERSATION"
    if intervention.kind in _FACILITATOR:
        return "FACILITATED_CONVERSATION"
    return None


def resolution_confirmed(intervention: Intervention) -> bool:
    """Both parties confirmed the outcome "resolved" themselves (SM-1 row 14, ADR 0107)."""
    return (
        intervention.outcome_resolved is True
        and intervention.resolved_confirmed_by_employee_on is not None
        and intervention.resolved_confirmed_by_other_on is not None
    )


def attempt_facts(intervention: Intervention) -> dict[str, Any] | None:
    """An attempt once it started; "resolved" only when both parties confirmed it (ADR 0107)."""
    kind = attempt_kind(intervention)
    if kind is None or intervention.status == InterventionStatus.PROPOSED:
        return None
    outcome = "PENDING"
    if intervention.status == InterventionStatus.ENDED and intervention.outcome_resolved is False:
        outcome = "NOT_RESOLVED"
    elif resolution_confirmed(intervention):
        outcome = "RESOLVED"
    facts: dict[str, Any] = {"kind": kind, "on": _date(intervention.started_on), "outcome": outcome}
    if kind == "FACILITATED_CONVERSATION":
        facts["facilitator"] = (
            _FACILITATOR.get(InterventionKind(intervention.kind)) or intervention.chair_role
        )
    return facts


def conflict_attempts(case: Case) -> dict[str, Any]:
    """The parties' attempts for the situation's `conflict.attempts` (I-1, I-2)."""
    attempts = [attempt_facts(i) for i in engine_interventions(case)]
    return {"attempts": [a for a in attempts if a is not None]}
