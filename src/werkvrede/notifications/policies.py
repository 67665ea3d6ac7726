"""Access rules of the notifications context: the outbox's failed mail (ADM only, never content)."""

from __future__ import annotations

from typing import Any

from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role


def _organisation_admin(actor: Actor) -> bool:
    return actor.organisation_id is not None and actor.has_any(Role.ADMIN)


@rule(
    "notifications.mail.view",
    "See how many e-mails of the organisation failed, per recipient role (ADM only; no content, no address).",
)
def can_view_failed_mail(actor: Actor, obj: Any) -> bool:
    return _organisation_admin(actor)


@rule("notifications.mail.resend", "Queue the organisation's failed e-mails again (ADM only).")
def can_resend_failed_mail(actor: Actor, obj: Any) -> bool:
    return _organisation_admin(actor)
