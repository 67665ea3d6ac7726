"""Reads of the accounts context. Protected objects only through `*_for(actor, …)`."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from werkvrede.accounts.models import Invitation, Membership, Organisation, RoleGrant, User
from werkvrede.core.access import object_from
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, hidden, record_denial


def membership_list_for(actor: Actor) -> QuerySet[Membership]:
    """The memberships of the actor's organisation, or none when the actor may not see people."""
    organisation_id = actor.organisation_id
    if organisation_id is None or not allowed(actor, "accounts.people.view"):
        record_denial(actor, "accounts.people.view")
        return Membership.objects.none()
    return (
        Membership.objects.filter(organisation_id=organisation_id)
        .select_related("user")
        .prefetch_related(Prefetch("grants", queryset=RoleGrant.objects.order_by("role")))
        .order_by("user__full_name", "pk")
    )


def people_search_for(actor: Actor, query: str = "", *, active: bool | None = None) -> QuerySet[Membership]:
    """The organisation's memberships whose name or e-mail address contains `query` (paged by the caller)."""
    memberships = membership_list_for(actor)
    query = query.strip()
    if query:
        memberships = memberships.filter(
            Q(user__full_name__icontains=query) | Q(user__email__icontains=query)
        )
    if active is not None:
        memberships = memberships.filter(is_active=active)
    return memberships


def open_invitations_for(actor: Actor) -> QuerySet[Invitation]:
    """Open invitations to join the actor's organisation made on the people page (newest first)."""
    if actor.organisation_id is None or not allowed(actor, "accounts.people.view"):
        return Invitation.objects.none()
    return (
        Invitation.objects.filter(
            organisation_id=actor.organisation_id,
            purpose=PEOPLE_PURPOSE,
            accepted_at__isnull=True,
            declined_at__isnull=True,
            withdrawn_at__isnull=True,
        )
        .select_related("invitee")
        .order_by("-created_at", "-pk")
    )


def invitation_get_for(actor: Actor, invitation_id: int) -> Invitation:
    """An invitation of the people page in the actor's organisation; missing and hidden are both 404."""
    if actor.organisation_id is None or not allowed(actor, "accounts.people.view"):
        raise hidden(actor, "accounts.people.view")
    invitation = (
        Invitation.objects.filter(
            pk=invitation_id, organisation_id=actor.organisation_id, purpose=PEOPLE_PURPOSE
        )
        .select_related("invitee", "organisation")
        .first()
    )
    if invitation is None:
        raise hidden(actor, "accounts.people.view")
    return invitation


def _load_membership(actor: Actor, membership_id: int) -> Membership:
    return membership_get_for(actor, membership_id)


def membership_get_for(actor: Actor, membership_id: int) -> Membership:
    """Return the membership if the actor may see it; a missing and a forbidden one both raise Http404."""
    if actor.organisation_id is None:
        raise hidden(actor, "accounts.people.view")
    membership = (
        Membership.objects.filter(pk=membership_id, organisation_id=actor.organisation_id)
        .select_related("user", "organisation")
        .prefetch_related("grants")
        .first()
    )
    if membership is None:
        raise hidden(actor, "accounts.people.view")
    if not allowed(actor, "accounts.people.view", membership):
        raise hidden(actor, "accounts.people.view", membership)
    return membership


def organisations_of_user(user: User) -> QuerySet[Organisation]:
    """Organisations the user may switch to (an active membership with at least one role)."""
    return (
        Organisation.objects.filter(
            memberships__user=user, memberships__is_active=True, memberships__grants__isnull=False
        )
        .distinct()
        .order_by("name")
    )


PEOPLE_PURPOSE = "accounts.people"  # invitations made on the people page (accounts.people.PURPOSE)

# The door of the pages on one person of the organisation (core.access).
MEMBERSHIP = object_from("person", "membership_id", "membership", _load_membership)
# The door of the pages and operations on one invitation of the people page.
INVITATION = object_from("invitation", "invitation_id", "invitation", invitation_get_for)
