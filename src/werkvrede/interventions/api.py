"""JSON API of the interventions context, mounted under /api/v1 by werkvrede.api.

The same operations and the same access as the pages. A guideline refusal (BLOCK, a missing WARN+J
reason, an unacknowledged WARN) answers 409 with the engine's findings; invalid input answers 422
with the path of the field that is wrong.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import CASE
from werkvrede.core.access import api_requires
from werkvrede.core.actor import Actor
from werkvrede.core.refusals import Invalid
from werkvrede.core.types import Code, Date, Id, Input, Name, Out, Text
from werkvrede.interventions import selectors, services
from werkvrede.interventions.models import ConflictLeave, Intervention, InterventionPeriod
from werkvrede.interventions.policies import Level, level

router = Router(tags=["interventions"])


class AppointmentOut(Out):
    with_role: str
    with_person: str
    recorded_on: date
    meeting_on: date
    chaired_by: str


class PeriodOut(Out):
    id: int
    state: str
    initiated_by: str
    form: str
    released_reason: str
    start_on: date
    end_on: date
    exceptional_reason: str
    employer_approved_on: date | None
    appointment: AppointmentOut | None
    extension_end_on: date | None
    extension_reason: str
    evaluated_on: date | None
    evaluation_outcome: str
    sick_reported_on: date | None
    acknowledged: list[str]


class LeaveOut(Out):
    id: int
    state: str
    start_on: date
    end_on: date
    appointment: AppointmentOut | None
    approved_on: date | None
    acknowledged: list[str]


class InterventionOut(Out):
    id: int
    kind: str
    status: str
    chair_role: str
    hr_attends: bool
    planned_on: date | None
    started_on: date | None
    ended_on: date | None
    outcome_resolved: bool | None
    resolved_confirmed_by_employee_on: date | None
    resolved_confirmed_by_other_on: date | None
    acknowledged: list[str]


class NeutralOut(Out):
    kind: str
    start_on: date
    end_on: date
    running: bool


class SectionOut(Out):
    level: str
    periods: list[PeriodOut]
    leaves: list[LeaveOut]
    neutral: list[NeutralOut]
    interventions: list[InterventionOut]
    routes: list[str]
    indications: list[str]


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


def _appointment(obj: Any) -> dict[str, Any] | None:
    a = obj.appointment
    if a is None:
        return None
    return {
        "with_role": a.with_role,
        "with_person": a.with_person,
        "recorded_on": a.recorded_on,
        "meeting_on": a.meeting_on,
        "chaired_by": a.chaired_by,
    }


def _period(p: InterventionPeriod) -> dict[str, Any]:
    names = [
        "id",
        "state",
        "initiated_by",
        "form",
        "released_reason",
        "start_on",
        "end_on",
        "exceptional_reason",
        "employer_approved_on",
        "extension_end_on",
        "extension_reason",
        "evaluated_on",
        "evaluation_outcome",
        "sick_reported_on",
        "acknowledged",
    ]
    return {**{n: getattr(p, n) for n in names}, "appointment": _appointment(p)}


def _leave(leave: ConflictLeave) -> dict[str, Any]:
    names = ["id", "state", "start_on", "end_on", "approved_on", "acknowledged"]
    return {**{n: getattr(leave, n) for n in names}, "appointment": _appointment(leave)}


def _intervention(i: Intervention) -> dict[str, Any]:
    names = [
        "id", "kind", "status", "chair_role", "hr_attends", "planned_on", "started_on", "ended_on",
        "outcome_resolved", "resolved_confirmed_by_employee_on", "resolved_confirmed_by_other_on",
        "acknowledged",
    ]  # fmt: skip
    return {n: getattr(i, n) for n in names}


@router.get(
    "/cases/{case_id}/interventions",
    response={200: SectionOut},
    url_name="case-interventions",
    summary="The Interventies section of a case",
)
@api_requires("interventions.section.view", on=CASE)
def section(request: HttpRequest, access: CaseAccess) -> dict[str, Any]:
    """Periods, leave and interventions as far as the caller may read them (D09; WP: neutral status only)."""
    actor = _actor(request)
    seen = level(actor, access)
    out: dict[str, Any] = {
        "level": seen.value,
        "periods": [],
        "leaves": [],
        "neutral": [],
        "routes": [],
        "indications": [],
    }
    if seen is Level.FULL:
        advice = selectors.advice_for(access, today=timezone.localdate())
        out.update(
            periods=[_period(p) for p in selectors.periods_of(access)],
            leaves=[_leave(leave) for leave in selectors.leaves_of(access)],
            routes=advice["routes"],
            indications=advice["indications"],
        )
    elif seen is Level.NEUTRAL:
        out["neutral"] = [s.__dict__ for s in selectors.neutral_status_of(access)]
    out["interventions"] = [_intervention(i) for i in selectors.interventions_of(actor, access)]
    return out


class PeriodIn(Input):
    initiated_by: Literal["BA", "LG", "HR", "CM"]
    form: Literal["ALT_WORKPLACE", "RELEASED_FROM_WORK"]
    released_reason: Text = ""
    start_on: Date
    end_on: Date
    exceptional_reason: Text = ""


@router.post(
    "/cases/{case_id}/intervention-periods",
    response={201: PeriodOut},
    url_name="intervention-periods",
    summary="Propose an interventieperiode",
)
@api_requires("interventions.period.write", on=CASE)
def period_create(request: HttpRequest, access: CaseAccess, payload: PeriodIn) -> Status[dict[str, Any]]:
    if payload.end_on < payload.start_on:
        raise Invalid.of("end_on", "must not be before start_on")
    period = services.period_propose(
        actor=_actor(request),
        case_id=access.case.pk,
        data=services.PeriodInput(**payload.dict()),
        today=timezone.localdate(),
    )
    return Status(201, _period(period))


class AppointmentIn(Input):
    with_role: Literal["LG", "HR", "CM", "BMW", "VP"]
    with_person: Name
    with_membership_id: Id | None = None
    chaired_by: Literal["", "LG", "HR", "CM", "BMW", "VP"] = ""
    meeting_on: Date


class PeriodStepIn(Input):
    # Start and end follow the calendar (`run_due_transitions`, SM-3 rows 5 and 8).
    step: Literal["approve", "refuse", "appointment", "extend", "evaluate"]
    appointment: AppointmentIn | None = None
    extension_end_on: Date | None = None
    extension_reason: Text = ""
    outcome: (
        Literal[
            "RESUMED_OWN_WORK",
            "OTHER_SUITABLE_WORK",
            "MEDIATION_STARTED",
            "OTHER_INTERVENTION",
            "LEGAL_ROUTE",
        ]
        | None
    ) = None
    acknowledged: list[Code] = []


def _appointment_input(a: AppointmentIn) -> services.AppointmentInput:
    return services.AppointmentInput(
        with_role=a.with_role,
        with_person=a.with_person,
        with_membership_id=a.with_membership_id,
        chaired_by=a.chaired_by,
        meeting_on=a.meeting_on,
    )


@router.post(
    "/cases/{case_id}/intervention-periods/{period_id}/steps",
    response={200: PeriodOut},
    url_name="intervention-period-step",
    summary="Take the next step of an interventieperiode (SM-3)",
)
@api_requires("interventions.record.view", on=CASE)
def period_step(
    request: HttpRequest, access: CaseAccess, period_id: Id, payload: PeriodStepIn
) -> Status[dict[str, Any]]:
    """Each step is the service's to allow: approving is the employer's, the others HR's or CM's."""
    common: dict[str, Any] = {
        "actor": _actor(request),
        "case_id": access.case.pk,
        "period_id": period_id,
        "today": timezone.localdate(),
    }
    if payload.step in ("approve", "refuse"):
        period = services.period_decide(**common, approve=payload.step == "approve")
    elif payload.step == "appointment":
        if payload.appointment is None:
            raise Invalid.of("appointment", "the appointment is required for this step")
        period = services.period_record_appointment(
            **common, data=_appointment_input(payload.appointment), acknowledged=payload.acknowledged
        )
    elif payload.step == "extend":
        if payload.extension_end_on is None:
            raise Invalid.of("extension_end_on", "the new end date is required for this step")
        period = services.period_extend(
            **common, extension_end_on=payload.extension_end_on, extension_reason=payload.extension_reason
        )
    else:
        if payload.outcome is None:
            raise Invalid.of("outcome", "the outcome is required for this step")
        period = services.period_evaluate(**common, outcome=payload.outcome)
    return Status(200, _period(period))


class LeaveIn(Input):
    start_on: Date
    end_on: Date


@router.post(
    "/cases/{case_id}/conflict-leave",
    response={201: LeaveOut},
    url_name="conflict-leave",
    summary="Request arbeidsconflictenverlof (the employee)",
)
@api_requires("interventions.leave.request", on=CASE)
def leave_create(request: HttpRequest, access: CaseAccess, payload: LeaveIn) -> Status[dict[str, Any]]:
    leave = services.leave_request(
        actor=_actor(request),
        case_id=access.case.pk,
        start_on=payload.start_on,
        end_on=payload.end_on,
        today=timezone.localdate(),
    )
    return Status(201, _leave(leave))


class LeaveStepIn(Input):
    # First and last leave day follow the calendar (`run_due_transitions`, SM-4 rows 4 and 6).
    step: Literal["approve", "conversation_held", "close"]
    appointment: AppointmentIn | None = None
    acknowledged: list[Code] = []


@router.post(
    "/cases/{case_id}/conflict-leave/{leave_id}/steps",
    response={200: LeaveOut},
    url_name="conflict-leave-step",
    summary="Approve conflict leave or take its next step (SM-4)",
)
@api_requires("interventions.record.view", on=CASE)
def leave_step(
    request: HttpRequest, access: CaseAccess, leave_id: Id, payload: LeaveStepIn
) -> Status[dict[str, Any]]:
    """Approving and the steps after it are the employer's (the service refuses anyone else)."""
    actor, today, case_id = _actor(request), timezone.localdate(), access.case.pk
    if payload.step == "approve":
        appointment = _appointment_input(payload.appointment) if payload.appointment else None
        leave, _info = services.leave_approve(
            actor=actor,
            case_id=case_id,
            leave_id=leave_id,
            appointment=appointment,
            today=today,
            acknowledged=payload.acknowledged,
        )
    else:
        leave = services.leave_step(
            actor=actor, case_id=case_id, leave_id=leave_id, event=payload.step, today=today
        )
    return Status(200, _leave(leave))


class InterventionIn(Input):
    kind: Literal[
        "CONVERSATION", "HR_BEMIDDELING", "BMW_BEMIDDELING", "INDIVIDUAL", "CAREER", "ORGANISATIONAL",
        "REFERRAL_MEDIATOR", "REFERRAL_VP",
    ]  # fmt: skip
    chair_role: Literal["", "HR", "BMW", "LG", "VP"] = ""
    hr_attends: bool = False
    support_employee: bool | None = None
    support_other: bool | None = None
    planned_on: Date | None = None
    note: Text = ""
    acknowledged: list[Code] = []


@router.post(
    "/cases/{case_id}/interventions",
    response={201: InterventionOut},
    url_name="interventions",
    summary="Record an intervention or a referral",
)
@api_requires("interventions.intervention.write", on=CASE)
def intervention_create(
    request: HttpRequest, access: CaseAccess, payload: InterventionIn
) -> Status[dict[str, Any]]:
    data = payload.dict()
    acknowledged = data.pop("acknowledged")
    intervention = services.intervention_record(
        actor=_actor(request),
        case_id=access.case.pk,
        data=services.InterventionInput(**data),
        today=timezone.localdate(),
        acknowledged=acknowledged,
    )
    return Status(201, _intervention(intervention))


class InterventionStepIn(Input):
    # start · end (with `resolved`) · confirm_resolved (a party, for themselves; ADR 0107)
    step: Literal["start", "end", "confirm_resolved"]
    resolved: bool | None = None


@router.post(
    "/cases/{case_id}/interventions/{intervention_id}/steps",
    response={200: InterventionOut},
    url_name="intervention-step",
    summary="Start or end an intervention, or confirm its resolution as a party (moves SM-1 rows 5, 6, 14)",
)
@api_requires("interventions.section.view", on=CASE)
def intervention_step(
    request: HttpRequest, access: CaseAccess, intervention_id: Id, payload: InterventionStepIn
) -> Status[dict[str, Any]]:
    """Starting and ending are the writers' (LG, HR, CM); confirming each party's own (the service checks)."""
    common: dict[str, Any] = {
        "actor": _actor(request),
        "case_id": access.case.pk,
        "intervention_id": intervention_id,
        "today": timezone.localdate(),
    }
    if payload.step == "start":
        intervention = services.intervention_start(**common)
    elif payload.step == "end":
        if payload.resolved is None:
            raise Invalid.of("resolved", "say whether the intervention resolved the conflict")
        intervention = services.intervention_end(**common, resolved=payload.resolved)
    else:
        intervention = services.intervention_confirm_resolved(**common)
    return Status(200, _intervention(intervention))
