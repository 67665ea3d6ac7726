"""Writes of consent records: keyword-only, atomic, authorised again, audited (codes and ids only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkvrede.accounts.models import Membership
from werkvrede.audit import services as audit
from werkvrede.consent.models import Category, Consent
from werkvrede.consent.selectors import consent_get_for, recipient_choices
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize, hidden
from werkvrede.core.refusals import Invalid
from werkvrede.core.roles import Role


@dataclass(frozen=True)
class ConsentInput:
    recipient_role: str
    recipient_membership_id: int | None
    categories: tuple[str, ...]
    purpose: str
    given_on: date
    expires_on: date | None = None
    requested_by_membership_id: int | None = None


def _member_user_id(organisation_id: int, membership_id: int | None) -> int | None:
    if membership_id is None:
        return None
    membership = Membership.objects.filter(pk=membership_id, organisation_id=organisation_id).first()
    return membership.user_id if membership else None


@transaction.atomic
def consent_give(*, actor: Actor, data: ConsentInput) -> Consent:
    """The employee consents to a disclosure of their own data (CC-10)."""
    authorize(actor, "consent.consent.give")
    if actor.organisation_id is None:  # the rule already refuses this
        raise hidden(actor, "consent.consent.give")
    if data.recipient_role not in Role.values:
        raise Invalid.of("recipient_role", _("Kies aan wie je toestemming geeft."))
    categories = sorted(set(data.categories))
    if not categories or not set(categories) <= set(Category.values):
        raise Invalid.of("categories", _("Kies ten minste één soort gegevens."))
    if not data.purpose.strip():
        raise Invalid.of("purpose", _("Vul het doel in."))
    if data.expires_on is not None and data.expires_on < data.given_on:
        raise Invalid.of("expires_on", _("De toestemming kan niet vervallen voordat zij is gegeven."))
    recipient = _member_user_id(actor.organisation_id, data.recipient_membership_id)
    if data.recipient_membership_id is not None and recipient is None:
        raise hidden(actor, "consent.consent.give")
    chosen = data.recipient_membership_id
    if chosen is not None and not recipient_choices(actor).filter(pk=chosen).exists():
        raise Invalid.of("recipient", _("Kies iemand met een rol in jouw zaak."))
    requester = _member_user_id(actor.organisation_id, data.requested_by_membership_id) or actor.uid
    consent = Consent.objects.create(
        organisation_id=actor.organisation_id,
        data_subject_id=actor.uid,
        requested_by_id=requester,
        recipient_role=data.recipient_role,
        recipient_id=recipient,
        categories=categories,
        purpose=data.purpose.strip(),
        given_on=data.given_on,
        expires_on=data.expires_on,
    )
    audit.record_for(
        actor,
        "consent.consent.given",
        consent,
        data={"recipient_role": data.recipient_role, "categories": ",".join(categories)},
    )
    return consent


@transaction.atomic
def consent_withdraw(*, actor: Actor, consent_id: int) -> Consent:
    """Withdraw: future disclosures stop at once (R-172); past ones are not undone."""
    consent = consent_get_for(actor, consent_id, require="consent.consent.withdraw")
    consent = Consent.objects.select_for_update(no_key=True).get(pk=consent.pk)
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        audit.record_for(actor, "consent.consent.withdrawn", consent)
    return consent
