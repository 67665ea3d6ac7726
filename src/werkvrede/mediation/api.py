"""JSON API of the mediation context, mounted under /api/v1 by werkvrede.api.

The same operations, policies and engine decisions as the pages. A guideline refusal (BLOCK, an
unacknowledged WARN) answers 409 with the findings and their codes (e.g. R-072 for a session before all
signatures); a step that does not fit answers 422 with what to fix. What a caller may read follows
the permission matrix (docs/rules.md): the referrer and the case see only the status (D14 N: started
on / ended on).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from ninja import Router, Status

from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import CASE
from werkvrede.core import policy
from werkvrede.core.access import api_requires
from werkvrede.core.actor import Actor
from werkvrede.core.api_findings import GuidelineFindingOut, InvalidOut
from werkvrede.core.types import Code, Count, Date, DateTime, Email, Id, Input, Name, Out, Text
from werkvrede.documents.models import Document
from werkvrede.documents.services import download_response, pending_signers
from werkvrede.mediation import policies as p
from werkvrede.mediation import selectors, services, termination
from werkvrede.mediation.invitations import session_ics
from werkvrede.mediation.models import Mediation, Session, TerminationAgreement
from werkvrede.mediation.selectors import MEDIATION, TERMINATION

router = Router(tags=["mediation"])


# --- Schemas ---------------------------------------------------------------------------------------


class MediationRefusedOut(Out):
    detail: Literal["blocked", "acknowledgement_required"]
    findings: list[GuidelineFindingOut]


class StatusOut(Out):
    """D14 "N": what the referrer and the case see (R-084, D14 fn 20 in docs/rules.md)."""

    id: int
    reference: str
    started_on: date | None
    ended_on: date | None


class MediationPartyOut(Out):
    id: int
    user_id: int
    name: str
    side: str
    willing: bool | None


class SessionOut(Out):
    id: int
    starts_at: datetime
    duration_minutes: int
    video_url: str
    participants: list[int]
    # The invitation's SEQUENCE (one more on every change) and whether the session is called off.
    sequence: int
    cancelled: bool


class DocumentOut(Out):
    id: int
    kind: str
    version: int
    title: str
    locked: bool
    signers: list[int]
    pending_signers: list[int]
    content_hash: str


class DocumentContentOut(DocumentOut):
    content: dict[str, Any]


class MediationOut(Out):
    status: StatusOut
    relations: list[str]
    # Content (D11 P, D12): present only for the mediator, the parties and admitted persons.
    state: str | None = None
    track: str | None = None
    subject: str | None = None
    mediator_id: int | None = None
    impartiality_declared: bool | None = None
    parties: list[MediationPartyOut] | None = None
    documents: list[DocumentOut] | None = None


class AdmissionOut(Out):
    id: int
    user_id: int
    kind: str
    for_party_id: int
    consents: list[int]
    admitted: bool
    revoked: bool


class IntakeOut(Out):
    id: int
    party_id: int
    held_on: date
    positions: str
    interests: str
    causes: str


class SessionNoteOut(Out):
    id: int
    text: str


class PartyMessageOut(Out):
    id: int
    created_at: datetime
    recipients: list[str]
    one_sided: bool
    text: str


class TerminationOut(Out):
    id: int
    state: str
    case_id: Id | None
    mediation_id: Id | None
    employee_id: int
    employer_signatory_id: int
    end_of_employment_on: date
    mentions_dissolution_right: bool
    checklist: list[str]
    concluded_on: date | None
    essentials_agreed_on: date | None
    reflection_ends_on: date | None
    no_reflection_rule: str
    dissolution_received_on: date | None
    document: DocumentOut | None


# --- Helpers -------------------------------------------------------------------------------------


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


def _today() -> date:
    return timezone.localdate()


def _status(m: Mediation) -> dict[str, Any]:
    return {
        "id": m.pk,
        "reference": services.reference(m),
        "started_on": m.started_on,
        "ended_on": m.ended_on,
    }


def _document(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.pk,
        "kind": doc.kind,
        "version": doc.version,
        "title": doc.title,
        "locked": doc.locked_at is not None,
        "signers": list(doc.signers),
        "pending_signers": pending_signers(doc),
        "content_hash": doc.content_hash,
    }


def _mediation(actor: Actor, access: p.MediationAccess) -> dict[str, Any]:
    m = access.mediation
    out: dict[str, Any] = {"status": _status(m), "relations": sorted(access.relations)}
    documents = selectors.documents_for(actor, access)
    if policy.allowed(actor, "mediation.content.read", access):
        out.update(
            state=m.state,
            track=m.track or None,
            subject=m.subject,
            mediator_id=m.mediator_id,
            impartiality_declared=m.impartiality_declared_at is not None,
            parties=[
                {
                    "id": x.pk,
                    "user_id": x.user_id,
                    "name": x.user.full_name,
                    "side": x.side,
                    "willing": x.willing,
                }
                for x in selectors.parties_of(m)
            ],
        )
    if documents:
        out["documents"] = [_document(d) for d in documents]
    return out


def _session(s: Session) -> dict[str, Any]:
    return {
        "id": s.pk,
        "starts_at": s.starts_at,
        "duration_minutes": s.duration_minutes,
        "video_url": s.video_url,
        "participants": list(s.participants),
        "sequence": s.sequence,
        "cancelled": s.cancelled,
    }


# --- Mediations ----------------------------------------------------------------------------------


class PartyIn(Input):
    user_id: Id
    side: Literal["WN", "WP", "ER"]


class PartyInviteIn(Input):
    """A case party without an account, invited by e-mail with the referral (ADR 0138)."""

    case_party_id: Id
    email: Email


class MediationIn(Input):
    subject: Name
    parties: list[PartyIn]
    mediator_id: Id | None = None
    referral_id: Id | None = None
    invite: list[PartyInviteIn] = []


def _referral(payload: MediationIn) -> services.ReferralInput:
    return services.ReferralInput(
        subject=payload.subject,
        parties=[services.PartyInput(x.user_id, x.side) for x in payload.parties],
        mediator_id=payload.mediator_id,
        referral_id=payload.referral_id,
        invited=[services.InvitedParty(x.case_party_id, x.email) for x in payload.invite],
    )


@router.get("/mediations", response={200: list[StatusOut]}, url_name="mediations", summary="My mediations")
@api_requires("mediation.mediation.list")
def mediation_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The mediations the caller takes part in or referred, as status only."""
    return [_status(m) for m in selectors.mediations_for(_actor(request))]


@router.post(
    "/mediations",
    response={201: MediationOut},
    url_name="mediations-create",
    summary="Start a mediation without a case (small business): MED, HR",
)
@api_requires("mediation.mediation.create_direct")
def mediation_create(request: HttpRequest, payload: MediationIn) -> Status[dict[str, Any]]:
    actor = _actor(request)
    m = services.mediation_create_direct(actor=actor, data=_referral(payload), today=_today())
    return Status(201, _mediation(actor, selectors.mediation_get_for(actor, m.pk)))


@router.get(
    "/mediations/admitted",
    response={200: list[StatusOut]},
    url_name="mediations-admitted",
    summary="Mediations the caller is admitted to as supporter or lawyer",
)
@api_requires("mediation.admission.list")
def admitted(request: HttpRequest) -> list[dict[str, Any]]:
    return [_status(m) for m in selectors.mediations_for_admitted(_actor(request))]


@router.get(
    "/cases/{case_id}/mediations",
    response={200: list[StatusOut]},
    url_name="case-mediations",
    summary="Mediations of a case: status only (D14 N, R-084)",
)
@api_requires("mediation.case_section.view", on=CASE)
def case_mediations(request: HttpRequest, access: CaseAccess) -> list[dict[str, Any]]:
    return [_status(m) for m in selectors.mediations_of_case(access.case)]


@router.post(
    "/cases/{case_id}/mediations",
    response={201: MediationOut},
    url_name="case-mediations-refer",
    summary="Refer a case to mediation (SM-5 row 1)",
)
@api_requires("mediation.mediation.refer", on=CASE)
def case_refer(request: HttpRequest, access: CaseAccess, payload: MediationIn) -> Status[dict[str, Any]]:
    actor = _actor(request)
    m = services.mediation_refer(actor=actor, case_id=access.case.pk, data=_referral(payload), today=_today())
    return Status(201, _mediation(actor, selectors.mediation_get_for(actor, m.pk)))


@router.get(
    "/mediations/{mediation_id}",
    response={200: MediationOut},
    url_name="mediation",
    summary="One mediation, as far as the caller may read it",
)
@api_requires("mediation.mediation.view", on=MEDIATION)
def mediation_detail(request: HttpRequest, access: p.MediationAccess) -> dict[str, Any]:
    mediation_id = access.mediation.pk
    actor = _actor(request)
    return _mediation(actor, selectors.mediation_get_for(actor, mediation_id))


class MediatorIn(Input):
    mediator_id: Id


@router.post(
    "/mediations/{mediation_id}/mediator",
    response={200: MediationOut},
    url_name="mediation-mediator",
    summary="Assign the mediator (SOD-2 checked, R-071)",
)
@api_requires("mediation.mediator.assign", on=MEDIATION)
def mediator_assign(
    request: HttpRequest, access: p.MediationAccess, payload: MediatorIn
) -> Status[dict[str, Any]]:
    mediation_id = access.mediation.pk
    actor = _actor(request)
    services.mediator_assign(
        actor=actor, mediation_id=mediation_id, mediator_id=payload.mediator_id, today=_today()
    )
    return Status(200, _mediation(actor, selectors.mediation_get_for(actor, mediation_id)))


class StepIn(Input):
    step: Literal["declare_impartiality", "willing", "unwilling", "track", "pause_vp", "resume"]
    track: Literal["RESTORATION", "EXIT"] | None = None
    party_id: Id | None = None  # the mediator records a party's answer given at intake


@router.post(
    "/mediations/{mediation_id}/steps",
    response={200: MediationOut},
    url_name="mediation-steps",
    summary="Simple steps: impartiality (SOD-2), willingness (R-070), track (R-078), VP pause (R-077)",
)
@api_requires("mediation.mediation.view", on=MEDIATION)
def mediation_step(
    request: HttpRequest, access: p.MediationAccess, payload: StepIn
) -> Status[dict[str, Any]]:
    mediation_id = access.mediation.pk
    actor, today = _actor(request), _today()
    if payload.step == "declare_impartiality":
        services.impartiality_declare(actor=actor, mediation_id=mediation_id, today=today)
    elif payload.step in ("willing", "unwilling"):
        services.willingness_record(
            actor=actor, mediation_id=mediation_id, willing=payload.step == "willing", today=today,
            party_id=payload.party_id,
        )  # fmt: skip
    elif payload.step == "track":
        services.track_set(actor=actor, mediation_id=mediation_id, track=payload.track or "", today=today)
    elif payload.step == "pause_vp":
        services.pause_for_vp(actor=actor, mediation_id=mediation_id, today=today)
    else:
        services.resume_after_vp(actor=actor, mediation_id=mediation_id, today=today)
    return Status(
        200, _mediation(actor, selectors.access_of(actor, Mediation.objects.get(pk=access.mediation.pk)))
    )


class MediationIntakeIn(Input):
    party_id: Id
    held_on: Date
    positions: Text
    interests: Text
    causes: Text


@router.get(
    "/mediations/{mediation_id}/intakes",
    response={200: list[IntakeOut]},
    url_name="mediation-intakes",
    summary="Intake records (D11): all for the mediator, one's own for a party; reads are audited",
)
@api_requires("mediation.content.read", on=MEDIATION)
def intakes(request: HttpRequest, access: p.MediationAccess) -> list[dict[str, Any]]:
    actor = _actor(request)
    return [
        {
            "id": o.record.pk,
            "party_id": o.record.party_id,
            "held_on": o.record.held_on,
            "positions": o.positions,
            "interests": o.interests,
            "causes": o.causes,
        }
        for o in selectors.intakes_for(actor, access)
    ]


@router.post(
    "/mediations/{mediation_id}/intakes",
    response={201: dict[str, int]},
    url_name="mediation-intakes-create",
    summary="Record a party's intake (sealed D11; REFERRED → INTAKE)",
)
@api_requires("mediation.mediation.manage", on=MEDIATION)
def intake_create(
    request: HttpRequest, access: p.MediationAccess, payload: MediationIntakeIn
) -> Status[dict[str, Any]]:
    mediation_id = access.mediation.pk
    record = services.intake_record(
        actor=_actor(request), mediation_id=mediation_id, data=services.IntakeInput(**payload.dict()),
        today=_today(),
    )  # fmt: skip
    return Status(201, {"id": record.pk})


class AgreementIn(Input):
    voluntary: bool
    confidential: bool
    neutrality: bool
    reglement: Text = ""
    fees: Text = ""
    paid_by: Text = ""
    reporting: Text = ""
    interim_agreements: Text = ""
    place: Name = ""
    acknowledged: list[Code] = []


@router.post(
    "/mediations/{mediation_id}/agreement",
    response={201: DocumentOut},
    url_name="mediation-agreement",
    summary="Draft the mediation agreement (R-073: essentials block, other clauses warn)",
)
@api_requires("mediation.mediation.manage", on=MEDIATION)
def agreement(
    request: HttpRequest, access: p.MediationAccess, payload: AgreementIn
) -> Status[dict[str, Any]]:
    mediation_id = access.mediation.pk
    data = payload.dict()
    acknowledged = data.pop("acknowledged")
    doc = services.agreement_draft(
        actor=_actor(request), mediation_id=mediation_id, data=services.AgreementInput(**data),
        today=_today(), acknowledged=acknowledged,
    )  # fmt: skip
    return Status(201, _document(doc))


@router.get(
    "/mediations/{mediation_id}/documents",
    response={200: list[DocumentOut]},
    url_name="mediation-documents",
    summary="The mediation's current documents the caller may read",
)
@api_requires("mediation.mediation.view", on=MEDIATION)
def documents(request: HttpRequest, access: p.MediationAccess) -> list[dict[str, Any]]:
    actor = _actor(request)
    return [_document(d) for d in selectors.documents_for(actor, access)]


@router.get(
    "/mediations/{mediation_id}/documents/{document_id}",
    response={200: DocumentContentOut},
    url_name="mediation-document",
    summary="One document with its content (D12/D13/D14 per §2.3)",
)
@api_requires("mediation.mediation.view", on=MEDIATION)
def document(request: HttpRequest, access: p.MediationAccess, document_id: Id) -> dict[str, Any]:
    actor = _actor(request)
    doc = selectors.document_get(actor, access, document_id)
    return {**_document(doc), "content": doc.content}


@router.get(
    "/mediations/{mediation_id}/documents/{document_id}/pdf",
    response={200: None},
    url_name="mediation-document-pdf",
    summary="Download a document as PDF",
)
@api_requires("mediation.mediation.view", on=MEDIATION)
def document_pdf(request: HttpRequest, access: p.MediationAccess, document_id: Id) -> HttpResponse:
    actor = _actor(request)
    doc = selectors.document_get(actor, access, document_id)
    return download_response(doc, fmt="pdf", language=get_language() or "nl", actor=actor)


class SignIn(Input):
    typed_name: Name


@router.post(
    "/mediations/{mediation_id}/documents/{document_id}/signatures",
    response={200: DocumentOut},
    url_name="mediation-document-sign",
    summary="Sign a document by typing one's name; the last signature moves the mediation on",
)
@api_requires("mediation.document.sign", on=MEDIATION)
def document_sign(
    request: HttpRequest, access: p.MediationAccess, document_id: Id, payload: SignIn
) -> Status[dict[str, Any]]:
    mediation_id = access.mediation.pk
    doc = services.mediation_document_sign(
        actor=_actor(request), mediation_id=mediation_id, document_id=document_id,
        typed_name=payload.typed_name, today=_today(),
    )  # fmt: skip
    return Status(200, _document(doc))


class AdmissionIn(Input):
    user_id: Id
    kind: Literal["SUPPORTER", "LAWYER"]
    for_party_id: Id | None = None


def _admission(a: Any) -> dict[str, Any]:
    return {
        "id": a.pk,
        "user_id": a.user_id,
        "kind": a.kind,
        "for_party_id": a.for_party_id,
        "consents": sorted(c.party_id for c in a.consents.all()),
        "admitted": a.admitted_at is not None,
        "revoked": a.revoked_at is not None,
    }


@router.post(
    "/mediations/{mediation_id}/admissions",
    response={201: AdmissionOut},
    url_name="mediation-admissions",
    summary="Propose a supporter or lawyer for a party (R-076, CC-8)",
)
@api_requires("mediation.admission.request", on=MEDIATION)
def admission_create(
    request: HttpRequest, access: p.MediationAccess, payload: AdmissionIn
) -> Status[dict[str, Any]]:
    mediation_id = access.mediation.pk
    a = services.admission_request(
        actor=_actor(request), mediation_id=mediation_id, user_id=payload.user_id, kind=payload.kind,
        for_party_id=payload.for_party_id, today=_today(),
    )  # fmt: skip
    return Status(201, _admission(a))


@router.post(
    "/mediations/{mediation_id}/admissions/{admission_id}/consent",
    response={200: AdmissionOut},
    url_name="mediation-admission-consent",
    summary="A party consents to an admission (every party must)",
)
@api_requires("mediation.admission.consent", on=MEDIATION)
def admission_consent(
    request: HttpRequest, access: p.MediationAccess, admission_id: Id
) -> Status[dict[str, Any]]:
    mediation_id = access.mediation.pk
    a = services.admission_consent(
        actor=_actor(request), mediation_id=mediation_id, admission_id=admission_id, today=_today()
    )
    return Status(200, _admission(a))


@router.post(
    "/mediations/{mediation_id}/admissions/{admission_id}/revocation",
    response={200: dict[str, int]},
    url_name="mediation-admission-revoke",
    summary="End an admission: the supported party or the mediator",
)
@api_requires("mediation.admission.revoke_any", on=MEDIATION)
def admission_revoke(request: HttpRequest, access: p.MediationAccess, admission_id: Id) -> dict[str, int]:
    """Refused before the admission is looked up: whether it exists is not for a refused actor to learn."""
    mediation_id = access.mediation.pk
    actor = _actor(request)
    admission = next((a for a in selectors.admissions_of(access.mediation) if a.pk == admission_id), None)
    if admission is None:
        raise policy.hidden(actor, "mediation.admission.revoke", access.mediation)
    count = services.admission_revoke(user_id=admission.user_id, mediation_id=mediation_id, actor=actor)
    return {"revoked": count}


class SessionIn(Input):
    starts_at: DateTime
    duration_minutes: Count
    participant_ids: list[Id]


@router.get(
    "/mediations/{mediation_id}/sessions",
    response={200: list[SessionOut]},
    url_name="mediation-sessions",
    summary="Sessions the caller takes part in (all for the mediator)",
)
@api_requires("mediation.content.read", on=MEDIATION)
def sessions(request: HttpRequest, access: p.MediationAccess) -> list[dict[str, Any]]:
    actor = _actor(request)
    return [_session(s) for s in selectors.sessions_for(actor, access)]


@router.post(
    "/mediations/{mediation_id}/sessions",
    response={201: SessionOut},
    url_name="mediation-sessions-create",
    summary="Plan a session: refused with R-072 before all signatures; invitations are e-mailed",
)
@api_requires("mediation.mediation.manage", on=MEDIATION)
def session_create(
    request: HttpRequest, access: p.MediationAccess, payload: SessionIn
) -> Status[dict[str, Any]]:
    mediation_id = access.mediation.pk
    starts_at = payload.starts_at
    if timezone.is_naive(starts_at):
        starts_at = timezone.make_aware(starts_at)
    s = services.session_plan(
        actor=_actor(request), mediation_id=mediation_id,
        data=services.SessionInput(starts_at, payload.duration_minutes, payload.participant_ids),
        today=_today(),
    )  # fmt: skip
    return Status(201, _session(s))


@router.get(
    "/mediations/{mediation_id}/sessions/{session_id}/ics",
    response={200: None},
    url_name="mediation-session-ics",
    summary="The calendar invitation (.ics, RFC 5545) of a session",
)
@api_requires("mediation.session.invitation", on=MEDIATION)
def session_invitation(request: HttpRequest, access: p.MediationAccess, session_id: Id) -> HttpResponse:
    actor = _actor(request)
    s = selectors.session_get(actor, access, session_id)
    response = HttpResponse(session_ics(s), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="werkvrede-gesprek-{s.pk}.ics"'
    response["Cache-Control"] = "no-store"
    return response


class SessionChangeIn(Input):
    starts_at: DateTime
    duration_minutes: Count


@router.post(
    "/mediations/{mediation_id}/sessions/{session_id}/reschedule",
    response={200: SessionOut},
    url_name="mediation-session-reschedule",
    summary="Move a session (the mediator): the invitees get the update of the same invitation",
)
@api_requires("mediation.mediation.manage", on=MEDIATION)
def session_reschedule(
    request: HttpRequest, access: p.MediationAccess, session_id: Id, payload: SessionChangeIn
) -> dict[str, Any]:
    starts_at = payload.starts_at
    if timezone.is_naive(starts_at):
        starts_at = timezone.make_aware(starts_at)
    s = services.session_reschedule(
        actor=_actor(request), mediation_id=access.mediation.pk, session_id=session_id,
        starts_at=starts_at, duration_minutes=payload.duration_minutes, today=_today(),
    )  # fmt: skip
    return _session(s)


@router.post(
    "/mediations/{mediation_id}/sessions/{session_id}/cancel",
    response={200: SessionOut},
    url_name="mediation-session-cancel",
    summary="Call a session off (the mediator): the invitees get METHOD:CANCEL",
)
@api_requires("mediation.mediation.manage", on=MEDIATION)
def session_cancel(request: HttpRequest, access: p.MediationAccess, session_id: Id) -> dict[str, Any]:
    s = services.session_cancel(
        actor=_actor(request), mediation_id=access.mediation.pk, session_id=session_id, today=_today()
    )
    return _session(s)


class SessionNoteIn(Input):
    text: Text


@router.get(
    "/mediations/{mediation_id}/sessions/{session_id}/notes",
    response={200: list[SessionNoteOut]},
    url_name="mediation-session-notes",
    summary="Session notes (D11): the mediator and that session's participants; reads are audited",
)
@api_requires("mediation.session.invitation", on=MEDIATION)
def session_notes(request: HttpRequest, access: p.MediationAccess, session_id: Id) -> list[dict[str, Any]]:
    actor = _actor(request)
    s = selectors.session_get(actor, access, session_id)
    return [{"id": i, "text": text} for i, text in selectors.session_notes(actor, access, s)]


@router.post(
    "/mediations/{mediation_id}/sessions/{session_id}/notes",
    response={201: dict[str, int], 422: InvalidOut},
    url_name="mediation-session-notes-create",
    summary="Add a sealed session note (the mediator)",
)
@api_requires("mediation.mediation.manage", on=MEDIATION)
def session_note_create(
    request: HttpRequest, access: p.MediationAccess, session_id: Id, payload: SessionNoteIn
) -> Status[dict[str, Any]]:
    mediation_id = access.mediation.pk
    note = services.session_note_add(
        actor=_actor(request),
        mediation_id=mediation_id,
        session_id=session_id,
        text=payload.text,
        today=_today(),
    )
    return Status(201, {"id": note.pk})


class MessageIn(Input):
    recipient_ids: list[Id]
    text: Text
    acknowledged: list[Code] = []


@router.get(
    "/mediations/{mediation_id}/messages",
    response={200: list[PartyMessageOut]},
    url_name="mediation-messages",
    summary="The mediator's messages (D11): the mediator all, a party those addressed to them; reads audited",
)
@api_requires("mediation.content.read", on=MEDIATION)
def messages(request: HttpRequest, access: p.MediationAccess) -> list[dict[str, Any]]:
    return [row.__dict__ for row in selectors.messages_for(_actor(request), access)]


@router.post(
    "/mediations/{mediation_id}/messages",
    response={201: dict[str, int], 422: InvalidOut},
    url_name="mediation-messages-create",
    summary="The mediator writes to the parties; to only some, R-083 is acknowledged first (else 409)",
)
@api_requires("mediation.mediation.manage", on=MEDIATION)
def message_create(
    request: HttpRequest, access: p.MediationAccess, payload: MessageIn
) -> Status[dict[str, Any]]:
    message = services.party_message_send(
        actor=_actor(request), mediation_id=access.mediation.pk, recipient_ids=payload.recipient_ids,
        text=payload.text, today=_today(), acknowledged=payload.acknowledged,
    )  # fmt: skip
    return Status(201, {"id": message.pk})


class OutcomeIn(Input):
    kind: Literal["BEHAVIOUR_PLAN", "ARRANGEMENT", "VSO"]
    points: list[Text]
    ends_mediation: bool = False
    ended_on: Date | None = None
    place: Name = ""
    # Exit track: the employment ends then; once signed, the termination agreement is drafted (SM-5 row 11).
    employment_ends_on: Date | None = None


@router.post(
    "/mediations/{mediation_id}/outcome",
    response={201: DocumentOut},
    url_name="mediation-outcome",
    summary="Draft the outcome agreement; the parties sign it (R-079)",
)
@api_requires("mediation.mediation.manage", on=MEDIATION)
def outcome(request: HttpRequest, access: p.MediationAccess, payload: OutcomeIn) -> Status[dict[str, Any]]:
    mediation_id = access.mediation.pk
    doc = services.outcome_draft(
        actor=_actor(request), mediation_id=mediation_id, data=services.OutcomeInput(**payload.dict()),
        today=_today(),
    )  # fmt: skip
    return Status(201, _document(doc))


@router.post(
    "/mediations/{mediation_id}/withdrawal",
    response={200: MediationOut},
    url_name="mediation-withdrawal",
    summary="A party withdraws by a signed statement (R-081); the neutral notice follows (R-080)",
)
@api_requires("mediation.party.withdraw", on=MEDIATION)
def withdrawal(request: HttpRequest, access: p.MediationAccess, payload: SignIn) -> Status[dict[str, Any]]:
    mediation_id = access.mediation.pk
    actor = _actor(request)
    services.party_withdraw(
        actor=actor, mediation_id=mediation_id, typed_name=payload.typed_name, today=_today()
    )
    return Status(200, _mediation(actor, selectors.mediation_get_for(actor, mediation_id)))


class EndIn(Input):
    typed_name: Name
    ended_on: Date | None = None  # for the end after a signed outcome


@router.post(
    "/mediations/{mediation_id}/end",
    response={200: MediationOut},
    url_name="mediation-end",
    summary="The mediator ends the mediation or confirms its end in writing with the date (R-081, R-082)",
)
@api_requires("mediation.mediation.manage", on=MEDIATION)
def end(request: HttpRequest, access: p.MediationAccess, payload: EndIn) -> Status[dict[str, Any]]:
    mediation_id = access.mediation.pk
    actor, today = _actor(request), _today()
    if access.mediation.state == "OUTCOME_SIGNED":
        services.end_confirm(
            actor=actor, mediation_id=mediation_id, ended_on=payload.ended_on or today,
            typed_name=payload.typed_name, today=today,
        )  # fmt: skip
    else:
        services.mediator_end(
            actor=actor, mediation_id=mediation_id, typed_name=payload.typed_name, today=today
        )
    return Status(200, _mediation(actor, selectors.mediation_get_for(actor, mediation_id)))


# --- Termination agreements ---------------------------------------------------------------------


class TerminationIn(Input):
    employee_id: Id
    employer_signatory_id: Id
    end_of_employment_on: Date
    checklist: list[
        Literal[
            "NAMES_ADDRESSES",
            "EMPLOYER_INITIATIVE_AND_REASON",
            "NO_URGENT_REASON",
            "MUTUAL_CONSENT",
            "END_DATE_RESPECTS_NOTICE",
            "FINAL_SETTLEMENT_DATE",
            "PLACE_AND_DATE_OF_SIGNING",
        ]
    ] = []
    mentions_dissolution_right: bool = True
    statutory_director: bool = False
    court_settlement: bool = False
    employer_reason: Text = ""
    final_settlement_on: Date | None = None
    place: Name = ""
    essentials_agreed_on: Date | None = None
    acknowledged: list[Code] = []


_TERMINATION_FIELDS = (
    "id",
    "state",
    "case_id",
    "mediation_id",
    "employee_id",
    "employer_signatory_id",
    "end_of_employment_on",
    "mentions_dissolution_right",
    "checklist",
    "concluded_on",
    "essentials_agreed_on",
    "reflection_ends_on",
    "no_reflection_rule",
    "dissolution_received_on",
)


def _termination(ta: TerminationAgreement) -> dict[str, Any]:
    doc = termination.agreement_document(ta)
    return {**{n: getattr(ta, n) for n in _TERMINATION_FIELDS}, "document": _document(doc) if doc else None}


def _termination_create(request: HttpRequest, payload: TerminationIn, **where: int) -> Status[dict[str, Any]]:
    data = payload.dict()
    acknowledged = data.pop("acknowledged")
    ta = termination.termination_create(
        actor=_actor(request), data=termination.TerminationInput(**data), today=_today(),
        acknowledged=acknowledged, **where,
    )  # fmt: skip
    return Status(201, _termination(ta))


@router.post(
    "/cases/{case_id}/termination-agreements",
    response={201: TerminationOut},
    url_name="case-termination-agreements",
    summary="Draft a termination agreement on a case: HR, LG (never the BA, R-097)",
)
@api_requires("mediation.termination.create", on=CASE)
def termination_on_case(
    request: HttpRequest, access: CaseAccess, payload: TerminationIn
) -> Status[dict[str, Any]]:
    return _termination_create(request, payload, case_id=access.case.pk)


@router.post(
    "/mediations/{mediation_id}/termination-agreements",
    response={201: TerminationOut},
    url_name="mediation-termination-agreements",
    summary="Draft a termination agreement in an exit mediation: the mediator",
)
@api_requires("mediation.termination.create", on=MEDIATION)
def termination_in_mediation(
    request: HttpRequest, access: p.MediationAccess, payload: TerminationIn
) -> Status[dict[str, Any]]:
    mediation_id = access.mediation.pk
    return _termination_create(request, payload, mediation_id=mediation_id)


@router.get(
    "/termination-agreements/{agreement_id}",
    response={200: TerminationOut},
    url_name="termination-agreement",
    summary="A termination agreement (D19): WN, HR/LG, CM, the mediator; never the BA",
)
@api_requires("mediation.termination.view", on=TERMINATION)
def termination_detail(request: HttpRequest, access: p.TerminationAccess) -> dict[str, Any]:
    return _termination(access.agreement)


@router.post(
    "/termination-agreements/{agreement_id}/signatures",
    response={200: TerminationOut},
    url_name="termination-agreement-sign",
    summary="Sign; the last signature concludes it (R-093) and starts the reflection period (R-092)",
)
@api_requires("mediation.termination.sign", on=TERMINATION)
def termination_sign(
    request: HttpRequest, access: p.TerminationAccess, payload: SignIn
) -> Status[dict[str, Any]]:
    agreement_id = access.agreement.pk
    ta = termination.termination_sign(
        actor=_actor(request), agreement_id=agreement_id, typed_name=payload.typed_name, today=_today()
    )
    return Status(200, _termination(ta))


class DissolveIn(Input):
    typed_name: Name
    sent_on: Date | None = None


@router.post(
    "/termination-agreements/{agreement_id}/dissolution",
    response={200: TerminationOut},
    url_name="termination-agreement-dissolve",
    summary="The employee dissolves it in writing within the reflection period (R-092)",
)
@api_requires("mediation.termination.dissolve", on=TERMINATION)
def termination_dissolve(
    request: HttpRequest, access: p.TerminationAccess, payload: DissolveIn
) -> Status[dict[str, Any]]:
    agreement_id = access.agreement.pk
    termination.termination_dissolve(
        actor=_actor(request), agreement_id=agreement_id, typed_name=payload.typed_name, today=_today(),
        sent_on=payload.sent_on,
    )  # fmt: skip
    return Status(200, _termination(TerminationAgreement.objects.get(pk=agreement_id)))
