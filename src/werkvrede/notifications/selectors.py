"""Reads of the notifications context."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max

from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize
from werkvrede.notifications.models import OutgoingMail


@dataclass(frozen=True)
class FailedMail:
    """Failed e-mails to one recipient role: how many and when the last failed. Nothing else."""

    recipient_role: str
    count: int
    last_failed_at: datetime


def failed_mail_for(actor: Actor) -> list[FailedMail]:
    """The failed mail of the actor's organisation, per recipient role (ADM, notifications.mail.view)."""
    authorize(actor, "notifications.mail.view")
    rows = (
        OutgoingMail.objects.filter(organisation_id=actor.organisation_id or 0, failed_at__isnull=False)
        .values("recipient_role")
        .annotate(count=Count("pk"), last=Max("failed_at"))
        .order_by("recipient_role")
    )
    return [FailedMail(row["recipient_role"], row["count"], row["last"]) for row in rows]
