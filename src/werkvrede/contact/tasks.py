"""Background tasks: ids in, one service call."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task


@task()
def contact_notify_task(request_id: int) -> int:
    """Kept for requests queued as tasks before the outbox: queues the notices in the outbox."""
    from werkvrede.contact.services import recipients_notify

    with transaction.atomic():
        return recipients_notify(request_id)
