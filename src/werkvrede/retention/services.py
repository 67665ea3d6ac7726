"""Writes of the retention context: legal holds on a person (R-140), atomic, authorised, audited."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from werkvrede.accounts.models import Membership
from werkvrede.audit import services as audit
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize
from werkvrede.core.refusals import MedicalTermsFound, NotPossible
from werkvrede.guideline.textscan import scan_medical_terms
from werkvrede.retention.models import PersonHold


class PersonHoldError(NotPossible):
    """A second hold while one is active, lifting none, or a hold without its reason."""


def _no_medical_terms(field: str, text: str) -> None:
    """The reason is employer-side text: no medical details (R-131), as for a case's hold."""
    terms = scan_medical_terms(text)
    if terms:
        raise MedicalTermsFound({field: terms})


@transaction.atomic
def person_hold_place(*, actor: Actor, person_id: int, category: str, reason: str) -> PersonHold:
    """Place a legal hold on a member of the actor's organisation (R-140). The audit event names the
    hold, the person and the category, never the reason (R-170)."""
    organisation_id = actor.organisation_id
    membership = Membership.objects.filter(user_id=person_id, organisation_id=organisation_id or 0).first()
    authorize(actor, "retention.person_hold.manage", membership)
    if membership is None or organisation_id is None:
        raise PersonHoldError("no such person in this organisation")
    if category not in PersonHold.Category.values:
        raise ValueError(f"unknown category {category!r}")
    reason = reason.strip()
    if not reason:
        raise PersonHoldError("a legal hold needs a reason (R-140)")
    _no_medical_terms("reason", reason)
    if PersonHold.objects.filter(
        organisation_id=organisation_id, person_id=person_id, lifted_at__isnull=True
    ).exists():
        raise PersonHoldError("this person is already under a legal hold")
    hold = PersonHold.objects.create(
        organisation_id=organisation_id,
        person_id=person_id,
        category=category,
        reason=reason,
        set_by_id=actor.uid,
    )
    audit.record_for(
        actor,
        "retention.person_hold.placed",
        hold,
        legal_basis="R-140",
        data={"hold": hold.pk, "category": category, "person": person_id},
    )
    return hold


@transaction.atomic
def person_hold_lift(*, actor: Actor, hold_id: int, lift_reason: str) -> PersonHold:
    """Lift an active hold explicitly, with a reason; the hold stays as history (R-140)."""
    hold = (
        PersonHold.objects.select_for_update(no_key=True)
        .filter(pk=hold_id, organisation_id=actor.organisation_id or 0, lifted_at__isnull=True)
        .first()
    )
    authorize(actor, "retention.person_hold.manage", hold)
    if hold is None:
        raise PersonHoldError("this hold is not active")
    lift_reason = lift_reason.strip()
    if not lift_reason:
        raise PersonHoldError("say why the legal hold is lifted")
    _no_medical_terms("lift_reason", lift_reason)
    hold.lifted_by_id = actor.uid
    hold.lifted_at = timezone.now()
    hold.lift_reason = lift_reason
    hold.save(update_fields=["lifted_by", "lifted_at", "lift_reason"])
    audit.record_for(
        actor,
        "retention.person_hold.lifted",
        hold,
        legal_basis="R-140",
        data={"hold": hold.pk, "category": hold.category, "person": hold.person_id},
    )
    return hold
