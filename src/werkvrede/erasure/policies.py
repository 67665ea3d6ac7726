"""Access rules of erasure on request (AVG art. 17; docs/adr/0180-erasure-on-request.md)."""

from __future__ import annotations

from typing import Any

from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role

ERASE = "erasure.person.erase"


@rule(
    ERASE,
    "See what erasing a person's data would remove and keep, and erase it (AVG art. 17): the Beheerder "
    "(ADM) of the person's organisation, never for themselves; only that organisation's data.",
)
def can_erase(actor: Actor, membership: Any) -> bool:
    if actor.organisation_id is None or Role.ADMIN not in actor.roles:
        return False
    if membership is None:
        return True
    if getattr(membership, "organisation_id", None) != actor.organisation_id:
        return False
    return getattr(membership, "user_id", None) != actor.user_id
