"""Background tasks: ids in, one service call."""

from __future__ import annotations

from django_tasks import task

from werkvrede.notifications.services import notification_send


@task()
def notification_send_task(notification_id: int) -> bool:
    return notification_send(notification_id)
