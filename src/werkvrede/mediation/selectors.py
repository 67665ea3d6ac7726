"""Reads of the mediation context. Every read starts from an actor; missing and forbidden look alike (404)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Q

from werkvrede.accounts.models import Invitation, User
from werkvrede.audit.reads import role_basis
from werkvrede.cases.models import Case, CaseParticipant, CaseParty, CaseRole
from werkvrede.core.access import object_from
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, authorize, hidden
from werkvrede.core.roles import Role
from werkvrede.documents.models import Document
from werkvrede.guideline.states import SM5
from werkvrede.mediation import policies as p
from werkvrede.mediation.models import (
    Admission,
    AdmissionKind,
    IntakeRecord,
    Mediation,
    MediationParty,
    MediationState,
    Session,
    TerminationAgreement,
)
from werkvrede.vault.services import unseal

_CASE_VIEWERS = frozenset({Role.HR_ADVISER, Role.CASEMANAGER})


def relations_of(actor: Actor, mediation: Mediation) -> tuple[frozenset[str], MediationParty | None]:
    """How the actor relates to the mediation (see policies: MED, PARTY, ADMITTED, REFERRER, CASE …)."""
    uid = actor.user_id
    if uid is None or mediation.organisation_id != actor.organisation_id:
        return frozenset(), None
    out: set[str] = set()
    if mediation.mediator_id == uid and Role.MEDIATOR in actor.roles:
        out.add(p.MEDIATOR)
    party = MediationParty.objects.filter(mediation=mediation, user_id=uid).first()
    if party is not None:
        out.add(p.PARTY)
    for admission in Admission.objects.filter(mediation=mediation, user_id=uid, revoked_at__isnull=True):
        if admission.admitted_at is not None:
            out.add(p.ADMITTED)
            if admission.kind == AdmissionKind.LAWYER:
                out.add(p.ADMITTED_LAWYER)
        else:
            out.add(p.CANDIDATE)
    if mediation.referred_by_id == uid:
        out.add(p.REFERRER)
    if mediation.case_id is not None and (
        actor.roles & _CASE_VIEWERS
        or CaseParticipant.objects.filter(case_id=mediation.case_id, user_id=uid).exists()
    ):
        out.add(p.CASE)
    return frozenset(out), party


def access_of(actor: Actor, mediation: Mediation) -> p.MediationAccess:
    relations, party = relations_of(actor, mediation)
    return p.MediationAccess(mediation=mediation, relations=relations, party=party)


def mediation_get_for(actor: Actor, mediation_id: int, *, require: str | None = None) -> p.MediationAccess:
    """The mediation with the actor's relations to it; missing and forbidden both raise NotVisible (404).

    With `require`, the actor must also be allowed that action on it (refused: AccessDenied, 403).
    """
    action = "mediation.mediation.view"
    if actor.organisation_id is None or actor.user_id is None:
        raise hidden(actor, action)
    mediation = (
        Mediation.objects.select_related("case", "mediator", "referred_by")
        .filter(pk=mediation_id, organisation_id=actor.organisation_id)
        .first()
    )
    if mediation is None:
        raise hidden(actor, action)
    access = access_of(actor, mediation)
    if not allowed(actor, "mediation.mediation.view", access):
        raise hidden(actor, "mediation.mediation.view", mediation)
    if require is not None:
        authorize(actor, require, access)
    return access


def _load_mediation(actor: Actor, mediation_id: int) -> p.MediationAccess:
    return mediation_get_for(actor, mediation_id)


# The door of every page and API operation on one mediation (core.access).
MEDIATION = object_from("mediation", "mediation_id", "access", _load_mediation)


def mediations_for(actor: Actor) -> list[Mediation]:
    """The mediations the actor has a direct relation to (mediator, party, admitted, referrer)."""
    if actor.organisation_id is None or actor.user_id is None:
        return []
    uid = actor.user_id
    q = (
        Q(referred_by_id=uid)
        | Q(parties__user_id=uid)
        | Q(admissions__user_id=uid, admissions__revoked_at__isnull=True)
    )
    if Role.MEDIATOR in actor.roles:
        q |= Q(mediator_id=uid)
    return list(
        Mediation.objects.filter(q, organisation_id=actor.organisation_id)
        .distinct()
        .order_by("-created_at", "pk")
    )


def mediations_for_admitted(actor: Actor) -> list[Mediation]:
    """The mediations the actor is admitted to as a supporter or lawyer (consented and NDA signed)."""
    if actor.organisation_id is None or actor.user_id is None:
        return []
    return list(
        Mediation.objects.filter(
            organisation_id=actor.organisation_id,
            admissions__user_id=actor.user_id,
            admissions__admitted_at__isnull=False,
            admissions__revoked_at__isnull=True,
        )
        .distinct()
        .order_by("-created_at", "pk")
    )


def open_referrals(case: Case) -> list[Any]:
    """The case's referrals to a mediator (interventions) that no mediation has taken over yet."""
    from werkvrede.interventions.models import Intervention, InterventionKind

    taken = Mediation.objects.filter(case=case, referral__isnull=False).values_list("referral_id", flat=True)
    return list(
        Intervention.objects.filter(case=case, kind=InterventionKind.REFERRAL_MEDIATOR)
        .exclude(pk__in=list(taken))
        .order_by("created_at", "pk")
    )


def mediations_of_case(case: Case) -> list[Mediation]:
    return list(Mediation.objects.filter(case=case).order_by("created_at", "pk"))


@dataclass(frozen=True)
class StatusNotice:
    """D14 "N" (R-084, D14 fn 20 in docs/rules.md): that a mediation started and ended, with dates."""

    mediation_id: int
    started_on: date | None
    ended_on: date | None

    @property
    def running(self) -> bool:
        return self.started_on is not None and self.ended_on is None


def status_notice(mediation: Mediation) -> StatusNotice:
    return StatusNotice(mediation.pk, mediation.started_on, mediation.ended_on)


def status_notices_of_case(case: Case) -> list[StatusNotice]:
    return [status_notice(m) for m in mediations_of_case(case)]


def parties_of(mediation: Mediation) -> list[MediationParty]:
    return list(MediationParty.objects.filter(mediation=mediation).select_related("user").order_by("pk"))


@dataclass(frozen=True)
class OpenedIntake:
    record: IntakeRecord
    positions: str
    interests: str
    causes: str


def intakes_for(actor: Actor, access: p.MediationAccess) -> list[OpenedIntake]:
    """Intake records the actor may open: all for the mediator, their own for a party (audited reads)."""
    rows = IntakeRecord.objects.filter(mediation=access.mediation).select_related("sealed", "party__user")
    if p.MEDIATOR not in access.relations:
        if access.party is None:
            return []
        rows = rows.filter(party=access.party)
    out = []
    basis = content_basis(access)
    for record in rows.order_by("held_on", "pk"):
        data = json.loads(
            unseal(
                actor=actor,
                sealed=record.sealed,
                action="mediation.intake.read",
                subjects=[record.party.user_id],
                case_id=access.mediation.case_id,
                basis=basis,
            )
        )
        out.append(
            OpenedIntake(record, data.get("positions", ""), data.get("interests", ""), data.get("causes", ""))
        )
    return out


def sessions_for(actor: Actor, access: p.MediationAccess) -> list[Session]:
    """Sessions the actor takes part in (the mediator sees all of them)."""
    rows = list(Session.objects.filter(mediation=access.mediation).order_by("starts_at", "pk"))
    if p.MEDIATOR in access.relations:
        return rows
    return [s for s in rows if actor.user_id in s.participants]


def sessions_of_person(actor: Actor, *, since: datetime) -> list[Session]:
    """The sessions from `since` on that the person is invited to, in mediations they may still see
    the invitation of (the calendar feed, docs/adr/0118-the-calendar-feed.md); cancelled ones too."""
    if actor.organisation_id is None or actor.user_id is None:
        return []
    out: list[Session] = []
    for mediation in {m.pk: m for m in [*mediations_for(actor), *mediations_for_admitted(actor)]}.values():
        if not allowed(actor, "mediation.session.invitation", access_of(actor, mediation)):
            continue
        rows = Session.objects.filter(mediation=mediation, starts_at__gte=since).select_related("mediation")
        out += [s for s in rows if actor.user_id in s.participants]
    return sorted(out, key=lambda s: (s.starts_at, s.pk))


def session_get(actor: Actor, access: p.MediationAccess, session_id: int) -> Session:
    for session in sessions_for(actor, access):
        if session.pk == session_id:
            return session
    raise hidden(actor, "mediation.session.invitation")


def content_basis(access: p.MediationAccess) -> str:
    """The basis on which one reads mediation content (D11): mediator, party, or admitted (CC-8)."""
    return role_basis(*sorted(access.relations & p.CONTENT))


def session_notes(actor: Actor, access: p.MediationAccess, session: Session) -> list[tuple[int, str]]:
    """The session's notes (D11), each opened for this reader; a read about every party of the mediation."""
    notes = list(session.notes.select_related("sealed").order_by("created_at", "pk"))
    if not notes:
        return []
    subjects = list(
        MediationParty.objects.filter(mediation=access.mediation).values_list("user_id", flat=True)
    )
    return [
        (
            note.pk,
            unseal(
                actor=actor,
                sealed=note.sealed,
                action="mediation.session_note.read",
                subjects=subjects,
                case_id=access.mediation.case_id,
                basis=content_basis(access),
            ),
        )
        for note in notes
    ]


@dataclass(frozen=True)
class MessageRow:
    id: int
    created_at: Any
    recipients: list[str]
    one_sided: bool
    text: str


def messages_for(actor: Actor, access: p.MediationAccess) -> list[MessageRow]:
    """The mediator's messages (D11) this reader may open: the mediator all, a party those sent to them."""
    mediation = access.mediation
    rows = list(mediation.messages.select_related("sealed").order_by("created_at", "pk"))
    if p.MEDIATOR not in access.relations:
        rows = [m for m in rows if actor.user_id in m.recipients]
    if not rows:
        return []
    parties = {party.user_id: party.user.full_name for party in parties_of(mediation)}
    return [
        MessageRow(
            id=m.pk,
            created_at=m.created_at,
            recipients=[parties.get(uid, "") for uid in m.recipients],
            one_sided=m.one_sided,
            text=unseal(
                actor=actor,
                sealed=m.sealed,
                action="mediation.message.read",
                subjects=list(m.recipients),
                case_id=mediation.case_id,
                basis=content_basis(access),
            ),
        )
        for m in rows
    ]


def admissions_of(mediation: Mediation) -> list[Admission]:
    return list(
        Admission.objects.filter(mediation=mediation)
        .select_related("user", "for_party__user")
        .prefetch_related("consents")
        .order_by("requested_at", "pk")
    )


def is_ended_without_agreement(mediation: Mediation) -> bool:
    return mediation.state in (
        MediationState.WITHDRAWN_BY_PARTY,
        MediationState.ENDED_BY_MEDIATOR,
        MediationState.NEUTRAL_NOTICE_SENT,
        MediationState.ENDED_NO_AGREEMENT,
    )


# --- Termination agreements ----------------------------------------------------------------------


def termination_relations(actor: Actor, ta: TerminationAgreement) -> frozenset[str]:
    uid = actor.user_id
    if uid is None or ta.organisation_id != actor.organisation_id:
        return frozenset()
    out: set[str] = set()
    if ta.employee_id == uid:
        out.add(p.EMPLOYEE)
    if ta.employer_signatory_id == uid:
        out.add(p.EMPLOYER)
    if ta.mediation_id is not None and ta.mediation is not None:
        if ta.mediation.mediator_id == uid and Role.MEDIATOR in actor.roles:
            out.add(p.READER)
        if Admission.objects.filter(
            mediation_id=ta.mediation_id, user_id=uid, kind=AdmissionKind.LAWYER,
            admitted_at__isnull=False, revoked_at__isnull=True,
        ).exists():  # fmt: skip
            out.add(p.READER)  # D19 ADV: RW for their own client
    if ta.case_id is not None:
        # D19: LG/HR RW, CM R; the BA nothing (R-097, D19 fn 27 in docs/rules.md) even as organisation
        # HR? no: by role.
        case_roles = set(
            CaseParticipant.objects.filter(case_id=ta.case_id, user_id=uid).values_list("role", flat=True)
        )
        if Role.HR_ADVISER in actor.roles or case_roles & {CaseRole.HR_ADVISER, CaseRole.LINE_MANAGER}:
            out.add(p.EMPLOYER)
        elif Role.CASEMANAGER in actor.roles or CaseRole.CASEMANAGER in case_roles:
            out.add(p.READER)
    return frozenset(out)


def termination_get_for(actor: Actor, agreement_id: int) -> p.TerminationAccess:
    action = "mediation.termination.view"
    if actor.organisation_id is None or actor.user_id is None:
        raise hidden(actor, action)
    ta = (
        TerminationAgreement.objects.select_related("mediation", "case")
        .filter(pk=agreement_id, organisation_id=actor.organisation_id)
        .first()
    )
    if ta is None:
        raise hidden(actor, action)
    access = p.TerminationAccess(agreement=ta, relations=termination_relations(actor, ta))
    if not allowed(actor, action, access):
        raise hidden(actor, action, ta)
    return access


def _load_termination(actor: Actor, agreement_id: int) -> p.TerminationAccess:
    return termination_get_for(actor, agreement_id)


# The door of the pages and operations on one termination agreement (D19, SM-5T).
TERMINATION = object_from("termination agreement", "agreement_id", "access", _load_termination)


def terminations_of_case(actor: Actor, case: Case) -> list[p.TerminationAccess]:
    out = []
    for ta in (
        TerminationAgreement.objects.filter(case=case)
        .select_related("mediation")
        .order_by("created_at", "pk")
    ):
        access = p.TerminationAccess(agreement=ta, relations=termination_relations(actor, ta))
        if allowed(actor, "mediation.termination.view", access):
            out.append(access)
    return out


# --- Documents of a mediation ---------------------------------------------------------------------

OWNER = "mediation.mediation"
ADMISSION_OWNER = "mediation.admission"

# The policy action that reads each kind (docs/rules.md: D12, D13, D14; a withdrawal's content is D11).
READ_ACTION = {
    "MEDIATION_AGREEMENT": "mediation.agreement.read",
    "CONFIDENTIALITY_STATEMENT": "mediation.agreement.read",
    "OUTCOME_AGREEMENT": "mediation.outcome.read",
    "NEUTRAL_NOTICE": "mediation.notice.read",
    "END_STATEMENT": "mediation.notice.read",
    "WITHDRAWAL_STATEMENT": "mediation.withdrawal.read",
}


def _may_read(actor: Actor, access: p.MediationAccess, doc: Document) -> bool:
    # A signer may always read what they are asked to sign (e.g. a candidate's confidentiality statement).
    if actor.user_id in doc.signers:
        return True
    action = READ_ACTION.get(doc.kind)
    return action is not None and allowed(actor, action, access)


def documents_for(
    actor: Actor, access: p.MediationAccess, *, admissions: list[Admission] | None = None
) -> list[Document]:
    """The current (not superseded) documents of the mediation the actor may read. `admissions`: all of
    the mediation's admissions when the caller has read them already (the mediation page)."""
    mediation = access.mediation
    if admissions is not None:
        admission_ids = [a.pk for a in admissions]
    else:
        admission_ids = list(Admission.objects.filter(mediation=mediation).values_list("pk", flat=True))
    rows = Document.objects.filter(
        Q(owner_kind=OWNER, owner_id=mediation.pk)
        | Q(owner_kind=ADMISSION_OWNER, owner_id__in=admission_ids),
        organisation_id=mediation.organisation_id,
        superseded_by__isnull=True,
    ).order_by("created_at", "pk")
    return [doc for doc in rows if _may_read(actor, access, doc)]


def document_get(actor: Actor, access: p.MediationAccess, document_id: int) -> Document:
    """One document of the mediation the actor may read (older versions too); 404 otherwise."""
    mediation = access.mediation
    doc = Document.objects.filter(pk=document_id, organisation_id=mediation.organisation_id).first()
    owned = doc is not None and (
        (doc.owner_kind == OWNER and doc.owner_id == mediation.pk)
        or (
            doc.owner_kind == ADMISSION_OWNER
            and Admission.objects.filter(pk=doc.owner_id, mediation=mediation).exists()
        )
    )
    if doc is None or not owned or not _may_read(actor, access, doc):
        raise hidden(actor, READ_ACTION.get(doc.kind if doc else "", "mediation.agreement.read"), mediation)
    return doc


def awaiting_signature(actor: Actor, documents: list[Document]) -> list[Document]:
    """Documents the actor still has to sign."""
    out = []
    for doc in documents:
        if (
            doc.locked_at is None
            and actor.user_id is not None
            and actor.user_id in doc.signers
            and not doc.signatures.filter(user_id=actor.user_id).exists()
        ):
            out.append(doc)
    return out


# What each step on the mediation page moves in SM-5 (docs/rules.md): a step is open when the machine
# allows one of its events from the current state, and the policy allows the actor its action.
_MANAGE = "mediation.mediation.manage"
# Before the outcome is signed, the events of a mediation still under way (SM-5 rows 2 to 10).
_UNDER_WAY = frozenset(
    {"intake_held", "parties_willing", "melder_continues", "all_signed", "first_session", "track_change"}
    | {"consensus_reached", "all_parties_sign", "party_withdraws"}
)
STEP_EVENTS: dict[str, tuple[str, frozenset[str]]] = {
    # Intakes are held from the referral until the parties say they are willing, and again after a pause.
    "intake": (_MANAGE, frozenset({"intake_held", "parties_willing", "melder_continues"})),
    "agreement": (_MANAGE, frozenset({"parties_willing", "all_signed"})),
    "session": (
        _MANAGE,
        frozenset({"all_signed", "first_session", "track_change", "consensus_reached", "all_parties_sign"}),
    ),
    "outcome": (_MANAGE, frozenset({"consensus_reached", "all_parties_sign"})),
    "end": (_MANAGE, frozenset({"mediator_ends", "end_confirmed"})),
    "pause": (_MANAGE, frozenset({"undesirable_behaviour_surfaces"})),
    "resume": (_MANAGE, frozenset({"melder_continues"})),
    # the track is chosen before the first session and may change during the sessions.
    "track": (_MANAGE, frozenset({"parties_willing", "all_signed", "first_session", "track_change"})),
    "withdraw": ("mediation.party.withdraw", frozenset({"party_withdraws"})),
    "willingness": ("mediation.willingness.record", _UNDER_WAY),
}


def open_events_of(mediation: Mediation) -> frozenset[str]:
    """The SM-5 events the mediation's state allows (docs/rules.md)."""
    return frozenset(SM5.allowed_events(mediation.state))


def steps_for(actor: Actor, access: p.MediationAccess) -> frozenset[str]:
    """The steps the actor can take on the mediation now (the page shows exactly these)."""
    open_events = open_events_of(access.mediation)
    steps = {
        step
        for step, (action, events) in STEP_EVENTS.items()
        if events & open_events and allowed(actor, action, access)
    }
    # An exit mediation may lead to a termination agreement (SM-5T), drafted by the mediator.
    if (
        access.mediation.track == "EXIT"
        and access.mediation.active
        and allowed(actor, "mediation.mediation.manage", access)
    ):
        steps.add("termination")
    # the mediator writes to the parties while the mediation runs (ADR 0117).
    if access.mediation.active and allowed(actor, "mediation.mediation.manage", access):
        steps.add("message")
    return frozenset(steps)


# --- The people a referral from a case offers (the case's parties and roles, not the staff list) ---


def case_people(case: Case) -> list[User]:
    """The people with an account in the case: its parties and the participants (in name order)."""
    ids = set(CaseParticipant.objects.filter(case=case).values_list("user_id", flat=True))
    ids |= set(CaseParty.objects.filter(case=case, user__isnull=False).values_list("user_id", flat=True))
    return list(
        User.objects.filter(
            pk__in=ids,
            is_active=True,
            memberships__organisation_id=case.organisation_id,
            memberships__is_active=True,
        )
        .distinct()
        .order_by("full_name")
    )


def case_party_initial(case: Case) -> dict[str, int]:
    """The referral form filled in from the case: the employee party and the other party."""
    initial: dict[str, int] = {}
    for party in CaseParty.objects.filter(case=case, is_group=False, user__isnull=False).order_by("pk"):
        key = "employee" if party.side == CaseParty.Side.EMPLOYEE else "other"
        initial.setdefault(key, party.user_id)  # type: ignore[arg-type]
    return initial


def case_parties_without_account(case: Case) -> list[str]:
    """Names of the case's parties who have no account yet: they must be invited before a referral."""
    return list(CaseParty.objects.filter(case=case, user__isnull=True).values_list("name", flat=True))


def case_parties_to_invite(case: Case) -> list[CaseParty]:
    """The case's persons without an account: the referral can invite them by e-mail (ADR 0138)."""
    return list(CaseParty.objects.filter(case=case, user__isnull=True, is_group=False).order_by("pk"))


# The invitation of a case party without an account, made at referral (ADR 0138).
PARTY_INVITATION_PURPOSE = "mediation.party"


def invited_parties(mediation: Mediation) -> list[str]:
    """Names of the parties invited at referral who have not accepted yet (shown as "uitgenodigd")."""
    if mediation.case_id is None:
        return []
    prefix = f"{mediation.pk}:"
    return [
        i.invited_name
        for i in Invitation.objects.filter(
            purpose=PARTY_INVITATION_PURPOSE,
            reference__startswith=prefix,
            accepted_at__isnull=True,
            withdrawn_at__isnull=True,
            declined_at__isnull=True,
        ).order_by("pk")
    ]
