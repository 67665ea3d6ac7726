"""Reads of the interventions context. Every read starts from an actor or a CaseAccess the actor holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q

from werkvrede.cases.guideline_bridge import stored_case_advice
from werkvrede.cases.models import Case, CaseParty
from werkvrede.cases.policies import CaseAccess
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed
from werkvrede.guideline import advice_to_dict
from werkvrede.interventions.facts import ENGINE_KINDS
from werkvrede.interventions.models import (
    Appointment,
    ConflictLeave,
    Intervention,
    InterventionKind,
    InterventionPeriod,
    LeaveState,
    PeriodState,
)


def periods_of(access: CaseAccess) -> list[InterventionPeriod]:
    return list(
        InterventionPeriod.objects.filter(case=access.case)
        .select_related("appointment")
        .order_by("start_on", "pk")
    )


def period_get(access: CaseAccess, period_id: int) -> InterventionPeriod | None:
    return (
        InterventionPeriod.objects.filter(case=access.case, pk=period_id)
        .select_related("appointment", "approved_by")
        .first()
    )


def leaves_of(access: CaseAccess) -> list[ConflictLeave]:
    return list(
        ConflictLeave.objects.filter(case=access.case)
        .select_related("appointment", "employee")
        .order_by("start_on", "pk")
    )


def leave_get(access: CaseAccess, leave_id: int) -> ConflictLeave | None:
    return (
        ConflictLeave.objects.filter(case=access.case, pk=leave_id)
        .select_related("appointment", "employee")
        .first()
    )


def interventions_of(actor: Actor, access: CaseAccess) -> list[Intervention]:
    """The case's interventions; a referral to the vertrouwenspersoon only for those who may know of
    the suspicion it answers (R-100, ADR 0004) — never for the other party."""
    found = Intervention.objects.filter(case=access.case).order_by("created_at", "pk")
    if not allowed(actor, "cases.undesirable_behaviour.view", access):
        found = found.exclude(kind=InterventionKind.REFERRAL_VP)
    return list(found)


def intervention_get(access: CaseAccess, intervention_id: int) -> Intervention | None:
    """One intervention of the case that runs and ends here: the guideline's kinds (no referral)."""
    return Intervention.objects.filter(case=access.case, pk=intervention_id, kind__in=ENGINE_KINDS).first()


def confirmed_by(actor: Actor, access: CaseAccess, intervention: Intervention) -> bool:
    """Whether the actor, as a party of the case, already confirmed the intervention's resolution."""
    uid = actor.user_id
    if uid is None:
        return False
    sides = set(CaseParty.objects.filter(case=access.case, user_id=uid).values_list("side", flat=True))
    return (
        CaseParty.Side.EMPLOYEE in sides and intervention.resolved_confirmed_by_employee_on is not None
    ) or (CaseParty.Side.OTHER in sides and intervention.resolved_confirmed_by_other_on is not None)


# What the Interventies tab shows of the advice: the choice of intervention (R-060…R-069), evaluation
# and that stored data cannot be read (DATA, docs/adr/0063).

TAB_FINDINGS = frozenset({f"R-0{n}" for n in range(60, 70)} | {"R-048", "DATA"})


def advice_for(access: CaseAccess, *, today: date) -> dict[str, Any]:
    """The engine's routes (RT-x), indications (I-x) and findings for the case, as JSON-ready data."""
    return advice_to_dict(stored_case_advice(access.case, today=today))


def tab_findings(advice: dict[str, Any]) -> list[dict[str, Any]]:
    """Of the case's advice, the findings about interventions that the Interventies tab shows."""
    return [f for f in advice["findings"] if f["code"] in TAB_FINDINGS]


@dataclass(frozen=True)
class NeutralStatus:
    """What the other party may know (D09 "N"): a period or leave exists, its dates, whether it runs."""

    kind: str  # "period" | "leave"
    start_on: date
    end_on: date
    running: bool


_RUNNING_PERIOD = {PeriodState.ACTIVE, PeriodState.EXTENDED}


def neutral_status_of(access: CaseAccess) -> list[NeutralStatus]:
    out = [
        NeutralStatus("period", p.start_on, p.last_day, p.state in _RUNNING_PERIOD)
        for p in InterventionPeriod.objects.filter(case=access.case).exclude(
            state__in=[PeriodState.PROPOSED, PeriodState.REJECTED]
        )
    ]
    out += [
        NeutralStatus("leave", leave.start_on, leave.end_on, leave.state == LeaveState.ACTIVE)
        for leave in ConflictLeave.objects.filter(
            case=access.case, state__in=[LeaveState.APPROVED, LeaveState.ACTIVE, LeaveState.ENDED]
        )
    ]
    return sorted(out, key=lambda s: s.start_on)


@dataclass(frozen=True)
class AppointmentView:
    """An appointment as its named contact sees it (D09 fn 14, docs/rules.md): nothing else."""

    kind: str  # "period" | "leave"
    with_person: str
    with_role: str
    meeting_on: date
    employee: str


def appointments_for(actor: Actor, *, case: Case | None = None) -> list[AppointmentView]:
    """The appointments in which the actor is the named contact, in their organisation."""
    if actor.user_id is None or actor.organisation_id is None:
        return []
    in_organisation = Q(period__case__organisation_id=actor.organisation_id) | Q(
        leave__case__organisation_id=actor.organisation_id
    )
    rows = Appointment.objects.filter(in_organisation, with_user_id=actor.user_id).select_related(
        "period", "leave"
    )
    if case is not None:
        rows = rows.filter(Q(period__case=case) | Q(leave__case=case))
    out: list[AppointmentView] = []
    for appointment in rows.order_by("meeting_on", "pk"):
        period = getattr(appointment, "period", None)
        leave = getattr(appointment, "leave", None)
        case_id = period.case_id if period is not None else leave.case_id if leave is not None else None
        employee = (
            None
            if case_id is None
            else CaseParty.objects.filter(case_id=case_id, side=CaseParty.Side.EMPLOYEE)
            .values_list("name", flat=True)
            .first()
        )
        out.append(
            AppointmentView(
                kind="period" if period is not None else "leave",
                with_person=appointment.with_person,
                with_role=appointment.get_with_role_display(),
                meeting_on=appointment.meeting_on,
                employee=employee or "",
            )
        )
    return out
