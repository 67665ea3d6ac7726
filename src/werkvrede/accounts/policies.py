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


@rule(
    "accounts.person.reactivate",
    "Reactivate a deactivated account: the Beheerder (ADM) of an organisation the person belongs to.",
)
def can_reactivate(actor: Actor, membership: Any) -> bool:
    if actor.organisation_id is None:
        return False
    if Role.ADMIN not in actor.roles:
        return False
    return membership is None or getattr(membership, "organisation_id", None) == actor.organisation_id
