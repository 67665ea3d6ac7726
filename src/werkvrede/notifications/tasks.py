"""Background tasks: ids in, one service call."""

from __future__ import annotations

from django_tasks import task

from werkvrede.notifications.outbox import outgoing_mail_send
from werkvrede.notifications.services import notification_send


@task()
def outgoing_mail_send_task(mail_id: int) -> bool:
    return outgoing_mail_send(mail_id)


@task()
def notification_send_task(notification_id: int) -> bool:
    """Kept for notifications queued before the outbox (docs/adr/0073-outgoing-mail.md)."""
    return notification_send(notification_id)
