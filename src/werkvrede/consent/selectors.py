"""Reads of consent records. Every read starts from the actor."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from werkvrede.accounts.models import Membership
from werkvrede.consent.models import Consent
from werkvrede.core.access import object_from
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, authorize, hidden


def own_consents(actor: Actor) -> QuerySet[Consent]:
    if actor.organisation_id is None or actor.user_id is None:
        return Consent.objects.none()
    return Consent.objects.filter(organisation_id=actor.organisation_id, data_subject_id=actor.user_id)


# The parties of a case (CaseRole WN and WP): a consent is about one's own data in one's own case.
_PARTY_ROLES = ("WN", "WP")


def recipient_choices(actor: Actor) -> QuerySet[Membership]:
    """The people a consent may name: those with a role in a case the actor is a party to (CC-10).

    Never the whole organisation: the list would show who else has a case role.
    """
    if actor.organisation_id is None or actor.user_id is None:
        return Membership.objects.none()
    own_cases = Membership.objects.filter(
        organisation_id=actor.organisation_id,
        user_id=actor.user_id,
        user__case_roles__role__in=_PARTY_ROLES,
        user__case_roles__case__organisation_id=actor.organisation_id,
    ).values("user__case_roles__case_id")
    return (
        Membership.objects.filter(
            organisation_id=actor.organisation_id,
            is_active=True,
            user__case_roles__case_id__in=own_cases,
        )
        .exclude(user_id=actor.user_id)
        .select_related("user")
        .distinct()
        .order_by("user__full_name")
    )


def addressed_consents(actor: Actor) -> QuerySet[Consent]:
    """Others' consents addressed to the actor by name or to one of their roles (D20 fn 30, docs/rules.md)."""
    if actor.organisation_id is None or actor.user_id is None:
        return Consent.objects.none()
    roles = [str(r) for r in actor.roles]
    addressed = Q(recipient_id=actor.user_id) | Q(recipient__isnull=True, recipient_role__in=roles)
    return (
        Consent.objects.filter(organisation_id=actor.organisation_id)
        .filter(addressed)
        .exclude(data_subject_id=actor.user_id)
        .select_related("data_subject")
    )


def consent_get_for(actor: Actor, consent_id: int, *, require: str | None = None) -> Consent:
    """The consent if the actor may read it; missing and forbidden both 404 (`require`: 403)."""
    organisation_id = actor.organisation_id
    consent = (
        Consent.objects.filter(pk=consent_id, organisation_id=organisation_id).first()
        if organisation_id is not None
        else None
    )
    if consent is None or not allowed(actor, "consent.consent.view", consent):
        raise hidden(actor, "consent.consent.view", consent)
    if require is not None:
        authorize(actor, require, consent)
    return consent


def _load_consent(actor: Actor, consent_id: int) -> Consent:
    return consent_get_for(actor, consent_id)


# The door of the pages and operations on one consent (core.access).
CONSENT = object_from("consent", "consent_id", "consent", _load_consent)


def valid_consent(
    *, organisation_id: int, data_subject_id: int, recipient_roles: frozenset[str], category: str, on: date
) -> Consent | None:
    """A consent of the data subject, valid on `on`, covering `category` for one of `recipient_roles`.

    Used before a disclosure (R-171); a withdrawn or expired consent never counts (R-172).
    """
    candidates = Consent.objects.filter(
        organisation_id=organisation_id,
        data_subject_id=data_subject_id,
        recipient_role__in=sorted(recipient_roles),
        withdrawn_at__isnull=True,
    ).order_by("-given_on", "-pk")
    for consent in candidates:
        if category in consent.categories and consent.is_valid_on(on):
            return consent
    return None
