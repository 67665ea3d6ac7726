"""Background tasks: ids in, one service call."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from werkvrede.mediation.invitations import session_invitation_send


@task()
def session_invitation_send_task(session_id: int, user_id: int) -> bool:
    """Kept for invitations queued as tasks before the outbox: queues the e-mail in the outbox."""
    with transaction.atomic():
        return session_invitation_send(session_id, user_id)
