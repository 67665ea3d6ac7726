"""Access rules of the retention context (R-140: legal holds; the purge report, counts only)."""

from __future__ import annotations

from typing import Any

from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role

HOLD_MANAGERS = frozenset({Role.ADMIN, Role.HR_ADVISER})


def _in_organisation(actor: Actor, obj: Any) -> bool:
    if actor.organisation_id is None:
        return False
    return obj is None or getattr(obj, "organisation_id", actor.organisation_id) == actor.organisation_id


@rule(
    "retention.report.view",
    "See what the daily purge deleted, per retention rule and data category, in counts (ADM only, R-149).",
)
def can_view_purge_report(actor: Actor, obj: Any) -> bool:
    return _in_organisation(actor, obj) and actor.has_any(Role.ADMIN)


@rule(
    "retention.person_hold.list",
    "See which people of the organisation are under a legal hold, with its reason (R-140): HR and the "
    "Beheerder.",
)
def can_list_person_holds(actor: Actor, obj: Any) -> bool:
    return _in_organisation(actor, obj) and actor.has_any(*HOLD_MANAGERS)


@rule(
    "retention.person_hold.manage",
    "Place or lift a legal hold on a person with its reason (R-140): HR and the Beheerder.",
)
def can_manage_person_hold(actor: Actor, obj: Any) -> bool:
    return _in_organisation(actor, obj) and actor.has_any(*HOLD_MANAGERS)
