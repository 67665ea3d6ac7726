"""Background tasks: ids in, one service call."""

from __future__ import annotations

from django_tasks import task


@task()
def contact_notify_task(request_id: int) -> int:
    from werkvrede.contact.services import recipients_notify

    return recipients_notify(request_id)
