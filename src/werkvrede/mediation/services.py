"""Writes of the mediation context: keyword-only, atomic, authorised again, audited.

Every BLOCK and WARN comes from the guideline engine (`engine.py`): SM-5 transitions with their guard
rules, and the §5-G findings by code. The referrer and the case see only status (D14 "N"): the
timeline gets "referred", "started on", "ended on" — never content or reasons (R-084).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from werkvrede.accounts.models import Membership, RoleGrant
from werkvrede.audit import services as audit
from werkvrede.cases.models import Case
from werkvrede.cases.selectors import case_get_for
from werkvrede.cases.services import Blocked, acting_role, timeline_record
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize
from werkvrede.core.roles import Role
from werkvrede.guideline import Finding, Severity
from werkvrede.guideline.catalogue import describe
from werkvrede.interventions.models import Intervention, InterventionKind, InterventionStatus
from werkvrede.mediation import engine
from werkvrede.mediation.engine import NeedsAcknowledgement
from werkvrede.mediation.models import (
    IntakeRecord,
    Mediation,
    MediationParty,
    MediationState,
    PartySide,
    TrackChange,
)
from werkvrede.mediation.policies import MediationAccess
from werkvrede.mediation.selectors import mediation_get_for
from werkvrede.vault.services import seal

__all__ = ["Blocked", "NeedsAcknowledgement", "NotPossible"]

OWNER = "mediation.mediation"


class NotPossible(Exception):  # noqa: N818 - a user-facing refusal
    """The step does not fit the mediation (wrong state, unknown person); the message says what to fix."""


def _finding(code: str, *, nl: str, en: str) -> Finding:
    """A finding for a rule the engine cannot see from facts alone (e.g. a party not yet asked, R-070)."""
    from werkvrede.guideline.model import Message

    entry = describe(code)
    return Finding(
        code=code, severity=Severity.BLOCK, message=Message(nl=nl, en=en), source=entry.source, subject=None
    )


def _audit(actor: Actor, action: str, mediation: Mediation, obj: Any = None, **data: Any) -> None:
    target = obj if obj is not None else mediation
    audit.record(
        action,
        organisation_id=mediation.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type=target._meta.label_lower,
        object_id=str(target.pk),
        data={"mediation": mediation.pk, **data},
    )


def _save(mediation: Mediation, fields: Iterable[str]) -> None:
    mediation.updated_at = timezone.now()
    mediation.save(update_fields=[*fields, "updated_at"])


def _load(actor: Actor, mediation_id: int, action: str) -> MediationAccess:
    """The mediation, locked, with the actor's relations; 404 when invisible, 403 when not allowed."""
    access = mediation_get_for(actor, mediation_id)
    authorize(actor, action, access)
    locked = Mediation.objects.select_for_update(of=("self",)).select_related("case").get(pk=mediation_id)
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


def _check_parties(organisation_id: int, parties: Sequence[PartyInput]) -> None:
    ids = [p.user_id for p in parties]
    if len(set(ids)) != len(ids):
        raise NotPossible("Iedere partij mag maar één keer meedoen.")
    if _member_user_ids(organisation_id, ids) != set(ids):
        raise NotPossible("Iedere partij moet een account in deze organisatie hebben.")
    sides = [p.side for p in parties]
    if any(s not in PartySide.values for s in sides):
        raise NotPossible("Onbekende rol van een partij.")
    if PartySide.EMPLOYEE not in sides or len(parties) < 2:
        raise NotPossible("Een mediation heeft een werknemer en ten minste één andere partij.")
    # Footnote 18: one person represents the employer in a mediation.
    if sides.count(PartySide.EMPLOYER_REPRESENTATIVE) > 1:
        raise NotPossible("Er is maar één vertegenwoordiger van de werkgever per mediation.")


def _create(
    actor: Actor,
    *,
    organisation_id: int,
    case: Case | None,
    data: ReferralInput,
    referrer_role: str,
    today: date,
) -> Mediation:
    subject = data.subject.strip()
    if not subject:
        raise NotPossible("Geef het onderwerp van de mediation op.")
    _check_parties(organisation_id, data.parties)
    mediation = Mediation(
        organisation_id=organisation_id,
        case=case,
        subject=subject[:200],
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
    _audit(actor, "mediation.mediation.referred", mediation, case=case.pk if case else None)
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
            raise NotPossible("Deze verwijzing naar een mediator hoort niet bij deze zaak.")
        if Mediation.objects.filter(referral=referral).exists():
            raise NotPossible("Deze verwijzing is al overgenomen door een mediation.")
    role = acting_role(actor, access)
    mediation = _create(
        actor, organisation_id=case.organisation_id, case=case, data=data, referrer_role=role, today=today
    )
    if referral is not None:
        mediation.referral = referral
        _save(mediation, ["referral"])
        if referral.status == InterventionStatus.PROPOSED:
            referral.status, referral.started_on = InterventionStatus.RUNNING, today
            referral.save(update_fields=["status", "started_on"])
    timeline_record(actor, case, "mediation.referred", role, mediation=mediation.pk)
    return mediation


@transaction.atomic
def mediation_create_direct(*, actor: Actor, data: ReferralInput, today: date) -> Mediation:
    """A mediation without a case (e.g. a small business): the mediator or HR starts it."""
    authorize(actor, "mediation.mediation.create_direct")
    if actor.organisation_id is None:  # the rule requires it
        raise NotPossible("Geen organisatie.")
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


def _sod2(mediation: Mediation, mediator_id: int, today: date) -> None:
    """SOD-2 / R-071: the mediator holds no other role in the case or the mediation (BLOCK, engine)."""
    from werkvrede.mediation.facts import mediator_other_roles

    others = mediator_other_roles(mediation, mediator_id)
    data = engine.situation_data(mediation, today, mediator_other_roles=others)
    engine.check(data, today=today, block=("R-071",))


def _assign(actor: Actor, mediation: Mediation, mediator_id: int, today: date) -> None:
    if not _is_mediator(mediation.organisation_id, mediator_id):
        raise NotPossible("Kies een mediator: iemand met de rol mediator in deze organisatie.")
    _sod2(mediation, mediator_id, today)
    mediation.mediator_id = mediator_id
    mediation.impartiality_declared_at = None
    _save(mediation, ["mediator", "impartiality_declared_at"])
    _audit(actor, "mediation.mediator.assigned", mediation, mediator=mediator_id)


@transaction.atomic
def mediator_assign(*, actor: Actor, mediation_id: int, mediator_id: int, today: date) -> Mediation:
    access = _load(actor, mediation_id, "mediation.mediator.assign")
    mediation = access.mediation
    if mediation.state != MediationState.REFERRED:
        raise NotPossible("De mediator kan alleen worden gekozen voordat de intake begint.")
    _assign(actor, mediation, mediator_id, today)
    return mediation


@transaction.atomic
def impartiality_declare(*, actor: Actor, mediation_id: int, today: date) -> Mediation:
    """The mediator declares impartiality and no other role (SOD-2) before anything else."""
    access = _load(actor, mediation_id, "mediation.impartiality.declare")
    mediation = access.mediation
    _sod2(mediation, actor.uid, today)
    mediation.impartiality_declared_at = timezone.now()
    _save(mediation, ["impartiality_declared_at"])
    _audit(actor, "mediation.impartiality.declared", mediation)
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
    access = _load(actor, mediation_id, "mediation.mediation.manage")
    mediation = access.mediation
    party = MediationParty.objects.filter(mediation=mediation, pk=data.party_id).first()
    if party is None:
        raise NotPossible("Kies een partij van deze mediation.")
    if mediation.state == MediationState.REFERRED:
        result = engine.check(
            engine.situation_data(mediation, today), today=today, state=mediation.state, event="intake_held"
        )
        mediation.state = result.target or MediationState.INTAKE
        _save(mediation, ["state"])
    elif mediation.state not in (MediationState.INTAKE, MediationState.PAUSED_VP_REFERRAL):
        raise NotPossible("Een intake hoort bij het begin van de mediation.")
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
    _audit(actor, "mediation.intake.recorded", mediation, record, party=party.pk)
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
        raise NotPossible("Kies een partij van deze mediation.")
    if not access.mediation.active:
        raise NotPossible("Deze mediation is afgelopen.")
    party.willing, party.willing_recorded_on = willing, today
    party.save(update_fields=["willing", "willing_recorded_on"])
    _audit(actor, "mediation.willingness.recorded", access.mediation, party, willing=willing)
    return party


@transaction.atomic
def track_set(*, actor: Actor, mediation_id: int, track: str, today: date) -> Mediation:
    """R-078: RESTORATION or EXIT; every change is logged (internal to the mediation)."""
    access = _load(actor, mediation_id, "mediation.mediation.manage")
    mediation = access.mediation
    if track not in ("RESTORATION", "EXIT"):
        raise NotPossible("Kies herstelmediation of exitmediation.")
    if not mediation.active:
        raise NotPossible("Deze mediation is afgelopen.")
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
    _audit(actor, "mediation.track.changed", mediation, track_from=previous, track_to=track)
    return mediation


@transaction.atomic
def pause_for_vp(*, actor: Actor, mediation_id: int, today: date) -> Mediation:
    """R-077 / SM-5 row 3: undesirable behaviour surfaced → pause, refer to the VP, no joint session."""
    access = _load(actor, mediation_id, "mediation.mediation.manage")
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
    _audit(actor, "mediation.mediation.paused_vp_referral", mediation)
    return mediation


@transaction.atomic
def resume_after_vp(*, actor: Actor, mediation_id: int, today: date) -> Mediation:
    """SM-5 row 4: the melder explicitly wants to continue the mediation (recorded by the mediator)."""
    access = _load(actor, mediation_id, "mediation.mediation.manage")
    mediation = access.mediation
    result = engine.check(
        engine.situation_data(mediation, today), today=today, state=mediation.state, event="melder_continues"
    )
    mediation.state = result.target or MediationState.INTAKE
    mediation.paused_on, mediation.vp_referred = None, False
    _save(mediation, ["state", "paused_on", "vp_referred"])
    _audit(actor, "mediation.mediation.resumed", mediation)
    return mediation
