"""Writes of the cases context: keyword-only, atomic, authorised again, audited, on the timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkvrede.accounts.models import Membership, Organisation
from werkvrede.audit import services as audit
from werkvrede.cases.deadlines import case_deadlines_refresh_on_commit
from werkvrede.cases.guideline_bridge import case_situation, case_situation_data
from werkvrede.cases.models import (
    Case,
    CaseNote,
    CaseParticipant,
    CaseParty,
    CaseRole,
    CaseState,
    GlaslRecord,
    LegalHold,
    MelderChoice,
    TimelineEvent,
)
from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import case_get_for, parties_of
from werkvrede.core.actor import Actor
from werkvrede.core.confidential import vp_route_open
from werkvrede.core.gate import decide
from werkvrede.core.phases import CASE, INTAKE, announce_phase_end
from werkvrede.core.policy import authorize, hidden
from werkvrede.core.refusals import Invalid, MedicalTermsFound
from werkvrede.core.roles import Role
from werkvrede.guideline.rules.privacy import scan_medical_terms
from werkvrede.guideline.states import SM1
from werkvrede.guideline.textscan import scan_termination

# The employer side may not record medical details anywhere; these roles write as employer.
EMPLOYER_ROLES = frozenset({Role.LINE_MANAGER, Role.HR_ADVISER, Role.CASEMANAGER, Role.ADMIN})
# Which organisation roles may hold a case role (the other party is a colleague or a manager).
CASE_ROLE_NEEDS: dict[CaseRole, frozenset[Role]] = {
    CaseRole.EMPLOYEE: frozenset({Role.EMPLOYEE}),
    CaseRole.OTHER_PARTY: frozenset({Role.EMPLOYEE, Role.LINE_MANAGER}),
    CaseRole.LINE_MANAGER: frozenset({Role.LINE_MANAGER}),
    CaseRole.HR_ADVISER: frozenset({Role.HR_ADVISER}),
    CaseRole.CASEMANAGER: frozenset({Role.CASEMANAGER}),
    CaseRole.OCCUPATIONAL_PHYSICIAN: frozenset({Role.OCCUPATIONAL_PHYSICIAN}),
    CaseRole.DELEGATED_PROFESSIONAL: frozenset({Role.DELEGATED_PROFESSIONAL}),
    CaseRole.COMPANY_SOCIAL_WORKER: frozenset({Role.COMPANY_SOCIAL_WORKER}),
}
SIGNALLER_CASE_ROLE = {
    Role.EMPLOYEE: CaseRole.EMPLOYEE,
    Role.LINE_MANAGER: CaseRole.LINE_MANAGER,
    Role.HR_ADVISER: CaseRole.HR_ADVISER,
    Role.CASEMANAGER: CaseRole.CASEMANAGER,
    Role.OCCUPATIONAL_PHYSICIAN: CaseRole.OCCUPATIONAL_PHYSICIAN,
}


@dataclass(frozen=True)
class SignalInput:
    signalled_on: date
    employee_membership_id: int | None
    employee_name: str
    other_party_name: str
    other_party_membership_id: int | None
    description: str
    description_visibility: str


def timeline_record(
    actor: Actor, case: Case, kind: str, acting_role: str, **data: str | int | bool | None
) -> None:
    """Add an event to the case timeline (other contexts call this too). `data`: codes and ids only."""
    TimelineEvent.objects.create(
        case=case, kind=kind, actor_id=actor.user_id, actor_role=acting_role, data=data
    )


def acting_role(actor: Actor, access: CaseAccess | None = None) -> str:
    """The role a person acts in: their case role if they have one, else their organisation role."""
    if access is not None and access.case_roles:
        return sorted(access.case_roles)[0]
    return sorted(str(r) for r in actor.roles)[0] if actor.roles else ""


def _check_employer_text(actor: Actor, field: str, text: str) -> None:
    if actor.roles & EMPLOYER_ROLES:
        terms = scan_medical_terms(text)
        if terms:
            raise MedicalTermsFound({field: terms})


def _member(organisation_id: int, membership_id: int | None) -> Membership | None:
    if membership_id is None:
        return None
    return (
        Membership.objects.select_related("user")
        .filter(pk=membership_id, organisation_id=organisation_id)
        .first()
    )


def _next_reference(organisation_id: int, year: int) -> str:
    # The organisation row is locked, so two signals at once never get the same number.
    Organisation.objects.select_for_update(no_key=True).get(pk=organisation_id)
    prefix = f"{year}-"
    last = (
        Case.objects.filter(organisation_id=organisation_id, reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:04d}"


@transaction.atomic
def case_signal(*, actor: Actor, data: SignalInput) -> Case:
    """Open a case (SM-1 row 1). The signaller takes part in the role they signal in."""
    authorize(actor, "cases.case.signal")
    if actor.organisation_id is None or actor.user_id is None:  # the rule already refuses these
        raise hidden(actor, "cases.case.signal")
    role = next(SIGNALLER_CASE_ROLE[r] for r in sorted(actor.roles) if r in SIGNALLER_CASE_ROLE)
    employee: Membership | None
    if role == CaseRole.EMPLOYEE:
        employee = Membership.objects.select_related("user").get(
            user_id=actor.user_id, organisation_id=actor.organisation_id
        )
    else:
        employee = _member(actor.organisation_id, data.employee_membership_id)
        if data.employee_membership_id is not None and employee is None:
            raise hidden(actor, "cases.case.signal")
    other = _member(actor.organisation_id, data.other_party_membership_id)
    if data.other_party_membership_id is not None and other is None:
        raise hidden(actor, "cases.case.signal")
    _check_employer_text(actor, "description", data.description)

    case = Case.objects.create(
        organisation_id=actor.organisation_id,
        reference=_next_reference(actor.organisation_id, data.signalled_on.year),
        signalled_on=data.signalled_on,
        signalled_by_id=actor.user_id,
        signalled_as=role,
    )
    employee_user = employee.user if employee else None
    CaseParty.objects.create(
        case=case,
        side=CaseParty.Side.EMPLOYEE,
        user=employee_user,
        name=employee_user.full_name if employee_user else data.employee_name,
        # the employee signalling is the party that feels obstructed.
        feels_obstructed=role == CaseRole.EMPLOYEE,
    )
    other_user = other.user if other else None
    CaseParty.objects.create(
        case=case,
        side=CaseParty.Side.OTHER,
        user=other_user,
        name=other_user.full_name if other_user else data.other_party_name,
    )
    participants = {(actor.user_id, role)}
    if employee_user is not None:
        participants.add((employee_user.pk, CaseRole.EMPLOYEE))
    if other_user is not None:
        participants.add((other_user.pk, CaseRole.OTHER_PARTY))
    CaseParticipant.objects.bulk_create(
        [CaseParticipant(case=case, user_id=u, role=r) for u, r in sorted(participants)]
    )
    if data.description.strip():
        CaseNote.objects.create(
            case=case,
            author_id=actor.uid,
            author_role=role,
            visibility=data.description_visibility,
            text=data.description.strip(),
            shared_at=None if data.description_visibility == CaseNote.Visibility.PRIVATE else timezone.now(),
        )
    timeline_record(actor, case, "case.signalled", role)
    audit.record_for(actor, "cases.case.signalled", case, case=case, data={"role": role})
    return case


@dataclass(frozen=True)
class IntakeInput:
    configuration: str
    domains: tuple[str, ...]
    acknowledged_by_other: bool | None
    employee_feels_obstructed: bool
    other_feels_obstructed: bool
    undesirable_behaviour_suspected: bool
    glasl_stage: int | None
    conflict_type: str
    # RT-2: the categories decide whether the R-100 hold applies; a suspicion names at least one.
    undesirable_behaviour_categories: tuple[str, ...] = ()


@transaction.atomic
def case_complete_intake(*, actor: Actor, case_id: int, data: IntakeInput, today: date) -> Case:
    """Record the intake and move to INTAKE (SM-1 row 2); R-002 and R-003 guard it."""
    access = case_get_for(actor, case_id)
    authorize(actor, "cases.case.intake", access)
    case = Case.objects.select_for_update(no_key=True).get(pk=access.case.pk)
    parties = parties_of(access)
    case.configuration = data.configuration
    case.domains = sorted(set(data.domains))
    case.acknowledged_by_other = data.acknowledged_by_other
    categories = sorted(set(data.undesirable_behaviour_categories))
    if data.undesirable_behaviour_suspected and not categories:
        raise ValueError("a suspicion of undesirable behaviour names at least one category (RT-2)")
    case.undesirable_behaviour_suspected = bool(categories)
    case.undesirable_behaviour_categories = categories
    for party in parties:
        party.feels_obstructed = (
            data.employee_feels_obstructed
            if party.side == CaseParty.Side.EMPLOYEE
            else data.other_feels_obstructed
        )
    situation = case_situation(
        case,
        parties,
        today=today,
        glasl_stage=data.glasl_stage,
        conflict_type=data.conflict_type,
        intake_completed=True,
    )
    decision = decide(
        situation, today=today, subject=None, machine="SM-1", state=case.state, event="intake_done"
    )
    previous = case.state
    case.state = decision.next_state
    case.intake_completed_on = today
    case.updated_at = timezone.now()
    case.save(
        update_fields=[
            "configuration",
            "domains",
            "acknowledged_by_other",
            "undesirable_behaviour_suspected",
            "undesirable_behaviour_categories",
            "state",
            "intake_completed_on",
            "updated_at",
        ]
    )
    for party in parties:
        party.save(update_fields=["feels_obstructed"])
    role = acting_role(actor, access)
    if data.glasl_stage is not None:
        GlaslRecord.objects.create(
            case=case, stage=data.glasl_stage, conflict_type=data.conflict_type, recorded_by_id=actor.uid
        )
    timeline_record(actor, case, "case.intake_completed", role, state_from=previous, state_to=case.state)
    announce_case_phase_end(case, INTAKE)
    audit.record_for(
        actor,
        "cases.case.intake_completed",
        case,
        case=case,
        data={"state_from": previous, "state_to": case.state},
    )
    return case


@transaction.atomic
def glasl_record(*, actor: Actor, case_id: int, stage: int, conflict_type: str) -> GlaslRecord:
    """Reclassify the conflict (R-004): always allowed, the history is kept."""
    if not 1 <= stage <= 9:
        raise ValueError("Glasl stage must be 1-9")
    access = case_get_for(actor, case_id)
    authorize(actor, "cases.glasl.record", access)
    record = GlaslRecord.objects.create(
        case=access.case, stage=stage, conflict_type=conflict_type, recorded_by_id=actor.uid
    )
    timeline_record(actor, access.case, "glasl.recorded", acting_role(actor, access), stage=stage)
    audit.record_for(actor, "cases.glasl.recorded", access.case, case=access.case, data={"stage": stage})
    return record


@transaction.atomic
def note_add(*, actor: Actor, case_id: int, text: str, visibility: str) -> CaseNote:
    """Add one's own account (D05). Employer-side authors may not write medical details (R-131)."""
    access = case_get_for(actor, case_id)
    authorize(actor, "cases.note.write", access)
    if visibility not in CaseNote.Visibility.values:
        raise ValueError(f"unknown visibility {visibility!r}")
    _check_employer_text(actor, "text", text)
    role = acting_role(actor, access)
    note = CaseNote.objects.create(
        case=access.case,
        author_id=actor.uid,
        author_role=role,
        visibility=visibility,
        text=text.strip(),
        shared_at=None if visibility == CaseNote.Visibility.PRIVATE else timezone.now(),
    )
    timeline_record(actor, access.case, "note.added", role, visibility=visibility)
    audit.record_for(
        actor,
        "cases.note.created",
        access.case,
        case=access.case,
        data={"note": note.pk, "visibility": visibility},
    )
    return note


@transaction.atomic
def _termination_question(case: Case, question: str) -> None:
    """RT-13: a question asking the bedrijfsarts to advise termination is refused (R-033, R-097)."""
    asked = scan_termination(question)
    if not asked:
        return
    today = timezone.localdate()
    situation = case_situation_data(case, today=today)
    situation.setdefault("conflict", {})["ba_termination_advice_requested"] = True
    decide(situation, today=today, subject="conflict.ba_termination_advice_requested", block=("R-097",))


def participant_add(
    *, actor: Actor, case_id: int, membership_id: int, role: str, question: str = ""
) -> CaseParticipant:
    """Give a member of the organisation a role in the case; the role must match an organisation role.

    Referring the case to the bedrijfsarts may carry a question; one that asks for advice on a
    termination is refused (R-033, R-097, RT-13; ADR 0111)."""
    access = case_get_for(actor, case_id)
    authorize(actor, "cases.participant.add", access)
    membership = _member(access.organisation_id, membership_id)
    if membership is None:
        raise hidden(actor, "cases.participant.add")
    organisation_roles = set(membership.grants.values_list("role", flat=True))
    if not organisation_roles & {str(r) for r in CASE_ROLE_NEEDS[CaseRole(role)]}:
        raise ValueError(
            f"{membership.user} has no role in this organisation that fits {CaseRole(role).label}"
        )
    question = question.strip()
    if question and role != CaseRole.OCCUPATIONAL_PHYSICIAN:
        raise Invalid.of("question", _("Alleen een verwijzing naar de bedrijfsarts heeft een vraag."))
    _termination_question(access.case, question)
    participant, created = CaseParticipant.objects.get_or_create(
        case=access.case, user=membership.user, role=role, defaults={"question": question}
    )
    if created:
        timeline_record(actor, access.case, "participant.added", acting_role(actor, access), role=role)
        audit.record_for(
            actor,
            "cases.participant.added",
            access.case,
            case=access.case,
            data={"role": role, "user": membership.user_id},
        )
    return participant


# --- SM-1 steps that other contexts cause (interventions, R-060…R-069) ---------------------------


def case_move(*, actor: Actor, case_id: int, event: str, today: date, role: str = "") -> Case | None:
    """Take SM-1 `event` for the case when its table has a row for the case's state (rows 5, 6, 14).

    For contexts that have authorised their own step (starting or ending an intervention) and saved
    it in the same transaction, so the guards see it. Returns the moved case, or None when SM-1 has
    no such row in this state (the case stays where it is; the intervention still counts, I-1/I-2).
    A guard that blocks (R-062, R-063, R-064, R-100) raises `Blocked` and so refuses the caller's step.
    """
    case = Case.objects.select_for_update(no_key=True).get(pk=case_id)
    if SM1.find(case.state, event) is None:
        return None
    decision = decide(
        case_situation_data(case, today=today), today=today, subject=None, machine="SM-1",
        state=case.state, event=event,
    )  # fmt: skip
    previous = case.state
    if decision.next_state == previous:
        return None
    case.state, case.updated_at = decision.next_state, timezone.now()
    case.save(update_fields=["state", "updated_at"])
    timeline_record(actor, case, "case.state_changed", role, state_from=previous, state_to=case.state)
    audit.record_for(
        actor, "cases.case.moved", case, case=case,
        data={"event": event, "state_from": previous, "state_to": case.state},
    )  # fmt: skip
    if case.state in CASE_ENDED:
        announce_case_phase_end(case, CASE)
    return case


# The case's phase ends when the conflict is settled or closed (SM-1); once per case (ADR 0135).
CASE_ENDED = frozenset(
    {CaseState.RESOLVED_CONTINUED, CaseState.RESOLVED_EXIT, CaseState.CLOSED_UNRESOLVED, CaseState.CLOSED}
)


def announce_case_phase_end(case: Case, phase: str, *, subject: str = "") -> None:
    """Each party with a log-in may say whether the phase felt fair (ADR 0135)."""
    announce_phase_end(
        phase=phase,
        organisation_id=case.organisation_id,
        subject=subject or f"case:{case.pk}",
        case_id=case.pk,
        party_user_ids=CaseParty.objects.filter(case=case).values_list("user_id", flat=True),
    )


def state_label(state: str) -> str:
    return str(CaseState(state).label)


# --- the vertrouwenspersoon first when transgressive behaviour is suspected -----------------


def case_vp_offered(*, case: Case, on: date) -> None:
    """The VP was offered to the melder (a referral record, RT-2); the first offer counts."""
    Case.objects.filter(pk=case.pk, vp_offered_on__isnull=True).update(vp_offered_on=on)
    case.refresh_from_db(fields=["vp_offered_on"])


@transaction.atomic
def melder_choice_record(
    *, actor: Actor, case_id: int, choice: str, consents_to_mediation: bool, today: date
) -> Case:
    """The melder says which way they go after the VP was offered; this ends the R-100 hold.

    Only the employee who is the melder records it: nobody chooses for them (R-100, CC-9).
    Consent to mediation with the other party (I-6) can be given later and withdrawn.
    Choosing the VP opens a report on the VP's side only (core.confidential); the case learns
    nothing of it, not even whether the melder then went.
    """
    access = case_get_for(actor, case_id)
    authorize(actor, "cases.melder_choice.record", access)
    # The rule holds the condition: the VP was offered about suspected undesirable behaviour.
    case = Case.objects.select_for_update(no_key=True).get(pk=access.case.pk)
    case.melder_choice = choice
    case.melder_consents_to_mediation = consents_to_mediation
    case.updated_at = timezone.now()
    case.save(update_fields=["melder_choice", "melder_consents_to_mediation", "updated_at"])
    # The choice itself stays with the melder; the timeline only says that the hold ended.
    timeline_record(actor, case, "case.melder_chose", acting_role(actor, access))
    audit.record_for(actor, "cases.case.melder_chose", case, case=case)
    if choice == MelderChoice.VP:
        vp_route_open(
            organisation_id=case.organisation_id, melder_id=actor.uid, channel="CASE_CHOICE", today=today
        )
    return case


# --- a legal hold keeps the case's records past their retention term ----------------------


class LegalHoldError(ValueError):
    """A second hold while one is active, or lifting when none is (the form shows it on its field)."""


@transaction.atomic
def legal_hold_set(*, actor: Actor, case_id: int, category: str, reason: str) -> LegalHold:
    """Put the case's records under a legal hold (R-140): a category and a reason are required.

    The reason is employer-side free text: no medical details (R-131). The audit event names the
    hold and its category, never the reason (R-170: no content in the log).
    """
    access = case_get_for(actor, case_id)
    authorize(actor, "cases.legal_hold.manage", access)
    if category not in LegalHold.Category.values:
        raise ValueError(f"unknown category {category!r}")
    reason = reason.strip()
    if not reason:
        raise LegalHoldError("a legal hold needs a reason (R-140)")
    _check_employer_text(actor, "reason", reason)
    Case.objects.select_for_update(no_key=True).filter(
        pk=access.case.pk
    ).first()  # one hold decision at a time
    if LegalHold.objects.filter(case=access.case, lifted_at__isnull=True).exists():
        raise LegalHoldError("this case is already under a legal hold")
    hold = LegalHold.objects.create(
        case=access.case,
        organisation_id=access.organisation_id,
        category=category,
        reason=reason,
        set_by_id=actor.uid,
    )
    role = acting_role(actor, access)
    timeline_record(actor, access.case, "legal_hold.set", role, category=category)
    audit.record_for(
        actor,
        "cases.legal_hold.set",
        hold,
        case=access.case,
        legal_basis="R-140",
        data={"hold": hold.pk, "category": category},
    )
    case_deadlines_refresh_on_commit(access.case.pk)
    return hold


@transaction.atomic
def legal_hold_lift(*, actor: Actor, case_id: int, lift_reason: str) -> LegalHold:
    """Lift the active legal hold; the retention terms run again (R-140). The hold stays as history."""
    access = case_get_for(actor, case_id)
    authorize(actor, "cases.legal_hold.manage", access)
    lift_reason = lift_reason.strip()
    if not lift_reason:
        raise LegalHoldError("say why the legal hold is lifted")
    _check_employer_text(actor, "lift_reason", lift_reason)
    hold = (
        LegalHold.objects.select_for_update(no_key=True)
        .filter(case=access.case, lifted_at__isnull=True)
        .first()
    )
    if hold is None:
        raise LegalHoldError("this case is not under a legal hold")
    hold.lifted_by_id = actor.uid
    hold.lifted_at = timezone.now()
    hold.lift_reason = lift_reason
    hold.save(update_fields=["lifted_by", "lifted_at", "lift_reason"])
    role = acting_role(actor, access)
    timeline_record(actor, access.case, "legal_hold.lifted", role, category=hold.category)
    audit.record_for(
        actor,
        "cases.legal_hold.lifted",
        hold,
        case=access.case,
        legal_basis="R-140",
        data={"hold": hold.pk, "category": hold.category},
    )
    case_deadlines_refresh_on_commit(access.case.pk)
    return hold
