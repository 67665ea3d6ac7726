"""Writes of the interventions context: keyword-only, atomic, authorised again, audited, on the timeline.

Every BLOCK, WARN and WARN+J decision comes from the guideline engine through the one gate
(`core.gate.decide`): the service builds the case's situation with the proposed change and asks for the
state machine's step and the findings about it, by code and severity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from werkvrede.accounts.models import Membership
from werkvrede.audit import services as audit
from werkvrede.cases.deadlines import case_deadlines_refresh_on_commit
from werkvrede.cases.extensions import DueOutcome
from werkvrede.cases.guideline_bridge import case_situation_data
from werkvrede.cases.models import Case, CaseParty, TimelineEvent
from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import case_get_for
from werkvrede.cases.services import (
    acting_role,
    announce_case_phase_end,
    case_move,
    case_vp_offered,
    timeline_record,
)
from werkvrede.core.actor import SYSTEM, Actor
from werkvrede.core.gate import decide
from werkvrede.core.phases import INTERVENTION_PERIOD
from werkvrede.core.policy import authorize, hidden
from werkvrede.core.refusals import Blocked, Invalid, NotPossible, Refusal
from werkvrede.core.versioning import check_version, save_versioned
from werkvrede.guideline import Finding
from werkvrede.interventions import facts
from werkvrede.interventions.models import (
    Appointment,
    ConflictLeave,
    Intervention,
    InterventionKind,
    InterventionPeriod,
    InterventionStatus,
    LeaveState,
    PeriodState,
)


def _situation(case: Case, today: date) -> dict[str, Any]:
    return case_situation_data(case, today=today)


def _period_subject(
    case: Case, period: InterventionPeriod, data: dict[str, Any], mutate: Callable[[dict[str, Any]], None]
) -> str:
    """Replace the period's facts in `data` by its mutated facts and return its subject path."""
    periods = facts.counted_periods(case)
    index = next(i for i, p in enumerate(periods) if p.pk == period.pk)
    item = facts.period_facts(period)
    mutate(item)
    data["intervention_periods"][index] = item
    return f"intervention_periods[{index}]"


# --- Interventieperiode (SM-3) ------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodInput:
    initiated_by: str
    form: str
    released_reason: str
    start_on: date
    end_on: date
    exceptional_reason: str


def _load_period(
    actor: Actor, case_id: int, period_id: int, action: str
) -> tuple[CaseAccess, InterventionPeriod]:
    access = case_get_for(actor, case_id)
    authorize(actor, action, access)
    period = (
        InterventionPeriod.objects.select_for_update(of=("self",), no_key=True)
        .select_related("appointment")
        .filter(pk=period_id, case=access.case)
        .first()
    )
    if period is None:
        raise hidden(actor, action)
    return access, period


def _save_period(period: InterventionPeriod, fields: list[str]) -> None:
    period.updated_at = timezone.now()
    period.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def period_propose(*, actor: Actor, case_id: int, data: PeriodInput, today: date) -> InterventionPeriod:
    """Record a proposed interventieperiode (SM-3 row 1): by the BA's advice or under the protocol (R-047)."""
    access = case_get_for(actor, case_id)
    authorize(actor, "interventions.period.write", access)
    case = access.case
    period = InterventionPeriod(
        case=case,
        initiated_by=data.initiated_by,
        form=data.form,
        released_reason=data.released_reason.strip(),
        start_on=data.start_on,
        end_on=data.end_on,
        exceptional_reason=data.exceptional_reason.strip(),
        created_by_id=actor.uid,
    )
    situation = _situation(case, today)
    situation["intervention_periods"].append(facts.period_facts(period))
    subject = f"intervention_periods[{len(situation['intervention_periods']) - 1}]"
    check = decide(
        situation,
        today=today,
        subject=subject,
        machine="SM-3",
        state=None,
        event="proposed",
        block=("R-041", "R-045", "R-046", "R-035"),
        justify=("R-040", "R-041"),
    )
    period.state = check.next_state
    period.acknowledged = sorted({f.code for f in check.warnings})
    period.save()
    role = acting_role(actor, access)
    timeline_record(actor, case, "intervention_period.proposed", role, period=period.pk)
    audit.record_for(
        actor, "interventions.period.proposed", period, case=case, data={"warnings": check.codes}
    )
    case_deadlines_refresh_on_commit(case.pk)
    return period


@transaction.atomic
def period_decide(
    *, actor: Actor, case_id: int, period_id: int, approve: bool, today: date
) -> InterventionPeriod:
    """The employer commits to the period (R-043, SM-3 row 2) or refuses it (row 3)."""
    access, period = _load_period(actor, case_id, period_id, "interventions.period.approve")
    case = access.case
    situation = _situation(case, today)
    if approve:
        subject = _period_subject(
            case, period, situation, lambda f: f.update(employer_approved_on=today.isoformat())
        )
        check = decide(
            situation,
            today=today,
            subject=subject,
            machine="SM-3",
            state=period.state,
            event="employer_approves",
        )
        period.employer_approved_on, period.approved_by_id = today, actor.uid
        kind, action = "intervention_period.approved", "interventions.period.approved"
    else:
        subject = _period_subject(case, period, situation, lambda f: None)
        check = decide(
            situation,
            today=today,
            subject=subject,
            machine="SM-3",
            state=period.state,
            event="employer_refuses",
        )
        kind, action = "intervention_period.rejected", "interventions.period.rejected"
    previous, period.state = period.state, check.next_state
    _save_period(period, ["state", "employer_approved_on", "approved_by"])
    timeline_record(actor, case, kind, acting_role(actor, access), period=period.pk)
    audit.record_for(
        actor, action, period, case=case, data={"state_from": previous, "state_to": period.state}
    )
    case_deadlines_refresh_on_commit(case.pk)
    return period


@dataclass(frozen=True)
class AppointmentInput:
    with_role: str
    with_person: str
    with_membership_id: int | None
    chaired_by: str
    meeting_on: date


def _appointment(case: Case, data: AppointmentInput, today: date) -> Appointment:
    user_id = None
    if data.with_membership_id is not None:
        membership = Membership.objects.filter(
            pk=data.with_membership_id, organisation_id=case.organisation_id
        ).first()
        if membership is None:
            raise Invalid.of("with_membership_id", _("Kies iemand uit deze organisatie."))
        user_id = membership.user_id
    return Appointment(
        with_role=data.with_role,
        with_person=data.with_person.strip(),
        with_user_id=user_id,
        chaired_by=data.chaired_by,
        recorded_on=today,
        meeting_on=data.meeting_on,
    )


@transaction.atomic
def period_record_appointment(
    *,
    actor: Actor,
    case_id: int,
    period_id: int,
    data: AppointmentInput,
    today: date,
    acknowledged: Iterable[str] = (),
) -> InterventionPeriod:
    """Record the appointment with the person with whom the conflict is discussed (R-044, R-064; row 4)."""
    access, period = _load_period(actor, case_id, period_id, "interventions.period.write")
    case = access.case
    appointment = _appointment(case, data, today)
    situation = _situation(case, today)
    subject = _period_subject(
        case, period, situation, lambda f: f.update(appointment=facts.appointment_facts(appointment))
    )
    check = decide(
        situation,
        today=today,
        subject=subject,
        machine="SM-3",
        state=period.state,
        event="appointment_recorded",
        block=("R-064",),
        acknowledge=("R-044",),
        acknowledged=acknowledged,
    )
    appointment.save()
    period.appointment, period.state = appointment, check.next_state
    period.acknowledged = sorted(set(period.acknowledged) | {f.code for f in check.warnings})
    _save_period(period, ["appointment", "state", "acknowledged"])
    timeline_record(
        actor, case, "intervention_period.appointment_recorded", acting_role(actor, access), period=period.pk
    )
    audit.record_for(
        actor,
        "interventions.period.appointment_recorded",
        period,
        case=case,
        data={"warnings": check.codes, "appointment": appointment.pk},
    )
    case_deadlines_refresh_on_commit(case.pk)
    return period


# SM-3 row 5's guards that refuse the start by name (R-043 not approved, R-044 no appointment).
PERIOD_START_BLOCK = ("R-043", "R-044", "R-045", "R-046")


def _simple_step(
    actor: Actor,
    case_id: int,
    period_id: int,
    event: str,
    kind: str,
    today: date,
    *,
    ready: Callable[[InterventionPeriod], bool],
    not_ready: str,
    update: Callable[[InterventionPeriod], list[str]] | None = None,
    block: Iterable[str] = (),
) -> InterventionPeriod:
    access, period = _load_period(actor, case_id, period_id, "interventions.period.write")
    if not ready(period):
        raise NotPossible(not_ready)
    return _period_move(
        actor, acting_role(actor, access), access.case, period, event, kind, today, update=update, block=block
    )


def _period_move(
    actor: Actor,
    role: str,
    case: Case,
    period: InterventionPeriod,
    event: str,
    kind: str,
    today: date,
    *,
    update: Callable[[InterventionPeriod], list[str]] | None = None,
    block: Iterable[str] = (),
) -> InterventionPeriod:
    """One SM-3 step on a locked period, asked of the guideline; a person's step or the system's."""
    situation = _situation(case, today)
    subject = _period_subject(case, period, situation, lambda f: None)
    check = decide(
        situation, today=today, subject=subject, machine="SM-3", state=period.state, event=event, block=block
    )
    previous, period.state = period.state, check.next_state
    fields = ["state", *(update(period) if update else [])]
    _save_period(period, fields)
    timeline_record(actor, case, f"intervention_period.{kind}", role, period=period.pk)
    if kind == "evaluated":
        announce_case_phase_end(case, INTERVENTION_PERIOD, subject=f"period:{period.pk}")
    audit.record_for(
        actor,
        f"interventions.period.{kind}",
        period,
        case=case,
        data={"state_from": previous, "state_to": period.state},
    )
    case_deadlines_refresh_on_commit(case.pk)
    return period


@transaction.atomic
def period_extend(
    *, actor: Actor, case_id: int, period_id: int, extension_end_on: date, extension_reason: str, today: date
) -> InterventionPeriod:
    """Extend an active period (row 6); R-041 checks the total (over 14 days BLOCK, 8 to 14 with a reason)."""
    access, period = _load_period(actor, case_id, period_id, "interventions.period.write")
    case = access.case
    if extension_end_on <= period.end_on:
        raise Invalid.of("extension_end_on", _("De verlenging moet na de huidige einddatum eindigen."))
    situation = _situation(case, today)
    reason = extension_reason.strip()
    subject = _period_subject(
        case,
        period,
        situation,
        lambda f: f.update(extension_end_on=extension_end_on.isoformat(), extension_reason=reason or None),
    )
    check = decide(
        situation,
        today=today,
        subject=subject,
        machine="SM-3",
        state=period.state,
        event="extension_requested",
        block=("R-041",),
        justify=("R-041",),
    )
    previous = period.state
    period.state, period.extension_end_on, period.extension_reason = (
        check.next_state,
        extension_end_on,
        reason,
    )
    _save_period(period, ["state", "extension_end_on", "extension_reason"])
    timeline_record(actor, case, "intervention_period.extended", acting_role(actor, access), period=period.pk)
    audit.record_for(
        actor,
        "interventions.period.extended",
        period,
        case=case,
        data={"warnings": check.codes, "state_from": previous},
    )
    case_deadlines_refresh_on_commit(case.pk)
    return period


@transaction.atomic
def period_evaluate(
    *, actor: Actor, case_id: int, period_id: int, outcome: str, today: date
) -> InterventionPeriod:
    """Record the evaluation outcome (row 9): doing nothing is not an option (R-048)."""

    def update(period: InterventionPeriod) -> list[str]:
        period.evaluated_on, period.evaluation_outcome = today, outcome
        return ["evaluated_on", "evaluation_outcome"]

    return _simple_step(
        actor,
        case_id,
        period_id,
        "evaluation_recorded",
        "evaluated",
        today,
        ready=lambda p: True,
        not_ready="",
        update=update,
    )


@transaction.atomic
def interventions_end_by_sick_report(*, actor: Actor, case_id: int, sick_reported_on: date) -> int:
    """A sick report ends a running interventieperiode (R-049, SM-3 row 7) and leave (R-056, SM-4 row 5).

    For the sickness context to call when an employee of the case reports sick. Returns how many
    records it ended.
    """
    case = Case.objects.get(pk=case_id)
    ended = 0
    for period in InterventionPeriod.objects.select_for_update(of=("self",), no_key=True).filter(
        case=case, state__in=[PeriodState.ACTIVE, PeriodState.EXTENDED]
    ):
        try:
            decision = decide(
                _situation(case, sick_reported_on), today=sick_reported_on, subject=None,
                machine="SM-3", state=period.state, event="sick_reported",
            )  # fmt: skip
        except Blocked:
            continue  # the period cannot end this way (SM-3): it stays as it is
        previous, period.state, period.sick_reported_on = period.state, decision.next_state, sick_reported_on
        _save_period(period, ["state", "sick_reported_on"])
        timeline_record(actor, case, "intervention_period.aborted_sick_report", "", period=period.pk)
        audit.record_for(
            actor,
            "interventions.period.aborted_sick_report",
            period,
            case=case,
            data={"state_from": previous},
        )
        ended += 1
    for leave in ConflictLeave.objects.select_for_update(of=("self",), no_key=True).filter(
        case=case, state=LeaveState.ACTIVE
    ):
        leave.state, leave.updated_at = LeaveState.ENDED, timezone.now()
        leave.save(update_fields=["state", "updated_at"])
        timeline_record(actor, case, "conflict_leave.ended", "", leave=leave.pk)
        audit.record_for(actor, "interventions.leave.ended_by_sick_report", leave, case=case)
        ended += 1
    case_deadlines_refresh_on_commit(case.pk)
    return ended


# --- Arbeidsconflictenverlof (SM-4) --------------------------------------------------------------


@transaction.atomic
def leave_request(*, actor: Actor, case_id: int, start_on: date, end_on: date, today: date) -> ConflictLeave:
    """The employee asks for conflict leave; the eligibility check (R-050, R-051, R-052, R-056) runs at once.

    A request that is not eligible raises `Blocked` and stores nothing: the form keeps what was typed.
    """
    access = case_get_for(actor, case_id)
    authorize(actor, "interventions.leave.request", access)
    case = access.case
    if end_on < start_on:
        raise Invalid.of("end_on", _("De einddatum mag niet vóór de begindatum liggen."))
    leave = ConflictLeave(case=case, employee_id=actor.uid, start_on=start_on, end_on=end_on)
    situation = _situation(case, today)
    situation["conflict_leave_requests"].append(facts.leave_request_facts(leave))
    subject = f"conflict_leave_requests[{len(situation['conflict_leave_requests']) - 1}]"
    decide(situation, today=today, subject=subject, machine="SM-4", state=None, event="requested")
    check = decide(
        situation,
        today=today,
        subject=subject,
        machine="SM-4",
        state=LeaveState.REQUESTED,
        event="eligibility_check",
    )
    leave.state = check.next_state
    leave.save()
    timeline_record(actor, case, "conflict_leave.requested", acting_role(actor, access), leave=leave.pk)
    audit.record_for(actor, "interventions.leave.requested", leave, case=case, data={"state": leave.state})
    case_deadlines_refresh_on_commit(case.pk)
    return leave


def _load_leave(actor: Actor, case_id: int, leave_id: int, action: str) -> tuple[CaseAccess, ConflictLeave]:
    access = case_get_for(actor, case_id)
    authorize(actor, action, access)
    leave = (
        ConflictLeave.objects.select_for_update(of=("self",), no_key=True)
        .select_related("appointment")
        .filter(pk=leave_id, case=access.case)
        .first()
    )
    if leave is None:
        raise hidden(actor, action)
    return access, leave


@transaction.atomic
def leave_approve(
    *, actor: Actor, case_id: int, leave_id: int, appointment: AppointmentInput | None, today: date,
    acknowledged: Iterable[str] = (),
) -> tuple[ConflictLeave, tuple[Finding, ...]]:  # fmt: skip
    """Approve an eligible request (SM-4 row 3): an appointment is required (R-054; the VP named → WARN).

    Returns the leave and the engine's INFO findings for the approval message (R-055: open spreekuur).
    """
    access, leave = _load_leave(actor, case_id, leave_id, "interventions.leave.approve")
    case = access.case
    candidate = _appointment(case, appointment, today) if appointment is not None else None
    situation = _situation(case, today)
    index = next(i for i, r in enumerate(facts.open_requests(case)) if r.pk == leave.pk)
    item = facts.leave_request_facts(leave)
    item["appointment"] = facts.appointment_facts(candidate)
    situation["conflict_leave_requests"][index] = item
    subject = f"conflict_leave_requests[{index}]"
    check = decide(
        situation,
        today=today,
        subject=subject,
        machine="SM-4",
        state=leave.state,
        event="approve",
        acknowledge=("R-054",),
        acknowledged=acknowledged,
    )
    if candidate is not None:
        candidate.save()
    previous = leave.state
    leave.appointment, leave.state, leave.approved_on, leave.approved_by_id = (
        candidate,
        check.next_state,
        today,
        actor.uid,
    )
    leave.acknowledged = sorted({f.code for f in check.warnings})
    leave.updated_at = timezone.now()
    leave.save(
        update_fields=["appointment", "state", "approved_on", "approved_by", "acknowledged", "updated_at"]
    )
    timeline_record(actor, case, "conflict_leave.approved", acting_role(actor, access), leave=leave.pk)
    audit.record_for(
        actor,
        "interventions.leave.approved",
        leave,
        case=case,
        data={"warnings": check.codes, "state_from": previous},
    )
    case_deadlines_refresh_on_commit(case.pk)
    return leave, check.info


# The steps a person takes (SM-4 rows 7, 8); rows 4 and 6 follow the calendar (`leave_due_transitions`).
_LEAVE_STEPS: dict[str, str] = {"conversation_held": "followed_up", "close": "closed"}


@transaction.atomic
def leave_step(*, actor: Actor, case_id: int, leave_id: int, event: str, today: date) -> ConflictLeave:
    """Move ended leave along SM-4 (rows 7, 8)."""
    if event not in _LEAVE_STEPS:
        raise Invalid.of("event", _("Onbekende stap."))
    access, leave = _load_leave(actor, case_id, leave_id, "interventions.leave.approve")
    role = acting_role(actor, access)
    return _leave_move(actor, role, access.case, leave, event, _LEAVE_STEPS[event], today)


def _leave_move(
    actor: Actor, role: str, case: Case, leave: ConflictLeave, event: str, kind: str, today: date
) -> ConflictLeave:
    """One SM-4 step on locked leave, asked of the guideline; a person's step or the system's."""
    decision = decide(
        _situation(case, today), today=today, subject=None, machine="SM-4", state=leave.state, event=event
    )
    previous, leave.state, leave.updated_at = leave.state, decision.next_state, timezone.now()
    leave.save(update_fields=["state", "updated_at"])
    timeline_record(actor, case, f"conflict_leave.{kind}", role, leave=leave.pk)
    audit.record_for(
        actor,
        f"interventions.leave.{kind}",
        leave,
        case=case,
        data={"state_from": previous, "state_to": leave.state},
    )
    case_deadlines_refresh_on_commit(case.pk)
    return leave


# --- Steps that follow the calendar (SM-3 rows 5 and 8, SM-4 rows 4 and 6) -------------------------
# `run_due_transitions` takes them as the system, through the same guideline checks as a person's
# steps. Each object is locked in its own transaction (skip_locked: a second machine passes it by)
# and its state is checked again after locking, so a second run finds nothing to do.


def _held_signal(
    case: Case, kind: str, obj: InterventionPeriod | ConflictLeave, codes: tuple[str, ...]
) -> None:
    """Tell the case once that a timed step was held, naming the codes (the object stays as it is)."""
    key = "period" if isinstance(obj, InterventionPeriod) else "leave"
    if TimelineEvent.objects.filter(case=case, kind=kind, **{f"data__{key}": obj.pk}).exists():
        return
    timeline_record(SYSTEM, case, kind, "", codes=", ".join(codes), **{key: obj.pk})
    audit_kind = "interventions.period.step_held" if key == "period" else "interventions.leave.step_held"
    audit.record_for(SYSTEM, audit_kind, obj, case=case, data={"codes": ",".join(codes)})


def _timed(
    out: DueOutcome,
    what: str,
    obj_id: int,
    dry_run: bool,
    lock: Callable[[int], Any],
    move: Callable[[Any], object],
    held_kind: str,
) -> None:
    with transaction.atomic():
        obj = lock(obj_id)
        if obj is None:
            return  # moved already, or another run holds it
        try:
            move(obj)
        except Refusal as exc:
            out.held.append((what, obj_id, exc.codes))
            if not dry_run:
                _held_signal(obj.case, held_kind, obj, exc.codes)
            return
        out.count(what)
        if dry_run:
            transaction.set_rollback(True)


def period_due_transitions(*, today: date, dry_run: bool = False) -> DueOutcome:
    """Start every planned period whose first day has come (SM-3 row 5) and end every period whose last
    day has passed (row 8). A guard that blocks the start (R-043…R-046) keeps the period as it is."""
    out = DueOutcome()
    locked = InterventionPeriod.objects.select_for_update(
        of=("self",), skip_locked=True, no_key=True
    ).select_related("appointment", "case")
    starting = Q(state=PeriodState.APPOINTMENT_PLANNED, start_on__lte=today)
    passed = Q(state__in=(PeriodState.ACTIVE, PeriodState.EXTENDED)) & (
        Q(extension_end_on__lt=today) | Q(extension_end_on__isnull=True, end_on__lt=today)
    )

    def start(period: InterventionPeriod) -> object:
        return _period_move(
            SYSTEM, "", period.case, period, "start_reached", "started", today, block=PERIOD_START_BLOCK
        )

    def end(period: InterventionPeriod) -> object:
        return _period_move(SYSTEM, "", period.case, period, "end_passed", "ended", today)

    steps = (("intervention_period.started", starting, start), ("intervention_period.ended", passed, end))
    for what, due, move in steps:

        def lock(pk: int, due: Q = due) -> InterventionPeriod | None:
            return locked.filter(due, pk=pk).first()

        for pk in list(InterventionPeriod.objects.filter(due).values_list("pk", flat=True)):
            _timed(out, what, pk, dry_run, lock, move, "intervention_period.step_held")
    return out


def leave_due_transitions(*, today: date, dry_run: bool = False) -> DueOutcome:
    """Conflict leave begins on its first day (SM-4 row 4) and ends once its last day has passed (row 6)."""
    out = DueOutcome()
    locked = ConflictLeave.objects.select_for_update(
        of=("self",), skip_locked=True, no_key=True
    ).select_related("case")
    steps = (
        ("first_leave_day", "started", Q(state=LeaveState.APPROVED, start_on__lte=today)),
        ("last_leave_day_passed", "ended", Q(state=LeaveState.ACTIVE, end_on__lt=today)),
    )
    for event, kind, due in steps:

        def move(leave: ConflictLeave, event: str = event, kind: str = kind) -> object:
            return _leave_move(SYSTEM, "", leave.case, leave, event, kind, today)

        def lock(pk: int, due: Q = due) -> ConflictLeave | None:
            return locked.filter(due, pk=pk).first()

        for pk in list(ConflictLeave.objects.filter(due).values_list("pk", flat=True)):
            _timed(out, f"conflict_leave.{kind}", pk, dry_run, lock, move, "conflict_leave.step_held")
    return out


# --- Interventions and referrals (R-060…R-069) --------------------------------------------------


@dataclass(frozen=True)
class InterventionInput:
    kind: str
    chair_role: str
    hr_attends: bool
    support_employee: bool | None
    support_other: bool | None
    planned_on: date | None
    note: str


@transaction.atomic
def intervention_record(
    *, actor: Actor, case_id: int, data: InterventionInput, today: date, acknowledged: Iterable[str] = ()
) -> Intervention:
    """Record an intervention or a referral. R-062/R-063/R-064 block, R-061 warns (from the engine)."""
    access = case_get_for(actor, case_id)
    authorize(actor, "interventions.intervention.write", access)
    case = access.case
    is_vp_referral = data.kind == InterventionKind.REFERRAL_VP
    intervention = Intervention(
        case=case,
        kind=data.kind,
        chair_role="" if is_vp_referral else data.chair_role,
        hr_attends=data.hr_attends and data.kind == InterventionKind.CONVERSATION,
        support_employee=data.support_employee,
        support_other=data.support_other,
        planned_on=data.planned_on,
        # A referral to the vertrouwenspersoon carries no case content (D05 fn 11, docs/rules.md).
        note="" if is_vp_referral else data.note.strip(),
        created_by_id=actor.uid,
    )
    warnings: tuple[Finding, ...] = ()
    role = acting_role(actor, access)
    if data.kind in facts.ENGINE_KINDS:
        situation = _situation(case, today)
        situation["interventions"].append(facts.intervention_facts(intervention))
        subject = f"interventions[{len(situation['interventions']) - 1}]"
        warnings = _decide_intervention(situation, subject, today, acknowledged)
    elif data.kind == InterventionKind.REFERRAL_MEDIATOR:
        # A referral starts SM-5 (REFERRED): held like any confronting step under R-100.
        situation = _situation(case, today)
        situation.setdefault(
            "mediation", {"status": "REFERRED", "referred_on": today.isoformat(), "referrer_role": role}
        )
        warnings = _decide_intervention(situation, "mediation", today, acknowledged)
    intervention.acknowledged = sorted({f.code for f in warnings})
    intervention.save()
    if is_vp_referral:
        case_vp_offered(case=case, on=today)
    # A VP referral answers a suspicion the other party is not told of (ADR 0004): its own kind.
    kind = "intervention.vp_referral" if is_vp_referral else "intervention.recorded"
    timeline_record(actor, case, kind, role, intervention_kind=intervention.kind)
    audit.record_for(
        actor,
        "interventions.intervention.recorded",
        intervention,
        case=case,
        data={"kind": intervention.kind, "warnings": ",".join(intervention.acknowledged)},
    )
    case_deadlines_refresh_on_commit(case.pk)
    return intervention


def _decide_intervention(
    data: dict[str, Any], subject: str, today: date, acknowledged: Iterable[str]
) -> tuple[Finding, ...]:
    """R-062/R-063/R-064/R-100 block an intervention or referral; R-061 warns (R-060…R-069)."""
    return decide(
        data,
        today=today,
        subject=subject,
        block=("R-062", "R-063", "R-064", "R-100"),
        acknowledge=("R-061",),
        acknowledged=acknowledged,
    ).warnings


@transaction.atomic
def referral_taken_up(*, actor: Actor, intervention_id: int, today: date) -> Intervention:
    """A proposed referral to a mediator runs once a mediation takes it over (SM-5 row 1).

    For the mediation context, which has authorised the referral itself; recorded as the actor's.
    """
    referral = (
        Intervention.objects.select_for_update(no_key=True).select_related("case").get(pk=intervention_id)
    )
    if referral.status == InterventionStatus.PROPOSED:
        referral.status, referral.started_on = InterventionStatus.RUNNING, today
        referral.save(update_fields=["status", "started_on"])
        audit.record_for(actor, "interventions.referral.taken_up", referral, case=referral.case)
    return referral


# --- An intervention runs and ends; it moves the case (SM-1 rows 5, 6, 14) ---------------------


def _sm1_event(intervention: Intervention) -> str | None:
    """The SM-1 event a starting intervention is: the parties talk (row 5) or a third party helps (6)."""
    kind = facts.attempt_kind(intervention)
    if kind == "OWN_CONVERSATION":
        return "parties_agree_to_talk"
    if kind == "FACILITATED_CONVERSATION":
        return "third_party_needed"
    return None


def _load_intervention(
    actor: Actor, case_id: int, intervention_id: int, action: str
) -> tuple[CaseAccess, Intervention]:
    access = case_get_for(actor, case_id)
    authorize(actor, action, access)
    # Only the interventions the guideline knows run here; referrals are taken up by their module.
    intervention = (
        Intervention.objects.select_for_update(no_key=True)
        .filter(pk=intervention_id, case=access.case, kind__in=facts.ENGINE_KINDS)
        .first()
    )
    if intervention is None:
        raise hidden(actor, action)
    return access, intervention


@transaction.atomic
def intervention_start(*, actor: Actor, case_id: int, intervention_id: int, today: date) -> Intervention:
    """The intervention starts: R-062/R-063/R-064/R-100 are checked again, and the case moves to its own
    conversation (SM-1 row 5) or to a conversation with a third party (row 6) where SM-1 has the row."""
    access, intervention = _load_intervention(
        actor, case_id, intervention_id, "interventions.intervention.write"
    )
    if intervention.status != InterventionStatus.PROPOSED:
        raise NotPossible(_("Deze interventie is al begonnen."))
    case = access.case
    intervention.status, intervention.started_on = InterventionStatus.RUNNING, today
    situation = _situation(case, today)
    index = next(i for i, iv in enumerate(facts.engine_interventions(case)) if iv.pk == intervention.pk)
    situation["interventions"][index] = facts.intervention_facts(intervention)
    # What may have changed since it was recorded (a lawyer now, R-063; the R-100 hold) refuses the start.
    decide(
        situation, today=today, subject=f"interventions[{index}]", block=("R-062", "R-063", "R-064", "R-100")
    )
    intervention.save(update_fields=["status", "started_on"])
    role = acting_role(actor, access)
    event = _sm1_event(intervention)
    moved = case_move(actor=actor, case_id=case.pk, event=event, today=today, role=role) if event else None
    timeline_record(actor, case, "intervention.started", role, intervention_kind=intervention.kind)
    audit.record_for(
        actor,
        "interventions.intervention.started",
        intervention,
        case=case,
        data={"kind": intervention.kind, "case_state": moved.state if moved else ""},
    )
    case_deadlines_refresh_on_commit(case.pk)
    return intervention


@transaction.atomic
def intervention_update(
    *,
    actor: Actor,
    case_id: int,
    intervention_id: int,
    data: InterventionInput,
    today: date,
    expected_version: int,
    acknowledged: Iterable[str] = (),
) -> Intervention:
    """Change a planned intervention (date, chair, support, note) until it starts; the kind stays.

    `expected_version` is the version the person edited; a stale one is refused with the stored plan
    (ADR 0146).

    Checked by the engine as when it was recorded: R-062/R-063/R-064/R-100 block, R-061 warns.
    """
    access, intervention = _load_intervention(
        actor, case_id, intervention_id, "interventions.intervention.write"
    )
    if intervention.status != InterventionStatus.PROPOSED:
        raise NotPossible(_("Een interventie die al begonnen is, kan niet meer worden gewijzigd."))
    check_version(intervention, expected_version, CHANGEABLE_FIELDS)
    case = access.case
    before = {f: getattr(intervention, f) for f in CHANGEABLE_FIELDS}
    intervention.chair_role = data.chair_role
    intervention.hr_attends = data.hr_attends and intervention.kind == InterventionKind.CONVERSATION
    intervention.support_employee = data.support_employee
    intervention.support_other = data.support_other
    intervention.planned_on = data.planned_on
    intervention.note = data.note.strip()
    situation = _situation(case, today)
    index = next(i for i, iv in enumerate(facts.engine_interventions(case)) if iv.pk == intervention.pk)
    situation["interventions"][index] = facts.intervention_facts(intervention)
    warnings = _decide_intervention(situation, f"interventions[{index}]", today, acknowledged)
    intervention.acknowledged = sorted({f.code for f in warnings})
    changed = sorted(f for f in CHANGEABLE_FIELDS if getattr(intervention, f) != before[f])
    save_versioned(
        intervention, expected_version=expected_version, fields=[*CHANGEABLE_FIELDS, "acknowledged"]
    )
    # Field names only: the note may hold case content (docs/audit-events.md).
    audit.record_for(
        actor,
        "interventions.intervention.updated",
        intervention,
        case=case,
        data={
            "kind": intervention.kind,
            "fields": ",".join(changed),
            "warnings": ",".join(intervention.acknowledged),
        },
    )
    case_deadlines_refresh_on_commit(case.pk)
    return intervention


CHANGEABLE_FIELDS = ("chair_role", "hr_attends", "support_employee", "support_other", "planned_on", "note")


@transaction.atomic
def intervention_end(
    *, actor: Actor, case_id: int, intervention_id: int, resolved: bool, today: date
) -> Intervention:
    """Record how the intervention ended. Not resolved: the attempt failed and counts (I-1, I-2); the
    case stays. Resolved: the case moves once both parties confirm it (SM-1 row 14, ADR 0107)."""
    access, intervention = _load_intervention(
        actor, case_id, intervention_id, "interventions.intervention.write"
    )
    if intervention.status != InterventionStatus.RUNNING:
        raise NotPossible(_("Alleen een lopende interventie kan eindigen."))
    case = access.case
    intervention.status, intervention.ended_on, intervention.outcome_resolved = (
        InterventionStatus.ENDED,
        today,
        resolved,
    )
    intervention.save(update_fields=["status", "ended_on", "outcome_resolved"])
    timeline_record(
        actor, case, "intervention.ended", acting_role(actor, access), intervention_kind=intervention.kind
    )
    audit.record_for(
        actor,
        "interventions.intervention.ended",
        intervention,
        case=case,
        data={"kind": intervention.kind, "resolved": resolved},
    )
    case_deadlines_refresh_on_commit(case.pk)
    return intervention


@transaction.atomic
def intervention_confirm_resolved(
    *, actor: Actor, case_id: int, intervention_id: int, today: date
) -> Intervention:
    """A party confirms, for themselves, that the intervention resolved the conflict (SM-1 row 14).

    Nobody confirms for a party (ADR 0107). Once both have, the case is resolved and continues
    (RESOLVED_CONTINUED) where SM-1 has the row.
    """
    access, intervention = _load_intervention(
        actor, case_id, intervention_id, "interventions.intervention.confirm"
    )
    if intervention.status != InterventionStatus.ENDED or intervention.outcome_resolved is not True:
        raise NotPossible(_("Er is geen opgeloste interventie om te bevestigen."))
    case = access.case
    side = CaseParty.objects.filter(case=case, user_id=actor.uid).values_list("side", flat=True).first()
    if side is None:
        raise hidden(actor, "interventions.intervention.confirm")
    field = (
        "resolved_confirmed_by_employee_on"
        if side == CaseParty.Side.EMPLOYEE
        else "resolved_confirmed_by_other_on"
    )
    if getattr(intervention, field) is not None:
        return intervention  # confirmed before: once is enough
    setattr(intervention, field, today)
    intervention.save(update_fields=[field])
    role = acting_role(actor, access)
    timeline_record(actor, case, "intervention.resolution_confirmed", role)
    audit.record_for(
        actor, "interventions.intervention.resolution_confirmed", intervention, case=case, data={"side": side}
    )
    if facts.resolution_confirmed(intervention):
        case_move(actor=actor, case_id=case.pk, event="resolved", today=today, role=role)
    case_deadlines_refresh_on_commit(case.pk)
    return intervention
