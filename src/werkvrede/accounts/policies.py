"""Access rules of the accounts context."""

from __future__ import annotations

from typing import Any

from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role

PEOPLE_VIEWERS = (Role.ADMIN, Role.HR_ADVISER, Role.CASEMANAGER)


@rule("accounts.organisation.switch", "Switch to another organisation the person is a member of.")
def can_switch_organisation(actor: Actor, obj: Any) -> bool:
    # Membership of the target organisation is checked by the service itself.
    return actor.is_authenticated


@rule("accounts.people.view", "See the people and roles of one's own organisation (ADM, HR, CM).")
def can_view_people(actor: Actor, obj: Any) -> bool:
    if actor.organisation_id is None:
        return False
    if not actor.has_any(*PEOPLE_VIEWERS):
        return False
    return obj is None or getattr(obj, "organisation_id", None) == actor.organisation_id


def _is_admin_here(actor: Actor, obj: Any) -> bool:
    if actor.organisation_id is None or Role.ADMIN not in actor.roles:
        return False
    return obj is None or getattr(obj, "organisation_id", None) == actor.organisation_id


@rule(
    "accounts.person.reactivate",
    "Reactivate a deactivated account: the Beheerder (ADM) of an organisation the person belongs to.",
)
def can_reactivate(actor: Actor, membership: Any) -> bool:
    return _is_admin_here(actor, membership)


@rule(
    "accounts.people.invite",
    "Invite people to one's own organisation with roles (not SUP), import them from a CSV file, resend "
    "or withdraw an invitation: the Beheerder (ADM) of that organisation.",
)
def can_invite_people(actor: Actor, obj: Any) -> bool:
    return _is_admin_here(actor, obj)


@rule(
    "accounts.person.roles",
    "Add or remove a member's roles (not SUP; SOD-1 and SOD-2 at organisation level, ADR 0071; the last "
    "active Beheerder keeps ADM): the Beheerder (ADM) of the member's organisation.",
)
def can_change_roles(actor: Actor, membership: Any) -> bool:
    return _is_admin_here(actor, membership)


@rule(
    "accounts.person.deactivate",
    "Deactivate a leaver (membership, roles, open invitations and sessions end; records stay; never the "
    "last active Beheerder): the Beheerder (ADM) of the member's organisation.",
)
def can_deactivate(actor: Actor, membership: Any) -> bool:
    return _is_admin_here(actor, membership)


@rule(
    "accounts.own.account",
    "One's own account: log-in steps, two-factor set-up, password, sessions (any logged-in person).",
)
def can_manage_own_account(actor: Actor, obj: Any) -> bool:
    return actor.is_authenticated


@rule(
    "accounts.person.mfa_reset",
    "Reset another person's two-factor device (lost phone): a Beheerder (ADM) of an organisation the "
    "person belongs to, never for themselves.",
)
def can_reset_mfa(actor: Actor, membership: Any) -> bool:
    if not _is_admin_here(actor, membership):
        return False
    return membership is None or getattr(membership, "user_id", None) != actor.user_id
