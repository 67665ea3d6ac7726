"""Access rules of the audit context (D21: the organisation admin reads metadata, never content)."""

from __future__ import annotations

from typing import Any

from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role


@rule("audit.log.view", "Read the organisation's audit log metadata (ADM only, D21).")
def can_view_audit_log(actor: Actor, obj: Any) -> bool:
    if actor.organisation_id is None:
        return False
    if not actor.has_any(Role.ADMIN):
        return False
    return obj is None or getattr(obj, "organisation_id", None) == actor.organisation_id


@rule(
    "audit.own_reads.view",
    "See who read one's own sensitive data and on which basis (every person, about themselves only; "
    "NEN 7513, AVG art. 15).",
)
def can_view_own_reads(actor: Actor, obj: Any) -> bool:
    return actor.is_authenticated and actor.user_id is not None
