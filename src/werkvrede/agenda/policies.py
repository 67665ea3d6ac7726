"""Who may manage a calendar feed: only one's own, in the organisation one acts in (ADR 0118)."""

from __future__ import annotations

from typing import Any

from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule


@rule(
    "agenda.feed.manage",
    "Make, renew, revoke or see one's own calendar feed link (any person acting in an organisation).",
)
def can_manage_own_feed(actor: Actor, obj: Any) -> bool:
    return actor.is_authenticated and actor.user_id is not None and actor.organisation_id is not None
