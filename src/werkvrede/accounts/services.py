"""Writes of the accounts context: atomic and audited."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from werkvrede.accounts.models import RESERVED_SLUGS, Membership, Organisation, RoleGrant, User
from werkvrede.accounts.selectors import organisations_of_user
from werkvrede.audit import services as audit
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize, hidden
from werkvrede.core.roles import Role
from werkvrede.core.versioning import bump_version


@transaction.atomic
def organisation_create(*, name: str, slug: str) -> Organisation:
    if slug in RESERVED_SLUGS:
        raise ValueError(f"the slug {slug!r} is a fixed part of a public address")
    organisation = Organisation.objects.create(name=name, slug=slug)
    audit.record(
        "accounts.organisation.created",
        organisation_id=organisation.pk,
        object_type="accounts.organisation",
        object_id=str(organisation.pk),
    )
    return organisation


@transaction.atomic
def user_create(*, email: str, full_name: str, password: str | None) -> User:
    return User.objects.create_user(email=email, full_name=full_name, password=password)


@transaction.atomic
def membership_grant(*, user: User, organisation: Organisation, roles: Iterable[Role]) -> Membership:
    """Give `user` the `roles` in `organisation` (adding to roles they already have)."""
    membership, _ = Membership.objects.get_or_create(user=user, organisation=organisation)
    existing = set(membership.grants.values_list("role", flat=True))
    for role in sorted(set(roles) - existing):
        RoleGrant.objects.create(membership=membership, role=role)
        bump_version(membership)
        audit.record(
            "accounts.role.granted",
            organisation_id=organisation.pk,
            object_type="accounts.membership",
            object_id=str(membership.pk),
            data={"role": str(role)},
        )
    return membership


def default_organisation_id(user: User) -> int | None:
    """The organisation a person starts in after log-in: their first by name."""
    first = organisations_of_user(user).values_list("pk", flat=True).first()
    return first


@transaction.atomic
def organisation_switch(*, actor: Actor, user: User, organisation_id: int) -> Organisation:
    """Check that `user` may act in `organisation_id` and audit the switch; the caller stores it.

    A person who is not a member gets "not found": they do not learn that the organisation exists.
    """
    authorize(actor, "accounts.organisation.switch")
    organisation = organisations_of_user(user).filter(pk=organisation_id).first()
    if organisation is None:
        raise hidden(actor, "accounts.organisation.switch")
    audit.record(
        "accounts.organisation.switched",
        organisation_id=organisation.pk,
        user_id=user.pk,
        object_type="accounts.organisation",
        object_id=str(organisation.pk),
        data={"from": actor.organisation_id},
    )
    return organisation


@transaction.atomic
def person_reactivate(*, actor: Actor, membership: Membership) -> User:
    """The Beheerder reactivates the account of a member: the only way back for a deactivated person.

    Inviting never reactivates an account (docs/adr/0070-invitations-accepted-by-the-invitee.md).
    """
    authorize(actor, "accounts.person.reactivate", membership)
    user = User.objects.select_for_update(no_key=True).get(pk=membership.user_id)
    # A deactivated leaver comes back here as a member without roles; the Beheerder gives them again.
    locked = Membership.objects.select_for_update(no_key=True).get(pk=membership.pk)
    if not locked.is_active:
        locked.is_active = True
        locked.save(update_fields=["is_active"])
        membership.is_active = True
        audit.record(
            "accounts.membership.reactivated",
            organisation_id=membership.organisation_id,
            user_id=actor.user_id,
            roles=actor.role_codes,
            object_type="accounts.membership",
            object_id=str(membership.pk),
        )
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        audit.record(
            "accounts.person.reactivated",
            organisation_id=membership.organisation_id,
            user_id=actor.user_id,
            roles=actor.role_codes,
            object_type="accounts.user",
            object_id=str(user.pk),
        )
    return user
