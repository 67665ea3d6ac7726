"""JSON API of the cases context, mounted under /api/v1 by werkvrede.api.

(No `from __future__ import annotations` here: django-ninja reads the annotations at import time.)

The same selectors, services and policies as the pages; output schemas carry only what the actor
may see (accounts filtered by `can_read_note`), errors are 422 with a field path.
"""

from datetime import date, datetime
from typing import Annotated, Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Status

from werkvrede.cases import selectors, services
from werkvrede.cases.models import (
    CaseNote,
    CaseRole,
    Configuration,
    ConflictType,
    Domain,
    LegalHold,
    LegalHoldCategory,
    MelderChoice,
    UndesirableBehaviour,
)
from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import CASE
from werkvrede.core.access import api_requires
from werkvrede.core.actor import Actor
from werkvrede.core.pagination import offset_window
from werkvrede.core.policy import allowed
from werkvrede.core.refusals import Invalid
from werkvrede.core.types import Choice, Date, Id, Input, Limit, Name, Offset, Out, Text, WholeNumber

router = Router(tags=["cases"])


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


class CaseFindingOut(Out):
    code: str
    severity: str
    message_nl: str
    message_en: str


class CaseProblemOut(Out):
    detail: str
    path: str = "$"
    findings: list[CaseFindingOut] = []
    terms: list[str] = []


class CasePartyOut(Out):
    side: str
    name: str
    is_group: bool
    feels_obstructed: bool
    legally_assisted: bool


class ParticipantOut(Out):
    user_id: int
    name: str
    role: str


class CaseNoteOut(Out):
    id: int
    author_id: int
    author_name: str
    author_role: str
    visibility: str
    text: str
    created_at: datetime


class TimelineOut(Out):
    kind: str
    occurred_at: datetime
    actor_id: int | None
    actor_role: str
    data: dict[str, Any]


class CaseSummaryOut(Out):
    id: int
    reference: str
    state: str
    signalled_on: date
    parties: list[CasePartyOut]


class CaseOut(CaseSummaryOut):
    configuration: str
    domains: list[str]
    acknowledged_by_other: bool | None
    undesirable_behaviour_suspected: bool
    undesirable_behaviour_categories: list[str]
    vp_offered_on: date | None
    r100_hold: bool = Field(..., description="R-100: confronting steps are held until the melder chose")
    melder_choice: str | None = Field(None, description="only for the melder (case role WN)")
    melder_consents_to_mediation: bool | None = Field(None, description="only for the melder")
    intake_completed_on: date | None
    my_case_roles: list[str]
    participants: list[ParticipantOut]
    timeline: list[TimelineOut]
    notes: list[CaseNoteOut]


class CaseListOut(Out):
    results: list[CaseSummaryOut]
    next_offset: int | None = Field(None, description="offset of the next page; null on the last page")


class SignalIn(Input):
    signalled_on: Date
    employee_membership_id: Id | None = None
    employee_name: Name = ""
    other_party_membership_id: Id | None = None
    other_party_name: Name = ""
    description: Text = ""
    description_visibility: Choice[CaseNote.Visibility] = CaseNote.Visibility.HANDLERS


class CaseIntakeIn(Input):
    configuration: Choice[Configuration] | None = None
    domains: list[Choice[Domain]] = []
    acknowledged_by_other: bool | None = None
    employee_feels_obstructed: bool = False
    other_feels_obstructed: bool = False
    undesirable_behaviour_suspected: bool = False
    undesirable_behaviour_categories: list[Choice[UndesirableBehaviour]] = Field(
        [], description="RT-2; required when undesirable_behaviour_suspected is true"
    )
    glasl_stage: Annotated[int, Field(ge=1, le=9), WholeNumber] | None = None
    conflict_type: Choice[ConflictType] | None = None


class MelderChoiceIn(Input):
    choice: Choice[MelderChoice]
    consents_to_mediation: bool = False


class CaseDeadlineOut(Out):
    code: str
    subject: str
    category: str
    status: str
    due: date | None
    practical_due: date | None
    window_start: date | None
    done_on: date | None
    # DONE_LATE: working days after the due date (ADR 0100); null otherwise.
    late_working_days: int | None
    owner_roles: list[str]
    overdue: bool
    basis: str


class CaseNoteIn(Input):
    text: Annotated[Text, Field(min_length=1)]
    visibility: Choice[CaseNote.Visibility] = CaseNote.Visibility.PRIVATE


class ParticipantIn(Input):
    membership_id: Id
    role: Choice[CaseRole]
    # The question of a referral to the bedrijfsarts; never one about termination (R-097, RT-13).
    question: Text = ""


def _party_row(p: Any) -> dict[str, Any]:
    return {
        "side": p.side,
        "name": p.name,
        "is_group": p.is_group,
        "feels_obstructed": p.feels_obstructed,
        "legally_assisted": p.legal_assistance_since is not None,
    }


def _party(p: Any) -> CasePartyOut:
    return CasePartyOut(**_party_row(p))


def _case_out(actor: Actor, access: CaseAccess) -> CaseOut:
    case = access.case
    # The melder's choice is their own: others only see whether the hold still applies, and
    # the other party not even that a suspicion was recorded (ADR 0004).
    melder = allowed(actor, "cases.melder_choice.record", access)
    behaviour = allowed(actor, "cases.undesirable_behaviour.view", access)
    return CaseOut(
        id=case.pk,
        reference=case.reference,
        state=case.state,
        signalled_on=case.signalled_on,
        parties=[_party(p) for p in selectors.parties_of(access)],
        configuration=case.configuration,
        domains=list(case.domains),
        acknowledged_by_other=case.acknowledged_by_other,
        undesirable_behaviour_suspected=behaviour and case.undesirable_behaviour_suspected,
        undesirable_behaviour_categories=list(case.undesirable_behaviour_categories) if behaviour else [],
        vp_offered_on=case.vp_offered_on if behaviour else None,
        r100_hold=behaviour and selectors.r100_hold(case),
        melder_choice=(case.melder_choice or None) if melder else None,
        melder_consents_to_mediation=case.melder_consents_to_mediation if melder else None,
        intake_completed_on=case.intake_completed_on,
        my_case_roles=sorted(access.case_roles),
        participants=[
            ParticipantOut(user_id=p.user_id, name=p.user.full_name, role=p.role)
            for p in selectors.participants_for(actor, access)
        ],
        timeline=[
            TimelineOut(
                kind=e.kind,
                occurred_at=e.occurred_at,
                actor_id=e.actor_id,
                actor_role=e.actor_role,
                data=e.data,
            )
            for e in selectors.timeline_for(actor, access)
        ],
        notes=[
            CaseNoteOut(
                id=n.pk,
                author_id=n.author_id,
                author_name=n.author.full_name,
                author_role=n.author_role,
                visibility=n.visibility,
                text=n.text,
                created_at=n.created_at,
            )
            for n in selectors.notes_for(actor, access)
        ],
    )


@router.get("/cases", response=CaseListOut, url_name="case-list", summary="The cases I may open")
@api_requires("cases.case.list")
def case_list(request: HttpRequest, offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    cases = selectors.case_list_for(_actor(request))
    window = offset_window(cases.prefetch_related(Prefetch("parties", to_attr="party_list")), offset, limit)
    # Plain rows: the response schema (CaseListOut) validates them once; building CaseSummaryOut here
    # validated every row twice (ADR 0201).
    return {
        "next_offset": window.next_offset,
        "results": [
            {
                "id": c.pk,
                "reference": c.reference,
                "state": c.state,
                "signalled_on": c.signalled_on,
                "parties": [_party_row(p) for p in c.party_list],  # type: ignore[attr-defined]
            }
            for c in window.rows
        ],
    }


@router.get("/cases/{case_id}", response=CaseOut, url_name="case-detail", summary="One case")
@api_requires("cases.case.view", on=CASE)
def case_detail(request: HttpRequest, access: CaseAccess) -> CaseOut:
    return _case_out(_actor(request), access)


@router.get(
    "/cases/{case_id}/deadlines", response=list[CaseDeadlineOut], url_name="case-deadlines",
    summary="The case's deadlines (T-xx) whose data category the caller may read",
)  # fmt: skip
@api_requires("cases.case.view", on=CASE)
def case_deadlines(request: HttpRequest, access: CaseAccess) -> list[CaseDeadlineOut]:
    actor = _actor(request)
    return [
        CaseDeadlineOut(
            code=item.deadline.code,
            subject=item.deadline.subject,
            category=item.deadline.category,
            status=item.deadline.status,
            due=item.deadline.due,
            practical_due=item.deadline.practical_due,
            window_start=item.deadline.window_start,
            done_on=item.deadline.done_on,
            late_working_days=item.deadline.late_working_days,
            owner_roles=[r for r in item.deadline.owner_roles.split(",") if r],
            overdue=item.overdue,
            basis=item.deadline.basis,
        )
        for item in selectors.deadlines_for(actor, access, today=timezone.localdate())
    ]


@router.post(
    "/cases", response={201: CaseOut}, url_name="case-signal",
    summary="Signal a conflict (SM-1 row 1)",
)  # fmt: skip
@api_requires("cases.case.signal")
def case_signal(request: HttpRequest, payload: SignalIn) -> Status[Any]:
    actor = _actor(request)
    case = services.case_signal(
        actor=actor,
        data=services.SignalInput(
            signalled_on=payload.signalled_on,
            employee_membership_id=payload.employee_membership_id,
            employee_name=payload.employee_name,
            other_party_name=payload.other_party_name,
            other_party_membership_id=payload.other_party_membership_id,
            description=payload.description,
            description_visibility=payload.description_visibility,
        ),
    )
    return Status(201, _case_out(actor, selectors.case_get_for(actor, case.pk)))


@router.post(
    "/cases/{case_id}/intake", response={200: CaseOut},
    url_name="case-intake",
    summary="Complete the intake (SM-1 row 2; guarded by R-002 and R-003)",
)  # fmt: skip
@api_requires("cases.case.intake", on=CASE)
def case_intake(request: HttpRequest, access: CaseAccess, payload: CaseIntakeIn) -> Status[Any]:
    actor = _actor(request)
    case_id = access.case.pk
    if payload.undesirable_behaviour_suspected and not payload.undesirable_behaviour_categories:
        detail = "RT-2: name at least one category of the suspected undesirable behaviour"
        raise Invalid.of("undesirable_behaviour_categories", detail)
    services.case_complete_intake(
        actor=actor,
        case_id=case_id,
        data=services.IntakeInput(
            configuration=payload.configuration.value if payload.configuration else "",
            domains=tuple(d.value for d in payload.domains),
            acknowledged_by_other=payload.acknowledged_by_other,
            employee_feels_obstructed=payload.employee_feels_obstructed,
            other_feels_obstructed=payload.other_feels_obstructed,
            undesirable_behaviour_suspected=payload.undesirable_behaviour_suspected,
            undesirable_behaviour_categories=tuple(c.value for c in payload.undesirable_behaviour_categories),
            glasl_stage=payload.glasl_stage,
            conflict_type=payload.conflict_type.value if payload.conflict_type else "",
        ),
        today=timezone.localdate(),
    )
    return Status(200, _case_out(actor, selectors.case_get_for(actor, case_id)))


@router.post(
    "/cases/{case_id}/notes", response={201: CaseNoteOut}, url_name="case-note-add",
    summary="Write one's own account (D05)",
)  # fmt: skip
@api_requires("cases.note.write", on=CASE)
def note_add(request: HttpRequest, access: CaseAccess, payload: CaseNoteIn) -> Status[Any]:
    actor = _actor(request)
    note = services.note_add(
        actor=actor, case_id=access.case.pk, text=payload.text, visibility=payload.visibility
    )
    out = CaseNoteOut(
        id=note.pk,
        author_id=note.author_id,
        author_name=actor.display_name,
        author_role=note.author_role,
        visibility=note.visibility,
        text=note.text,
        created_at=note.created_at,
    )
    return Status(201, out)


@router.post(
    "/cases/{case_id}/participants", response={201: ParticipantOut},
    url_name="case-participant-add", summary="Give a member of the organisation a role in the case",
)  # fmt: skip
@api_requires("cases.participant.add", on=CASE)
def participant_add(request: HttpRequest, access: CaseAccess, payload: ParticipantIn) -> Status[Any]:
    actor = _actor(request)
    try:
        participant = services.participant_add(
            actor=actor, case_id=access.case.pk, membership_id=payload.membership_id, role=payload.role.value,
            question=payload.question,
        )  # fmt: skip
    except ValueError as exc:
        raise Invalid.of("role", str(exc)) from exc
    return Status(
        201,
        ParticipantOut(user_id=participant.user_id, name=participant.user.full_name, role=participant.role),
    )


@router.post(
    "/cases/{case_id}/melder-choice", response={200: CaseOut},
    url_name="case-melder-choice",
    summary="The melder's choice after the vertrouwenspersoon was offered (R-100; only the melder)",
)  # fmt: skip
@api_requires("cases.melder_choice.record", on=CASE)
def melder_choice(request: HttpRequest, access: CaseAccess, payload: MelderChoiceIn) -> Status[Any]:
    actor = _actor(request)
    services.melder_choice_record(
        actor=actor,
        case_id=access.case.pk,
        choice=payload.choice.value,
        consents_to_mediation=payload.consents_to_mediation,
        today=timezone.localdate(),
    )
    return Status(200, _case_out(actor, selectors.case_get_for(actor, access.case.pk)))


class LegalHoldIn(Input):
    category: Choice[LegalHoldCategory]
    reason: Annotated[Text, Field(min_length=1, max_length=2000)]


class LegalHoldLiftIn(Input):
    lift_reason: Annotated[Text, Field(min_length=1, max_length=2000)]


class LegalHoldOut(Out):
    id: int
    category: str
    active: bool
    set_at: datetime
    lifted_at: datetime | None
    # The reason texts only for those who manage holds (HR, CM; ADR 0101); null for the employee.
    reason: str | None
    lift_reason: str | None


def _hold_out(hold: LegalHold, *, with_reasons: bool) -> LegalHoldOut:
    return LegalHoldOut(
        id=hold.pk,
        category=hold.category,
        active=hold.active,
        set_at=hold.set_at,
        lifted_at=hold.lifted_at,
        reason=hold.reason if with_reasons else None,
        lift_reason=(hold.lift_reason or None) if with_reasons else None,
    )


@router.get(
    "/cases/{case_id}/legal-holds", response=list[LegalHoldOut], url_name="case-legal-holds",
    summary="The case's legal holds, newest first (R-140)",
)  # fmt: skip
@api_requires("cases.legal_hold.view", on=CASE)
def legal_holds(request: HttpRequest, access: CaseAccess) -> list[LegalHoldOut]:
    with_reasons = allowed(_actor(request), "cases.legal_hold.manage", access)
    return [_hold_out(h, with_reasons=with_reasons) for h in selectors.legal_holds_of(access)]


@router.post(
    "/cases/{case_id}/legal-hold", response={201: LegalHoldOut}, url_name="case-legal-hold-set",
    summary="Put the case's records under a legal hold with its reason (R-140; HR, CM)",
)  # fmt: skip
@api_requires("cases.legal_hold.manage", on=CASE)
def legal_hold_set(request: HttpRequest, access: CaseAccess, payload: LegalHoldIn) -> Status[Any]:
    try:
        hold = services.legal_hold_set(
            actor=_actor(request),
            case_id=access.case.pk,
            category=payload.category.value,
            reason=payload.reason,
        )
    except services.LegalHoldError as exc:
        raise Invalid.of("category", str(exc)) from exc
    return Status(201, _hold_out(hold, with_reasons=True))


@router.post(
    "/cases/{case_id}/legal-hold/lift", response={200: LegalHoldOut}, url_name="case-legal-hold-lift",
    summary="Lift the case's legal hold; the retention terms run again (R-140; HR, CM)",
)  # fmt: skip
@api_requires("cases.legal_hold.manage", on=CASE)
def legal_hold_lift(request: HttpRequest, access: CaseAccess, payload: LegalHoldLiftIn) -> Status[Any]:
    try:
        hold = services.legal_hold_lift(
            actor=_actor(request), case_id=access.case.pk, lift_reason=payload.lift_reason
        )
    except services.LegalHoldError as exc:
        raise Invalid.of("lift_reason", str(exc)) from exc
    return Status(200, _hold_out(hold, with_reasons=True))
