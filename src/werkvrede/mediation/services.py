"""Writes of the mediation context: keyword-only, atomic, authorised again, audited.

Every BLOCK and WARN comes from the guideline engine (`engine.py`): SM-5 transitions with their guard
rules, and the R-070…R-085 findings by code. The referrer and the case see only status (D14 "N"): the
timeline gets "referred", "started on", "ended on" — never content or reasons (R-084).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkvrede.accounts.invitations import invitation_create, normalised_email
from werkvrede.accounts.models import Invitation, Membership, RoleGrant
from werkvrede.audit import services as audit
from werkvrede.cases.models import Case, CaseParticipant, CaseParty, CaseRole
from werkvrede.cases.selectors import case_get_for
from werkvrede.cases.services import acting_role, case_move, timeline_record
from werkvrede.core.actor import Actor
from werkvrede.core.confidential import vp_route_open
from werkvrede.core.phases import MEDIATION, announce_phase_end
from werkvrede.core.policy import authorize, hidden
from werkvrede.core.refusals import Blocked, NotPossible
from werkvrede.core.roles import Role
from werkvrede.documents.exceptions import DocumentTampered
from werkvrede.documents.models import Document, DocumentKind
from werkvrede.documents.services import document_create, document_sign, latest, pending_signers
from werkvrede.guideline import Finding, Severity
from werkvrede.guideline.catalogue import describe
from werkvrede.guideline.model import Message
from werkvrede.guideline.states import SM5
from werkvrede.interventions.models import Intervention, InterventionKind
from werkvrede.interventions.services import referral_taken_up
from werkvrede.mediation import engine
from werkvrede.mediation import policies as pol
from werkvrede.mediation.facts import NOTICE_FIELDS, mediation_engine_facts, mediator_other_roles
from werkvrede.mediation.invitations import session_invitation_send
from werkvrede.mediation.models import (
    ENDABLE_STATES,
    Admission,
    AdmissionConsent,
    AdmissionKind,
    Clause,
    EndKind,
    IntakeRecord,
    Mediation,
    MediationParty,
    MediationState,
    OutcomeKind,
    PartyMessage,
    PartySide,
    Session,
    SessionNote,
    Track,
    TrackChange,
)
from werkvrede.mediation.policies import MediationAccess
from werkvrede.mediation.selectors import (
    ADMISSION_OWNER,
    OWNER,
    PARTY_INVITATION_PURPOSE,
    access_of,
    mediation_get_for,
)
from werkvrede.notifications.models import Notification
from werkvrede.notifications.services import notify
from werkvrede.vault.services import seal

__all__ = ["ADMISSION_OWNER", "OWNER"]

SUBJECT_MAX = 200


def _finding(code: str, *, nl: str, en: str) -> Finding:
    """A finding for a rule the engine cannot see from facts alone (e.g. a party not yet asked, R-070)."""
    entry = describe(code)
    return Finding(
        code=code, severity=Severity.BLOCK, message=Message(nl=nl, en=en), source=entry.source, subject=None
    )


def _save(mediation: Mediation, fields: Iterable[str]) -> None:
    mediation.updated_at = timezone.now()
    mediation.save(update_fields=[*fields, "updated_at"])


def _load(actor: Actor, mediation_id: int, action: str, today: date) -> MediationAccess:
    """The mediation, locked, with the actor's relations; 404 when invisible, 403 when not allowed."""
    access = mediation_get_for(actor, mediation_id)
    authorize(actor, action, access)
    locked = (
        Mediation.objects.select_for_update(of=("self",), no_key=True)
        .select_related("case")
        .get(pk=mediation_id)
    )
    if action == "mediation.mediation.manage" and locked.mediator_id is not None and locked.active:
        # SOD-2 holds for the whole mediation: a role in the case gained later stops the mediator too.
        _sod2(locked, locked.mediator_id, today)
    return MediationAccess(mediation=locked, relations=access.relations, party=access.party)


def _member_user_ids(organisation_id: int, user_ids: Iterable[int]) -> set[int]:
    return set(
        Membership.objects.filter(
            organisation_id=organisation_id, user_id__in=list(user_ids), is_active=True
        ).values_list("user_id", flat=True)
    )


def _is_mediator(organisation_id: int, user_id: int) -> bool:
    return RoleGrant.objects.filter(
        membership__organisation_id=organisation_id,
        membership__user_id=user_id,
        membership__is_active=True,
        role=Role.MEDIATOR,
    ).exists()


def _case_timeline(actor: Actor, mediation: Mediation, kind: str, **data: Any) -> None:
    if mediation.case is not None:
        timeline_record(actor, mediation.case, kind, "", mediation=mediation.pk, **data)


def _case_follows(actor: Actor, mediation: Mediation, event: str, today: date) -> None:
    """SM-1 rows 7 and 10-12: the case's own state follows its mediation's start and end.

    The mediation's step has passed SM-5 and its own guards already; when SM-1 has no such row in
    the case's state, or a guard of SM-1 refuses, the case stays where it is and the mediation's step
    stands: a party may always leave a mediation (R-070, docs/adr/0163-the-case-follows-its-mediation.md).
    """
    if mediation.case_id is None:
        return
    try:
        case_move(actor=actor, case_id=mediation.case_id, event=event, today=today)
    except Blocked:
        return


def _case_event_at_end(mediation: Mediation) -> str:
    """SM-1 rows 10-12: which end the case records; only the kind, nothing of the content (R-084)."""
    if mediation.state != MediationState.ENDED_WITH_AGREEMENT:
        return "mediation_ended_no_agreement"
    if mediation.track == Track.EXIT:
        return "mediation_ended_agreement_exit"
    return "mediation_ended_agreement_restoration"


# --- Referral and set-up (SM-5 rows 1 and 2) ----------------------------------------------------


@dataclass(frozen=True)
class PartyInput:
    user_id: int
    side: str  # PartySide


@dataclass(frozen=True)
class ReferralInput:
    subject: str
    parties: Sequence[PartyInput]
    mediator_id: int | None = None
    referral_id: int | None = None  # an interventions.Intervention of kind REFERRAL_MEDIATOR
    invited: Sequence[InvitedParty] = ()  # case parties without an account, invited by e-mail


@dataclass(frozen=True)
class InvitedParty:
    case_party_id: int
    email: str


def _check_parties(
    organisation_id: int, parties: Sequence[PartyInput], invited_sides: Sequence[str] = ()
) -> None:
    ids = [p.user_id for p in parties]
    if len(set(ids)) != len(ids):
        raise NotPossible(_("Iedere partij mag maar één keer meedoen."))
    if _member_user_ids(organisation_id, ids) != set(ids):
        raise NotPossible(_("Iedere partij moet een account in deze organisatie hebben."))
    sides = [p.side for p in parties] + list(invited_sides)
    if any(s not in PartySide.values for s in sides):
        raise NotPossible(_("Onbekende rol van een partij."))
    if PartySide.EMPLOYEE not in sides or len(sides) < 2:
        raise NotPossible(_("Een mediation heeft een werknemer en ten minste één andere partij."))
    # D11 fn 18 (docs/rules.md): one person represents the employer in a mediation.
    if sides.count(PartySide.EMPLOYER_REPRESENTATIVE) > 1:
        raise NotPossible(_("Er is maar één vertegenwoordiger van de werkgever per mediation."))


def _create(
    actor: Actor,
    *,
    organisation_id: int,
    case: Case | None,
    data: ReferralInput,
    referrer_role: str,
    today: date,
    invited_sides: Sequence[str] = (),
) -> Mediation:
    subject = data.subject.strip()
    if not subject:
        raise NotPossible(_("Geef het onderwerp van de mediation op."))
    if len(subject) > SUBJECT_MAX:  # refused, never cut (ADR 0126)
        raise NotPossible(_("Het onderwerp mag hoogstens %(limit)d tekens hebben.") % {"limit": SUBJECT_MAX})
    _check_parties(organisation_id, data.parties, invited_sides)
    mediation = Mediation(
        organisation_id=organisation_id,
        case=case,
        subject=subject,
        referred_by_id=actor.uid,
        referrer_role=referrer_role,
        referred_on=today,
    )
    situation = engine.situation_data(mediation, today)
    engine.check(situation, today=today, state=None, event="referral")
    mediation.save()
    for party in data.parties:
        MediationParty.objects.create(mediation=mediation, user_id=party.user_id, side=party.side)
    if data.mediator_id is not None:
        _assign(actor, mediation, data.mediator_id, today)
    audit.record_for(
        actor,
        "mediation.mediation.referred",
        mediation,
        data={"mediation": mediation.pk, "case": case.pk if case else None},
    )
    return mediation


@transaction.atomic
def mediation_refer(*, actor: Actor, case_id: int, data: ReferralInput, today: date) -> Mediation:
    """Refer a case to mediation (SM-5 row 1). Takes over a REFERRAL_MEDIATOR intervention when given."""
    access = case_get_for(actor, case_id)
    authorize(actor, "mediation.mediation.refer", access)
    case = access.case
    referral = None
    if data.referral_id is not None:
        referral = Intervention.objects.filter(
            pk=data.referral_id, case=case, kind=InterventionKind.REFERRAL_MEDIATOR
        ).first()
        if referral is None:
            raise NotPossible(_("Deze verwijzing naar een mediator hoort niet bij deze zaak."))
        if Mediation.objects.filter(referral=referral).exists():
            raise NotPossible(_("Deze verwijzing is al overgenomen door een mediation."))
    role = acting_role(actor, access)
    invited = _invited_parties(case, data)
    mediation = _create(
        actor,
        organisation_id=case.organisation_id,
        case=case,
        data=data,
        referrer_role=role,
        today=today,
        invited_sides=[side for _party, _email, side in invited],
    )
    for party, email, _side in invited:
        _invite_party(actor, mediation, party, email)
    if referral is not None:
        mediation.referral = referral
        _save(mediation, ["referral"])
        referral_taken_up(actor=actor, intervention_id=referral.pk, today=today)
    timeline_record(actor, case, "mediation.referred", role, mediation=mediation.pk)
    return mediation


def _invited_parties(case: Case, data: ReferralInput) -> list[tuple[CaseParty, str, str]]:
    """The case parties to invite, with their address and side; refuses a member's address.

    An address of an active member of this organisation is refused: choose that member instead. An
    address of anyone else (a new one, or an account elsewhere) gets the same answer, so the form
    never tells whether an address exists in another organisation (ADR 0070).
    """
    out: list[tuple[CaseParty, str, str]] = []
    seen: set[str] = set()
    for item in data.invited:
        party = CaseParty.objects.filter(pk=item.case_party_id, case=case, is_group=False).first()
        if party is None:
            raise NotPossible(_("Deze partij hoort niet bij deze zaak."))
        if party.user_id is not None:
            raise NotPossible(_("Deze partij heeft al een account: kies die persoon als partij."))
        try:
            email = normalised_email(item.email)
        except ValidationError as exc:
            raise NotPossible(_("Vul een geldig e-mailadres in.")) from exc
        if email in seen:
            raise NotPossible(_("Iedere partij mag maar één keer meedoen."))
        seen.add(email)
        if Membership.objects.filter(
            organisation_id=case.organisation_id, user__email__iexact=email, is_active=True
        ).exists():
            raise NotPossible(
                _(
                    "Dit e-mailadres hoort bij iemand die al een account in deze organisatie heeft: "
                    "kies die persoon als partij."
                )
            )
        out.append((party, email, _CASE_SIDE_TO_PARTY[party.side]))
    return out


_CASE_SIDE_TO_PARTY: dict[str, str] = {
    CaseParty.Side.EMPLOYEE: PartySide.EMPLOYEE,
    CaseParty.Side.OTHER: PartySide.OTHER,
}
_PARTY_SIDE_TO_CASE_ROLE: dict[str, str] = {
    PartySide.EMPLOYEE: CaseRole.EMPLOYEE,
    PartySide.OTHER: CaseRole.OTHER_PARTY,
}


def _invite_party(actor: Actor, mediation: Mediation, party: CaseParty, email: str) -> None:
    invitation = invitation_create(
        organisation=mediation.organisation,
        email=email,
        invited_name=party.name,
        roles=[Role.EMPLOYEE],
        invited_by_id=actor.uid,
        purpose=PARTY_INVITATION_PURPOSE,
        reference=f"{mediation.pk}:{party.pk}",
    )
    audit.record_for(
        actor,
        "mediation.party.invited",
        mediation,
        data={"mediation": mediation.pk, "case_party": party.pk, "invitation": invitation.pk},
    )


def _invitation_target(invitation: Invitation) -> tuple[Mediation, CaseParty] | None:
    if invitation.purpose != PARTY_INVITATION_PURPOSE:
        return None
    mediation_id, _sep, party_id = invitation.reference.partition(":")
    if not (mediation_id.isdigit() and party_id.isdigit()):
        return None
    mediation = Mediation.objects.filter(
        pk=int(mediation_id), organisation_id=invitation.organisation_id
    ).first()
    if mediation is None or mediation.case_id is None:
        return None
    party = CaseParty.objects.filter(pk=int(party_id), case_id=mediation.case_id).first()
    return None if party is None else (mediation, party)


@transaction.atomic
def on_party_invitation_accepted(sender: object, *, invitation: Invitation, **kwargs: Any) -> None:
    """Signal receiver: the accepted invitee becomes the case party, a case participant and a mediation
    party, as if chosen at referral. A party that already has an account is left as it is."""
    target = _invitation_target(invitation)
    if target is None:
        return
    mediation, party = target
    party = CaseParty.objects.select_for_update(no_key=True).get(pk=party.pk)
    if party.user_id is not None:
        return
    user_id = invitation.invitee_id
    party.user_id = user_id
    party.save(update_fields=["user"])
    side = _CASE_SIDE_TO_PARTY[party.side]
    CaseParticipant.objects.get_or_create(
        case_id=party.case_id, user_id=user_id, role=_PARTY_SIDE_TO_CASE_ROLE[side]
    )
    if not MediationParty.objects.filter(mediation=mediation, user_id=user_id).exists():
        MediationParty.objects.create(mediation=mediation, user_id=user_id, side=side)
    audit.record(
        "mediation.party.joined",
        organisation_id=mediation.organisation_id,
        user_id=user_id,
        object_type="mediation.mediation",
        object_id=str(mediation.pk),
        data={"mediation": mediation.pk, "case_party": party.pk, "invitation": invitation.pk},
    )


@transaction.atomic
def mediation_create_direct(*, actor: Actor, data: ReferralInput, today: date) -> Mediation:
    """A mediation without a case (e.g. a small business): the mediator or HR starts it."""
    authorize(actor, "mediation.mediation.create_direct")
    if actor.organisation_id is None:  # the rule requires it
        raise NotPossible(_("Geen organisatie."))
    if data.invited:  # only a case has parties without an account (ADR 0138)
        raise NotPossible(_("Alleen een partij van een zaak kan bij het verwijzen worden uitgenodigd."))
    mediator_id = data.mediator_id
    if mediator_id is None and Role.MEDIATOR in actor.roles:
        mediator_id = actor.uid
    role = Role.MEDIATOR if Role.MEDIATOR in actor.roles else Role.HR_ADVISER
    return _create(
        actor,
        organisation_id=actor.organisation_id,
        case=None,
        data=ReferralInput(subject=data.subject, parties=data.parties, mediator_id=mediator_id),
        referrer_role=str(role),
        today=today,
    )


@transaction.atomic
def mediation_refer_by_vp(
    *,
    actor: Actor,
    organisation_id: int,
    melder_id: int,
    other_party_id: int,
    mediator_id: int,
    subject: str,
    today: date,
) -> Mediation:
    """A vertrouwenspersoon refers the melder to a mediator, with the melder's consent (R-102, CC-6).

    The melder is the employee party, the other party is the one the melder agreed to. The VP is never
    the mediator (R-064). No case: the mediation carries only its subject, nothing of the report (D15).
    """
    authorize(actor, "mediation.mediation.refer_by_vp")
    if actor.organisation_id != organisation_id:
        raise hidden(actor, "mediation.mediation.refer_by_vp")
    if (
        mediator_id == actor.uid
        or RoleGrant.objects.filter(
            membership__organisation_id=organisation_id,
            membership__user_id=mediator_id,
            membership__is_active=True,
            role=Role.CONFIDENTIAL_ADVISER,
        ).exists()
    ):
        raise Blocked(
            (
                _finding(
                    "R-064",
                    nl="Een vertrouwenspersoon treedt nooit op als mediator: kies een andere mediator.",
                    en="A confidential adviser never acts as mediator: choose another mediator.",
                ),
            )
        )
    if other_party_id in (melder_id, mediator_id):
        raise NotPossible(_("De andere partij moet iemand anders zijn dan de melder en de mediator."))
    return _create(
        actor,
        organisation_id=organisation_id,
        case=None,
        data=ReferralInput(
            subject=subject,
            parties=[
                PartyInput(melder_id, PartySide.EMPLOYEE),
                PartyInput(other_party_id, PartySide.OTHER),
            ],
            mediator_id=mediator_id,
        ),
        referrer_role=str(Role.CONFIDENTIAL_ADVISER),
        today=today,
    )


def _sod2(mediation: Mediation, mediator_id: int, today: date) -> None:
    """SOD-2 / R-071: the mediator holds no other role in the case or the mediation (BLOCK, engine)."""
    others = mediator_other_roles(mediation, mediator_id)
    data = engine.situation_data(mediation, today, mediator_other_roles=others)
    engine.check(data, today=today, block=("R-071",))


def _assign(actor: Actor, mediation: Mediation, mediator_id: int, today: date) -> None:
    if not _is_mediator(mediation.organisation_id, mediator_id):
        raise NotPossible(_("Kies een mediator: iemand met de rol mediator in deze organisatie."))
    _sod2(mediation, mediator_id, today)
    mediation.mediator_id = mediator_id
    mediation.impartiality_declared_at = None
    _save(mediation, ["mediator", "impartiality_declared_at"])
    audit.record_for(
        actor,
        "mediation.mediator.assigned",
        mediation,
        data={"mediation": mediation.pk, "mediator": mediator_id},
    )


@transaction.atomic
def mediator_assign(*, actor: Actor, mediation_id: int, mediator_id: int, today: date) -> Mediation:
    access = _load(actor, mediation_id, "mediation.mediator.assign", today)
    mediation = access.mediation
    if mediation.state != MediationState.REFERRED:
        raise NotPossible(_("De mediator kan alleen worden gekozen voordat de intake begint."))
    _assign(actor, mediation, mediator_id, today)
    return mediation


@transaction.atomic
def impartiality_declare(*, actor: Actor, mediation_id: int, today: date) -> Mediation:
    """The mediator declares impartiality and no other role (SOD-2) before anything else."""
    access = _load(actor, mediation_id, "mediation.impartiality.declare", today)
    mediation = access.mediation
    _sod2(mediation, actor.uid, today)
    mediation.impartiality_declared_at = timezone.now()
    _save(mediation, ["impartiality_declared_at"])
    audit.record_for(actor, "mediation.impartiality.declared", mediation, data={"mediation": mediation.pk})
    return mediation


# --- Intake, voluntariness, track, pause (SM-5 rows 2 to 5, 8) -----------------------------------


@dataclass(frozen=True)
class IntakeInput:
    party_id: int
    held_on: date
    positions: str
    interests: str
    causes: str


@transaction.atomic
def intake_record(*, actor: Actor, mediation_id: int, data: IntakeInput, today: date) -> IntakeRecord:
    """One party's intake (D11, sealed): positions, interests, underlying causes. REFERRED → INTAKE."""
    access = _load(actor, mediation_id, "mediation.mediation.manage", today)
    mediation = access.mediation
    party = MediationParty.objects.filter(mediation=mediation, pk=data.party_id).first()
    if party is None:
        raise NotPossible(_("Kies een partij van deze mediation."))
    if mediation.state == MediationState.REFERRED:
        result = engine.check(
            engine.situation_data(mediation, today), today=today, state=mediation.state, event="intake_held"
        )
        mediation.state = result.target or MediationState.INTAKE
        _save(mediation, ["state"])
    elif mediation.state not in (MediationState.INTAKE, MediationState.PAUSED_VP_REFERRAL):
        raise NotPossible(_("Een intake hoort bij het begin van de mediation."))
    text = json.dumps(
        {
            "positions": data.positions.strip(),
            "interests": data.interests.strip(),
            "causes": data.causes.strip(),
        },
        ensure_ascii=False,
    )
    sealed = seal(actor=actor, organisation_id=mediation.organisation_id, compartment="D11", plaintext=text)
    record = IntakeRecord.objects.create(
        mediation=mediation, party=party, sealed=sealed, held_on=data.held_on, author_id=actor.uid
    )
    audit.record_for(
        actor, "mediation.intake.recorded", record, data={"mediation": mediation.pk, "party": party.pk}
    )
    return record


@transaction.atomic
def willingness_record(
    *, actor: Actor, mediation_id: int, willing: bool, today: date, party_id: int | None = None
) -> MediationParty:
    """R-070: a party says yes or no for themselves; the mediator may record what a party said at intake."""
    access = mediation_get_for(actor, mediation_id)
    if party_id is None:
        authorize(actor, "mediation.willingness.record", access)
        party = access.party
    else:
        authorize(actor, "mediation.mediation.manage", access)
        party = MediationParty.objects.filter(mediation=access.mediation, pk=party_id).first()
    if party is None:
        raise NotPossible(_("Kies een partij van deze mediation."))
    if not access.mediation.active:
        raise NotPossible(_("Deze mediation is afgelopen."))
    party.willing, party.willing_recorded_on = willing, today
    party.save(update_fields=["willing", "willing_recorded_on"])
    audit.record_for(
        actor,
        "mediation.willingness.recorded",
        party,
        data={"mediation": access.mediation.pk, "willing": willing},
    )
    return party


@transaction.atomic
def track_set(*, actor: Actor, mediation_id: int, track: str, today: date) -> Mediation:
    """R-078: RESTORATION or EXIT; every change is logged (internal to the mediation)."""
    access = _load(actor, mediation_id, "mediation.mediation.manage", today)
    mediation = access.mediation
    if track not in ("RESTORATION", "EXIT"):
        raise NotPossible(_("Kies herstelmediation of exitmediation."))
    if not mediation.active:
        raise NotPossible(_("Deze mediation is afgelopen."))
    if mediation.track == track:
        return mediation
    if mediation.state == MediationState.IN_SESSION:
        engine.check(
            engine.situation_data(mediation, today), today=today, state=mediation.state, event="track_change"
        )
    TrackChange.objects.create(
        mediation=mediation, from_track=mediation.track, to_track=track, changed_by_id=actor.uid
    )
    previous, mediation.track = mediation.track, track
    _save(mediation, ["track"])
    audit.record_for(
        actor,
        "mediation.track.changed",
        mediation,
        data={"mediation": mediation.pk, "track_from": previous, "track_to": track},
    )
    return mediation


@transaction.atomic
def pause_for_vp(*, actor: Actor, mediation_id: int, today: date) -> Mediation:
    """R-077 / SM-5 row 3: undesirable behaviour surfaced → pause, refer to the VP, no joint session."""
    access = _load(actor, mediation_id, "mediation.mediation.manage", today)
    mediation = access.mediation
    result = engine.check(
        engine.situation_data(mediation, today),
        today=today,
        state=mediation.state,
        event="undesirable_behaviour_surfaces",
    )
    mediation.state = result.target or MediationState.PAUSED_VP_REFERRAL
    mediation.paused_on, mediation.vp_referred = today, True
    _save(mediation, ["state", "paused_on", "vp_referred"])
    audit.record_for(
        actor, "mediation.mediation.paused_vp_referral", mediation, data={"mediation": mediation.pk}
    )
    # the party lands in the VP's inbox (no content); the mediation learns nothing back.
    for party in MediationParty.objects.filter(mediation=mediation, side=PartySide.EMPLOYEE):
        vp_route_open(
            organisation_id=mediation.organisation_id,
            melder_id=party.user_id,
            channel="MEDIATION_PAUSE",
            today=today,
        )
    return mediation


@transaction.atomic
def resume_after_vp(*, actor: Actor, mediation_id: int, today: date) -> Mediation:
    """SM-5 row 4: the melder explicitly wants to continue the mediation (recorded by the mediator)."""
    access = _load(actor, mediation_id, "mediation.mediation.manage", today)
    mediation = access.mediation
    result = engine.check(
        engine.situation_data(mediation, today), today=today, state=mediation.state, event="melder_continues"
    )
    mediation.state = result.target or MediationState.INTAKE
    mediation.paused_on, mediation.vp_referred = None, False
    _save(mediation, ["state", "paused_on", "vp_referred"])
    audit.record_for(actor, "mediation.mediation.resumed", mediation, data={"mediation": mediation.pk})
    return mediation


# --- Documents ------------------------------------------------------------------------------------


def reference(mediation: Mediation) -> str:
    return f"MED-{mediation.pk}"


def _party_content(party: MediationParty) -> dict[str, Any]:
    role = "EMPLOYER" if party.side == PartySide.EMPLOYER_REPRESENTATIVE else party.side
    return {"user_id": party.user_id, "name": party.user.full_name, "role": role}


def _parties(mediation: Mediation) -> list[MediationParty]:
    return list(MediationParty.objects.filter(mediation=mediation).select_related("user").order_by("pk"))


def _mediator_content(mediation: Mediation) -> dict[str, Any]:
    mediator = mediation.mediator
    return {"user_id": mediation.mediator_id, "name": mediator.full_name if mediator else ""}


def _with_case(mediation: Mediation, content: dict[str, Any]) -> dict[str, Any]:
    if mediation.case is not None:
        content["case_reference"] = mediation.case.reference
    return content


def _create_document(
    actor: Actor, mediation: Mediation, kind: str, title: str, content: dict[str, Any],
    signers: Sequence[int],
    *, owner_kind: str = OWNER, owner_id: int | None = None,
) -> Document:  # fmt: skip
    return document_create(
        actor=actor,
        organisation_id=mediation.organisation_id,
        owner_kind=owner_kind,
        owner_id=owner_id if owner_id is not None else mediation.pk,
        kind=kind,
        title=title,
        content=content,
        signers=signers,
    )


def _sign(actor: Actor, document: Document, typed_name: str) -> None:
    try:
        document_sign(actor=actor, document=document, typed_name=typed_name)
    except DocumentTampered as exc:
        raise NotPossible(exc.message) from exc


def _status_notify(mediation: Mediation, what: str) -> None:
    """D14 "N" to the referrer (R-084): an e-mail that only says there is something to look at."""
    notify(
        organisation_id=mediation.organisation_id,
        recipient_ids=[mediation.referred_by_id],
        kind=Notification.Kind.MEDIATION_STATUS,
        case_id=mediation.case_id,
        key=f"mediation:{mediation.pk}:{what}",
    )


# --- Mediation agreement (D12, R-072, R-073) ------------------------------------------------------


@dataclass(frozen=True)
class AgreementInput:
    voluntary: bool
    confidential: bool
    neutrality: bool
    reglement: str
    fees: str
    paid_by: str
    reporting: str
    interim_agreements: str
    place: str = ""


def _clauses(mediation: Mediation, data: AgreementInput) -> list[str]:
    present = {
        Clause.VOLUNTARINESS: data.voluntary,
        Clause.CONFIDENTIALITY: data.confidential,
        Clause.IDENTITIES: mediation.mediator_id is not None,
        Clause.SUBJECT: bool(mediation.subject.strip()),
        Clause.NEUTRALITY: data.neutrality,
        Clause.REGLEMENT: bool(data.reglement.strip()),
        Clause.FEES: bool(data.fees.strip() and data.paid_by.strip()),
        Clause.REPORTING: bool(data.reporting.strip()),
        Clause.INTERIM_AGREEMENTS: bool(data.interim_agreements.strip()),
        Clause.ADMITTED_ADVISERS: True,  # the agreement always lists who is admitted (possibly nobody)
    }
    return [str(c) for c, ok in present.items() if ok]


def _attendees(mediation: Mediation) -> list[dict[str, Any]]:
    out = []
    for admission in Admission.objects.filter(
        mediation=mediation, admitted_at__isnull=False, revoked_at__isnull=True
    ).select_related("user", "for_party__user"):
        out.append(
            {
                "user_id": admission.user_id,
                "name": admission.user.full_name,
                "kind": admission.kind,
                "for_party": admission.for_party.user.full_name,
            }
        )
    return out


@transaction.atomic
def agreement_draft(
    *, actor: Actor, mediation_id: int, data: AgreementInput, today: date, acknowledged: Iterable[str] = ()
) -> Document:
    """Draft (or redraft) the mediation agreement: INTAKE → AGREEMENT_PENDING (SM-5 row 5).

    R-070: every party must have said yes. R-073: missing voluntariness or confidentiality blocks;
    another missing clause is a WARN the mediator acknowledges. Signers: all parties and the mediator.
    """
    access = _load(actor, mediation_id, "mediation.mediation.manage", today)
    mediation = access.mediation
    parties = _parties(mediation)
    if any(p.willing is not True for p in parties):
        entry = describe("R-070")
        raise Blocked(
            (Finding("R-070", Severity.BLOCK, entry.message, entry.source, "mediation.all_parties_willing"),)
        )
    clauses = _clauses(mediation, data)
    override: dict[str, Any] = {
        "all_parties_willing": True,
        "agreement": {"signed_by_all_parties": False, "signed_by_mediator": False, "clauses": clauses},
    }
    situation = engine.situation_data(mediation, today, **override)
    if mediation.state == MediationState.INTAKE:
        result = engine.check(
            situation, today=today, state=mediation.state, event="parties_willing",
            block=("R-073", "R-070", "R-077"), acknowledge=("R-073",), acknowledged=acknowledged,
        )  # fmt: skip
        warnings = result.warnings
        mediation.state = result.target or MediationState.AGREEMENT_PENDING
    elif mediation.state == MediationState.AGREEMENT_PENDING:
        warnings = engine.check(
            situation, today=today, block=("R-073",), acknowledge=("R-073",), acknowledged=acknowledged
        ).warnings
    else:
        raise NotPossible(
            _("De mediationovereenkomst wordt opgesteld na de intake en voor de eerste sessie.")
        )
    mediation.agreement_clauses = clauses
    mediation.acknowledged = sorted({f.code for f in warnings})
    _save(mediation, ["state", "agreement_clauses", "acknowledged"])
    content = _with_case(
        mediation,
        {
            "mediation_reference": reference(mediation),
            "parties": [_party_content(p) for p in parties],
            "mediator": _mediator_content(mediation),
            "subject": mediation.subject,
            "voluntary": data.voluntary,
            "confidential": data.confidential,
            "neutrality": data.neutrality,
            "reglement": data.reglement.strip(),
            "costs": {"fees": data.fees.strip(), "paid_by": data.paid_by.strip()},
            "reporting": data.reporting.strip(),
            "interim_agreements": data.interim_agreements.strip(),
            "attendees": _attendees(mediation),
            "drafted_on": today.isoformat(),
        },
    )
    if data.place.strip():
        content["place"] = data.place.strip()
    signers = [p.user_id for p in parties] + [mediation.mediator_id or 0]
    doc = _create_document(
        actor, mediation, DocumentKind.MEDIATION_AGREEMENT, "Mediationovereenkomst", content, signers
    )
    audit.record_for(
        actor,
        "mediation.agreement.drafted",
        mediation,
        data={
            "mediation": mediation.pk,
            "version": doc.version,
            "acknowledged": ",".join(mediation.acknowledged),
        },
    )
    return doc


# --- Signing (any mediation document) -------------------------------------------------------------


def _owned_document(mediation: Mediation, document_id: int) -> Document | None:
    doc = Document.objects.filter(pk=document_id, organisation_id=mediation.organisation_id).first()
    if doc is None:
        return None
    if doc.owner_kind == OWNER and doc.owner_id == mediation.pk:
        return doc
    if (
        doc.owner_kind == ADMISSION_OWNER
        and Admission.objects.filter(pk=doc.owner_id, mediation=mediation).exists()
    ):
        return doc
    return None


@transaction.atomic
def mediation_document_sign(
    *, actor: Actor, mediation_id: int, document_id: int, typed_name: str, today: date
) -> Document:
    """Sign a mediation document by typing one's name; the last signature moves the mediation on."""
    access = _load(actor, mediation_id, "mediation.document.sign", today)
    mediation = access.mediation
    doc = _owned_document(mediation, document_id)
    # Nothing (left) to sign for this person: the same answer as a document that does not exist.
    if doc is None or actor.uid not in pending_signers(doc) or doc.superseded_by_id is not None:
        raise hidden(actor, "mediation.document.sign", mediation)
    if doc.kind == DocumentKind.MEDIATION_AGREEMENT and mediation.state != MediationState.AGREEMENT_PENDING:
        raise NotPossible(_("Deze mediationovereenkomst kan niet meer worden ondertekend."))
    if doc.kind == DocumentKind.OUTCOME_AGREEMENT and mediation.state != MediationState.OUTCOME_DRAFTED:
        raise NotPossible(_("Deze afspraken kunnen niet meer worden ondertekend."))
    _sign(actor, doc, typed_name)
    doc.refresh_from_db()
    audit.record_for(
        actor,
        "mediation.document.signed",
        mediation,
        data={
            "mediation": mediation.pk,
            "kind": doc.kind,
            "version": doc.version,
            "locked": doc.locked_at is not None,
        },
    )
    if doc.locked_at is None:
        return doc
    if doc.kind == DocumentKind.MEDIATION_AGREEMENT:
        _agreement_signed(actor, mediation, today)
    elif doc.kind == DocumentKind.OUTCOME_AGREEMENT:
        _outcome_signed(actor, mediation, doc, today)
    elif doc.kind == DocumentKind.CONFIDENTIALITY_STATEMENT:
        admission = Admission.objects.select_for_update(no_key=True).get(pk=doc.owner_id)
        _admission_settle(actor, mediation, admission, today)
    return doc


def _agreement_signed(actor: Actor, mediation: Mediation, today: date) -> None:
    """SM-5 row 6: all parties and the mediator signed (R-072, R-073, R-076) → started; D14 to referrer."""
    result = engine.check(
        engine.situation_data(mediation, today, agreement={
            "signed_by_all_parties": True, "signed_by_mediator": True, "signed_on": today.isoformat(),
            "clauses": list(mediation.agreement_clauses),
        }),
        today=today, state=mediation.state, event="all_signed",
    )  # fmt: skip
    mediation.state = result.target or MediationState.AGREEMENT_SIGNED
    mediation.agreement_signed_on = mediation.started_on = today
    _save(mediation, ["state", "agreement_signed_on", "started_on"])
    _case_timeline(actor, mediation, "mediation.started", on=today.isoformat())
    _case_follows(actor, mediation, "mediation_started", today)
    audit.record_for(
        actor,
        "mediation.mediation.started",
        mediation,
        data={"mediation": mediation.pk, "started_on": today.isoformat()},
    )
    _status_notify(mediation, "started")


# --- Admission of supporters and lawyers (R-076, CC-8) --------------------------------------------


@transaction.atomic
def admission_request(
    *, actor: Actor, mediation_id: int, user_id: int, kind: str, for_party_id: int | None, today: date
) -> Admission:
    """Ask to admit a supporter or lawyer for a party; they sign a confidentiality statement (CC-8)."""
    access = _load(actor, mediation_id, "mediation.admission.request", today)
    mediation = access.mediation
    if not mediation.active:
        raise NotPossible(_("Deze mediation is afgelopen."))
    if kind not in AdmissionKind.values:
        raise NotPossible(_("Kies ondersteuner of advocaat."))
    if for_party_id is None:
        # A party asks for their own supporter; the mediator's default is the employee.
        own = (
            access.party
            or MediationParty.objects.filter(mediation=mediation, side=PartySide.EMPLOYEE).first()
        )
        for_party_id = own.pk if own is not None else 0
    for_party = (
        MediationParty.objects.filter(mediation=mediation, pk=for_party_id).select_related("user").first()
    )
    if for_party is None:
        raise NotPossible(_("Kies de partij die deze persoon ondersteunt."))
    if pol.MEDIATOR not in access.relations and (access.party is None or access.party.pk != for_party.pk):
        raise NotPossible(_("Een partij kan alleen een eigen ondersteuner of advocaat voorstellen."))
    if not _member_user_ids(mediation.organisation_id, [user_id]):
        raise NotPossible(_("Deze persoon heeft geen account in deze organisatie."))
    if (
        user_id == mediation.mediator_id
        or MediationParty.objects.filter(mediation=mediation, user_id=user_id).exists()
    ):
        raise NotPossible(_("Een partij of de mediator kan niet ook ondersteuner zijn."))
    if Admission.objects.filter(mediation=mediation, user_id=user_id, revoked_at__isnull=True).exists():
        raise NotPossible(_("Deze persoon is al voorgesteld of toegelaten."))
    admission = Admission.objects.create(
        mediation=mediation, user_id=user_id, kind=kind, for_party=for_party, requested_by_id=actor.uid
    )
    user = admission.user
    content = {
        "mediation_reference": reference(mediation),
        "person": {"user_id": user_id, "name": user.full_name},
        "kind": kind,
        "for_party": for_party.user.full_name,
    }
    _create_document(
        actor, mediation, DocumentKind.CONFIDENTIALITY_STATEMENT, "Geheimhoudingsverklaring", content,
        [user_id],
        owner_kind=ADMISSION_OWNER, owner_id=admission.pk,
    )  # fmt: skip
    audit.record_for(
        actor, "mediation.admission.requested", admission, data={"mediation": mediation.pk, "kind": kind}
    )
    return admission


@transaction.atomic
def admission_consent(*, actor: Actor, mediation_id: int, admission_id: int, today: date) -> Admission:
    """A party consents to the admission (CC-8): every party must, each for themselves."""
    access = _load(actor, mediation_id, "mediation.admission.consent", today)
    mediation = access.mediation
    admission = (
        Admission.objects.select_for_update(no_key=True)
        .filter(pk=admission_id, mediation=mediation, revoked_at__isnull=True)
        .first()
    )
    if admission is None or access.party is None:
        raise hidden(actor, "mediation.admission.consent", mediation)
    AdmissionConsent.objects.get_or_create(admission=admission, party=access.party)
    audit.record_for(
        actor,
        "mediation.admission.consented",
        admission,
        data={"mediation": mediation.pk, "party": access.party.pk},
    )
    _admission_settle(actor, mediation, admission, today)
    return admission


def _admission_settle(actor: Actor, mediation: Mediation, admission: Admission, today: date) -> None:
    """Admitted once every party consented and the confidentiality statement is signed (R-076, engine)."""
    if admission.admitted_at is not None or admission.revoked_at is not None:
        return
    parties = MediationParty.objects.filter(mediation=mediation).count()
    consents = AdmissionConsent.objects.filter(admission=admission).count()
    nda = latest(ADMISSION_OWNER, admission.pk, DocumentKind.CONFIDENTIALITY_STATEMENT)
    attendee = {
        "role": "ADV" if admission.kind == AdmissionKind.LAWYER else "SUP",
        "all_parties_agree": consents >= parties,
        "nda_signed": nda is not None and nda.locked_at is not None,
    }
    findings = engine.findings_for(
        {"today": today.isoformat(), "mediation": facts_for_attendee(mediation, attendee)},
        today=today,
        subject="mediation.attendees",
    )
    if any(f.code == "R-076" for f in findings):
        return  # not yet: a consent or the signature is missing
    admission.admitted_at = timezone.now()
    admission.save(update_fields=["admitted_at"])
    audit.record_for(actor, "mediation.admission.admitted", admission, data={"mediation": mediation.pk})


def facts_for_attendee(mediation: Mediation, attendee: dict[str, Any]) -> dict[str, Any]:
    return mediation_engine_facts(mediation, attendees=[attendee])


@transaction.atomic
def admission_revoke(*, actor: Actor, user_id: int, mediation_id: int) -> int:
    """End a person's admission to a mediation; returns how many admissions ended.

    By the party it supports or the mediator (`mediation.admission.revoke`), or by the system when
    another context authorised its own step (the employee revoked their supporter's grant, CC-8).
    """
    mediation = Mediation.objects.select_for_update(no_key=True).filter(pk=mediation_id).first()
    if mediation is None:
        return 0
    rows = list(Admission.objects.filter(mediation=mediation, user_id=user_id, revoked_at__isnull=True))
    if not actor.is_system:
        access = access_of(actor, mediation)
        for admission in rows:
            authorize(actor, "mediation.admission.revoke", pol.AdmissionTarget(access, admission))
    now = timezone.now()
    for admission in rows:
        admission.revoked_at = now
        admission.save(update_fields=["revoked_at"])
        audit.record_for(actor, "mediation.admission.revoked", admission, data={"mediation": mediation.pk})
    return len(rows)


# --- Sessions (R-072, R-076, R-077) ---------------------------------------------------------------


@dataclass(frozen=True)
class SessionInput:
    starts_at: datetime
    duration_minutes: int
    participant_ids: Sequence[int]


def video_url(token: str) -> str:
    template: str = getattr(settings, "WERKVREDE_VIDEO_URL_TEMPLATE", "https://meet.jit.si/werkvrede-{token}")
    return template.format(token=token)


@transaction.atomic
def session_plan(*, actor: Actor, mediation_id: int, data: SessionInput, today: date) -> Session:
    """Plan a session. Refused before every party and the mediator signed the agreement (R-072)."""
    access = _load(actor, mediation_id, "mediation.mediation.manage", today)
    mediation = access.mediation
    if not mediation.active or mediation.state in (MediationState.OUTCOME_SIGNED,):
        raise NotPossible(_("In deze fase van de mediation worden geen gesprekken meer gepland."))
    if not 15 <= data.duration_minutes <= 480:
        raise NotPossible(_("Een gesprek duurt tussen 15 minuten en 8 uur."))
    # A past date is its own refusal, not R-072 (docs/rules.md): the agreement may well be signed.
    if timezone.localdate(data.starts_at) < today:
        raise NotPossible(
            _("Een gesprek kan niet in het verleden worden gepland. Kies een datum vanaf vandaag.")
        )
    parties = {p.user_id for p in _parties(mediation)}
    admissions = {
        a.user_id: a for a in Admission.objects.filter(mediation=mediation, revoked_at__isnull=True)
    }
    invited = list(dict.fromkeys(int(i) for i in data.participant_ids if int(i) != mediation.mediator_id))
    if not invited or any(i not in parties and i not in admissions for i in invited):
        raise NotPossible(
            _("Nodig partijen (en toegelaten ondersteuners of advocaten) van deze mediation uit.")
        )
    attendees = [
        {
            "role": "ADV" if admissions[i].kind == AdmissionKind.LAWYER else "SUP",
            "all_parties_agree": admissions[i].admitted_at is not None,
            "nda_signed": admissions[i].admitted_at is not None,
        }
        for i in invited
        if i in admissions
    ]
    existing = mediation_engine_facts(mediation)["sessions"]
    situation = engine.situation_data(
        mediation, today, sessions=[*existing, data.starts_at.date().isoformat()], attendees=attendees
    )
    if mediation.state == MediationState.AGREEMENT_SIGNED:
        if not mediation.track:
            raise NotPossible(_("Kies eerst het spoor van de mediation: herstel of exit (R-078)."))
        result = engine.check(
            situation,
            today=today,
            state=mediation.state,
            event="first_session",
            block=("R-072", "R-076", "R-077"),
        )
        mediation.state = result.target or MediationState.IN_SESSION
        _save(mediation, ["state"])
    else:
        # Before the agreement is signed the engine finds R-072 on the new session; while paused R-077.
        engine.check(situation, today=today, block=("R-072", "R-076", "R-077"))
        if mediation.state not in (MediationState.IN_SESSION, MediationState.OUTCOME_DRAFTED):
            raise Blocked(engine.findings_for(situation, today=today, subject="mediation.sessions") or (
                _finding("R-072", nl="Eerst moet iedereen de mediationovereenkomst tekenen.",
                         en="Everyone must sign the mediation agreement first."),
            ))  # fmt: skip
    token = secrets.token_urlsafe(24)
    session = Session.objects.create(
        mediation=mediation,
        starts_at=data.starts_at,
        duration_minutes=data.duration_minutes,
        token=token,
        video_url=video_url(token),
        participants=[mediation.mediator_id, *invited],
        planned_by_id=actor.uid,
    )
    audit.record_for(
        actor,
        "mediation.session.planned",
        session,
        data={"mediation": mediation.pk, "participants": len(session.participants)},
    )
    for user_id in session.participants:
        if user_id != actor.user_id:
            session_invitation_send(session.pk, user_id)  # through the outbox, sent after commit
    return session


def _session_for_change(actor: Actor, mediation_id: int, session_id: int, today: date) -> Session:
    access = _load(actor, mediation_id, "mediation.mediation.manage", today)
    session = (
        Session.objects.select_for_update(no_key=True)
        .filter(pk=session_id, mediation=access.mediation)
        .first()
    )
    if session is None:
        raise hidden(actor, "mediation.mediation.manage")
    if session.cancelled:
        raise NotPossible(_("Dit gesprek gaat al niet door."))
    if not access.mediation.active:
        raise NotPossible(_("Deze mediation is beëindigd; gesprekken worden niet meer gewijzigd."))
    return session


def _send_update(actor: Actor, session: Session) -> None:
    """Every participant but the one who made the change gets the updated invitation (same UID)."""
    for user_id in session.participants:
        if user_id != actor.user_id:
            session_invitation_send(session.pk, user_id)


@transaction.atomic
def session_reschedule(
    *,
    actor: Actor,
    mediation_id: int,
    session_id: int,
    starts_at: datetime,
    duration_minutes: int,
    today: date,
) -> Session:
    """Move a session: SEQUENCE goes up and the invitees get the update of the same invitation."""
    session = _session_for_change(actor, mediation_id, session_id, today)
    if not 15 <= duration_minutes <= 480:
        raise NotPossible(_("Een gesprek duurt tussen 15 minuten en 8 uur."))
    session.starts_at = starts_at
    session.duration_minutes = duration_minutes
    session.sequence += 1
    session.save(update_fields=["starts_at", "duration_minutes", "sequence"])
    audit.record_for(
        actor,
        "mediation.session.changed",
        session,
        data={"mediation": mediation_id, "sequence": session.sequence},
    )
    _send_update(actor, session)
    return session


@transaction.atomic
def session_cancel(*, actor: Actor, mediation_id: int, session_id: int, today: date) -> Session:
    """Call a session off: the invitees get METHOD:CANCEL for the same invitation."""
    session = _session_for_change(actor, mediation_id, session_id, today)
    _cancel(actor, session, reason="cancelled")
    return session


def _cancel(actor: Actor, session: Session, *, reason: str) -> None:
    session.cancelled_at = timezone.now()
    session.sequence += 1
    session.save(update_fields=["cancelled_at", "sequence"])
    audit.record_for(
        actor,
        "mediation.session.cancelled",
        session,
        data={"mediation": session.mediation_id, "sequence": session.sequence, "reason": reason},
    )
    _send_update(actor, session)


def _cancel_coming_sessions(actor: Actor, mediation: Mediation) -> None:
    """When the mediation ends, its sessions still to come are cancelled in every invitee's calendar."""
    coming = Session.objects.select_for_update(no_key=True).filter(
        mediation=mediation, cancelled_at__isnull=True, starts_at__gt=timezone.now()
    )
    for session in coming:
        _cancel(actor, session, reason="mediation_ended")


@transaction.atomic
def session_note_add(
    *, actor: Actor, mediation_id: int, session_id: int, text: str, today: date
) -> SessionNote:
    """A session note (D11), sealed; readable by the mediator and that session's participants."""
    access = _load(actor, mediation_id, "mediation.mediation.manage", today)
    mediation = access.mediation
    session = Session.objects.filter(pk=session_id, mediation=mediation).first()
    if session is None:
        raise hidden(actor, "mediation.mediation.manage", mediation)
    if not text.strip():
        raise NotPossible(_("Schrijf de aantekening."))
    sealed = seal(
        actor=actor, organisation_id=mediation.organisation_id, compartment="D11", plaintext=text.strip()
    )
    note = SessionNote.objects.create(session=session, sealed=sealed, author_id=actor.uid)
    audit.record_for(
        actor, "mediation.session_note.added", note, data={"mediation": mediation.pk, "session": session.pk}
    )
    return note


# --- Messages of the mediator to the parties (R-083, ADR 0117) -----------------------------------


@transaction.atomic
def party_message_send(
    *, actor: Actor, mediation_id: int, recipient_ids: Sequence[int], text: str, today: date,
    acknowledged: Iterable[str] = (),
) -> PartyMessage:  # fmt: skip
    """The mediator writes to the parties (D11, sealed). To only some of them: the R-083 guidance first."""
    access = _load(actor, mediation_id, "mediation.mediation.manage", today)
    mediation = access.mediation
    if not mediation.active:
        raise NotPossible(_("Deze mediation is beëindigd; er kunnen geen berichten meer worden verstuurd."))
    parties = {p.user_id for p in _parties(mediation)}
    recipients = list(dict.fromkeys(int(i) for i in recipient_ids))
    if not recipients or any(i not in parties for i in recipients):
        raise NotPossible(_("Kies een of meer partijen van deze mediation."))
    if not text.strip():
        raise NotPossible(_("Schrijf het bericht."))
    one_sided = set(recipients) != parties
    if one_sided:
        # R-083 (WARN): shown before sending; the mediator may send once it is acknowledged.
        count = mediation_engine_facts(mediation)["one_sided_messages"] + 1
        engine.check(
            engine.situation_data(mediation, today, one_sided_messages=count),
            today=today, subject="mediation.one_sided_messages",
            acknowledge=("R-083",), acknowledged=acknowledged,
        )  # fmt: skip
    sealed = seal(
        actor=actor, organisation_id=mediation.organisation_id, compartment="D11", plaintext=text.strip()
    )
    message = PartyMessage.objects.create(
        mediation=mediation, sealed=sealed, recipients=recipients, one_sided=one_sided, author_id=actor.uid
    )
    audit.record_for(
        actor,
        "mediation.message.sent",
        message,
        data={
            "mediation": mediation.pk,
            "recipients": len(recipients),
            "one_sided": one_sided,
            "acknowledged": "R-083" if one_sided else "",
        },
    )
    return message


# --- Outcome and endings (R-079 to) --------------------------------------------------


@dataclass(frozen=True)
class OutcomeInput:
    kind: str  # OutcomeKind
    points: Sequence[str]
    ends_mediation: bool = False
    ended_on: date | None = None
    place: str = ""
    # Exit track: the employment ends on this date (SM-5 row 11: signed, it drafts the termination agreement).
    employment_ends_on: date | None = None


_OUTCOME_TYPE = {
    OutcomeKind.BEHAVIOUR_PLAN: "BEHAVIOUR_PLAN",
    OutcomeKind.ARRANGEMENT: "ARRANGEMENT",
    OutcomeKind.VSO: "SETTLEMENT",
}


@transaction.atomic
def outcome_draft(*, actor: Actor, mediation_id: int, data: OutcomeInput, today: date) -> Document:
    """The mediator writes what was agreed (SM-5 row 9); parties sign (R-079), the mediator not (R-071)."""
    access = _load(actor, mediation_id, "mediation.mediation.manage", today)
    mediation = access.mediation
    if data.kind not in OutcomeKind.values:
        raise NotPossible(_("Kies gedragsplan, afsprakenregeling of vaststellingsovereenkomst."))
    points = [p.strip() for p in data.points if p.strip()]
    if not points:
        raise NotPossible(_("Schrijf ten minste één afspraak op."))
    if data.ends_mediation and data.ended_on is None:
        raise NotPossible(_("Geef de datum waarop de mediation eindigt (R-082)."))
    if data.employment_ends_on is not None:
        _check_exit_outcome(mediation)
    if mediation.state == MediationState.IN_SESSION:
        result = engine.check(
            engine.situation_data(mediation, today),
            today=today,
            state=mediation.state,
            event="consensus_reached",
        )
        mediation.state = result.target or MediationState.OUTCOME_DRAFTED
    elif mediation.state != MediationState.OUTCOME_DRAFTED:
        raise NotPossible(_("Afspraken worden vastgelegd nadat de gesprekken zijn begonnen."))
    mediation.outcome_kind = data.kind
    mediation.outcome_ends_mediation = data.ends_mediation
    _save(mediation, ["state", "outcome_kind", "outcome_ends_mediation"])
    parties = _parties(mediation)
    content = _with_case(
        mediation,
        {
            "mediation_reference": reference(mediation),
            "agreement_type": _OUTCOME_TYPE[OutcomeKind(data.kind)],
            "parties": [_party_content(p) for p in parties],
            "mediator": _mediator_content(mediation),
            "points": [{"text": text} for text in points],
            "ends_mediation": data.ends_mediation,
        },
    )
    if data.ends_mediation and data.ended_on is not None:
        content["ended_on"] = data.ended_on.isoformat()
    if data.place.strip():
        content["place"] = data.place.strip()
    if data.employment_ends_on is not None:
        content["employment_ends_on"] = data.employment_ends_on.isoformat()
    doc = _create_document(
        actor, mediation, DocumentKind.OUTCOME_AGREEMENT, str(OutcomeKind(data.kind).label), content,
        [p.user_id for p in parties],
    )  # fmt: skip
    audit.record_for(
        actor,
        "mediation.outcome.drafted",
        mediation,
        data={"mediation": mediation.pk, "kind": data.kind, "version": doc.version},
    )
    return doc


def _check_exit_outcome(mediation: Mediation) -> None:
    """An outcome that ends the employment belongs to exit mediation, employee and employer (R-078)."""
    if mediation.track != "EXIT":
        raise NotPossible(_("Alleen een exitmediation kan afspreken dat het dienstverband eindigt (R-078)."))
    sides = set(MediationParty.objects.filter(mediation=mediation).values_list("side", flat=True))
    if not {PartySide.EMPLOYEE, PartySide.EMPLOYER_REPRESENTATIVE} <= sides:
        raise NotPossible(
            _(
                "Een einde van het dienstverband vraagt de werknemer en de vertegenwoordiger van de "
                "werkgever als partij."
            )
        )


def _outcome_signed(actor: Actor, mediation: Mediation, doc: Document, today: date) -> None:
    result = engine.check(
        engine.situation_data(mediation, today, outcome={
            "kind": mediation.outcome_kind, "signed_by_all_parties": True, "written": True,
            "ends_mediation_explicitly": mediation.outcome_ends_mediation,
            "dated": mediation.outcome_ends_mediation,
        }),
        today=today, state=mediation.state, event="all_parties_sign",
    )  # fmt: skip
    mediation.state = result.target or MediationState.OUTCOME_SIGNED
    mediation.outcome_signed_on = today
    _save(mediation, ["state", "outcome_signed_on"])
    audit.record_for(
        actor,
        "mediation.outcome.signed",
        mediation,
        data={"mediation": mediation.pk, "kind": mediation.outcome_kind},
    )
    if mediation.track == "EXIT" and doc.content.get("employment_ends_on"):
        # SM-5 row 11: the outcome ends the employment, so the mediator's draft termination agreement
        # follows from it, before the mediation may end (row 12).
        from werkvrede.mediation.termination import termination_from_outcome

        termination_from_outcome(actor=actor, mediation=mediation, outcome=doc, today=today)
    ended_on = doc.content.get("ended_on")
    if mediation.outcome_ends_mediation and ended_on:
        # the outcome agreement itself says it ends the mediation and states the date.
        _end_with_agreement(actor, mediation, date.fromisoformat(ended_on), today)


def _end_with_agreement(actor: Actor, mediation: Mediation, ended_on: date, today: date) -> None:
    engine.check(
        engine.situation_data(
            mediation,
            today,
            end={"kind": "AGREEMENT", "written_statement": True, "end_on": ended_on.isoformat()},
        ),
        today=today, state=mediation.state, event="end_confirmed",
    )  # fmt: skip
    mediation.state = MediationState.ENDED_WITH_AGREEMENT
    mediation.end_kind, mediation.ended_on = EndKind.AGREEMENT, ended_on
    _save(mediation, ["state", "end_kind", "ended_on"])
    _after_end(actor, mediation, today)


@transaction.atomic
def end_confirm(*, actor: Actor, mediation_id: int, ended_on: date, typed_name: str, today: date) -> Document:
    """R-082 / SM-5 row 12: the mediator confirms the end in writing with its date (END_STATEMENT)."""
    access = _load(actor, mediation_id, "mediation.mediation.manage", today)
    mediation = access.mediation
    if mediation.state != MediationState.OUTCOME_SIGNED:
        raise NotPossible(_("Het einde wordt bevestigd nadat de afspraken door alle partijen zijn getekend."))
    doc = _statement(actor, mediation, ended_on, "AGREEMENT", typed_name)
    _end_with_agreement(actor, mediation, ended_on, today)
    return doc


def _statement(
    actor: Actor, mediation: Mediation, ended_on: date, ended_by: str, typed_name: str
) -> Document:
    content = {
        "mediation_reference": reference(mediation),
        "ended_on": ended_on.isoformat(),
        "ended_by": ended_by,
        "by_whom": actor.display_name,
    }
    doc = _create_document(
        actor, mediation, DocumentKind.END_STATEMENT, "Einde van de mediation", content, [actor.uid]
    )
    _sign(actor, doc, typed_name)
    return doc


@transaction.atomic
def party_withdraw(*, actor: Actor, mediation_id: int, typed_name: str, today: date) -> Document:
    """R-081 / SM-5 row 15: a party withdraws by a signed written statement, without reasons (R-070).

    The mediation then always closes with the neutral notice (R-080, row 17).
    """
    access = _load(actor, mediation_id, "mediation.party.withdraw", today)
    mediation, party = access.mediation, access.party
    # SM-5 row 15 says in which states a party may leave (R-070, ADR 0115), not a list kept here.
    if party is None or "party_withdraws" not in SM5.allowed_events(mediation.state):
        raise NotPossible(_("Deze mediation kan nu niet meer worden beëindigd."))
    end = {"kind": "WITHDRAWN_BY_PARTY", "written_statement": True, "end_on": today.isoformat()}
    result = engine.check(
        engine.situation_data(mediation, today, end=end),
        today=today,
        state=mediation.state,
        event="party_withdraws",
    )
    party.user = party.user  # loaded for the statement's name
    content = {
        "mediation_reference": reference(mediation),
        "party": _party_content(party),
        "on": today.isoformat(),
    }
    doc = _create_document(
        actor,
        mediation,
        DocumentKind.WITHDRAWAL_STATEMENT,
        "Verklaring van beëindiging",
        content,
        [actor.uid],
    )
    _sign(actor, doc, typed_name)
    mediation.state = result.target or MediationState.WITHDRAWN_BY_PARTY
    mediation.end_kind, mediation.ended_on = EndKind.WITHDRAWN_BY_PARTY, today
    _save(mediation, ["state", "end_kind", "ended_on"])
    audit.record_for(
        actor, "mediation.party.withdrew", mediation, data={"mediation": mediation.pk, "party": party.pk}
    )
    _neutral_notice(actor, mediation, today)
    return doc


@transaction.atomic
def mediator_end(*, actor: Actor, mediation_id: int, typed_name: str, today: date) -> Document:
    """R-081 / SM-5 row 16: the mediator ends it by a written statement; then the neutral notice."""
    access = _load(actor, mediation_id, "mediation.mediation.manage", today)
    mediation = access.mediation
    if mediation.state not in ENDABLE_STATES:
        raise NotPossible(_("Deze mediation kan nu niet meer worden beëindigd."))
    end = {"kind": "ENDED_BY_MEDIATOR", "written_statement": True, "end_on": today.isoformat()}
    result = engine.check(
        engine.situation_data(mediation, today, end=end),
        today=today,
        state=mediation.state,
        event="mediator_ends",
    )
    doc = _statement(actor, mediation, today, "MEDIATOR", typed_name)
    mediation.state = result.target or MediationState.ENDED_BY_MEDIATOR
    mediation.end_kind, mediation.ended_on = EndKind.ENDED_BY_MEDIATOR, today
    _save(mediation, ["state", "end_kind", "ended_on"])
    audit.record_for(
        actor, "mediation.mediation.ended_by_mediator", mediation, data={"mediation": mediation.pk}
    )
    _neutral_notice(actor, mediation, today)
    return doc


def neutral_notice_content(mediation: Mediation, today: date) -> dict[str, Any]:
    """R-080: only the fixed fields — reference, parties, start and end date, the confidentiality reminder."""
    content: dict[str, Any] = {
        "mediation_reference": reference(mediation),
        "ended_on": (mediation.ended_on or today).isoformat(),
        "parties": [p.user.full_name for p in _parties(mediation)],
        "confidentiality_reminder": True,
    }
    if mediation.started_on is not None:
        content["started_on"] = mediation.started_on.isoformat()
    return _with_case(mediation, content)


def _neutral_notice(actor: Actor, mediation: Mediation, today: date) -> Document:
    """SM-5 row 17: the neutral notice, from fixed fields only (no input at all), is final at once."""
    situation = engine.situation_data(mediation, today, neutral_notice_fields=list(NOTICE_FIELDS))
    result = engine.check(
        situation, today=today, state=mediation.state, event="neutral_notice_sent", block=("R-080",)
    )
    doc = _create_document(
        actor,
        mediation,
        DocumentKind.NEUTRAL_NOTICE,
        "Neutraal beëindigingsbericht",
        neutral_notice_content(mediation, today),
        [],
    )
    mediation.state = result.target or MediationState.NEUTRAL_NOTICE_SENT
    mediation.notice_sent_on = today
    closed = engine.check(
        engine.situation_data(mediation, today), today=today, state=mediation.state, event="close"
    )
    mediation.state = closed.target or MediationState.ENDED_NO_AGREEMENT
    _save(mediation, ["state", "notice_sent_on"])
    audit.record_for(
        actor,
        "mediation.neutral_notice.sent",
        mediation,
        data={"mediation": mediation.pk, "version": doc.version},
    )
    _after_end(actor, mediation, today)
    return doc


def _after_end(actor: Actor, mediation: Mediation, today: date) -> None:
    """D14 "ended on" to the case and the referrer; R-085: a task for the BA and CM in a sick-report case."""
    _cancel_coming_sessions(actor, mediation)
    _case_timeline(actor, mediation, "mediation.ended", on=(mediation.ended_on or today).isoformat())
    _case_follows(actor, mediation, _case_event_at_end(mediation), today)
    _status_notify(mediation, "ended")
    announce_phase_end(
        phase=MEDIATION,
        organisation_id=mediation.organisation_id,
        subject=f"mediation:{mediation.pk}",
        case_id=mediation.case_id,
        party_user_ids=[p.user_id for p in _parties(mediation)],
        mediator_id=mediation.mediator_id,
    )
    if mediation.case is None:
        return
    findings = engine.findings_for(
        engine.situation_data(mediation, today), today=today, subject="mediation.status"
    )
    if not any(f.code == "R-085" for f in findings):
        return
    mediation.followup_due_on = today
    _save(mediation, ["followup_due_on"])
    owners = CaseParticipant.objects.filter(
        case_id=mediation.case.pk, role__in=[CaseRole.OCCUPATIONAL_PHYSICIAN, CaseRole.CASEMANAGER]
    ).values_list("user_id", flat=True)
    notify(
        organisation_id=mediation.organisation_id,
        recipient_ids=list(owners),
        kind=Notification.Kind.MEDIATION_FOLLOWUP,
        case_id=mediation.case_id,
        key=f"mediation:{mediation.pk}:r085",
    )
    audit.record_for(
        actor, "mediation.followup.created", mediation, data={"mediation": mediation.pk, "rule": "R-085"}
    )
