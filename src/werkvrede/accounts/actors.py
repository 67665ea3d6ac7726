"""Build the Actor for a user and their active organisation (one query)."""

from __future__ import annotations

from werkvrede.accounts.models import RoleGrant, User
from werkvrede.core.actor import ANONYMOUS, Actor
from werkvrede.core.roles import Role


def actor_for(user: User | None, organisation_id: int | None) -> Actor:
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    roles: set[Role] = set()
    organisation_name = ""
    if organisation_id is not None:
        grants = RoleGrant.objects.filter(
            membership__user=user,
            membership__organisation_id=organisation_id,
            membership__is_active=True,
        ).values_list("role", "membership__organisation__name")
        for role, name in grants:
            roles.add(Role(role))
            organisation_name = name
    return Actor(
        user_id=user.pk,
        # A person without roles in the organisation acts in none: nothing of it is theirs to see.
        organisation_id=organisation_id if roles else None,
        roles=frozenset(roles),
        is_active=user.is_active,
        is_superuser=user.is_superuser,
        display_name=user.full_name or user.email,
        organisation_name=organisation_name,
    )
