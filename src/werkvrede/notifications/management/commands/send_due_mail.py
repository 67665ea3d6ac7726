"""`manage.py send_due_mail`: for cron (e.g. every 10 minutes). Sends what the outbox has due.

The task worker sends every mail and its retries by itself; this is the safety net for a task that
was lost (a worker stopped while queueing a retry). Safe beside the workers: each mail is sent once.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from werkvrede.notifications.outbox import outgoing_mail_send_due


class Command(BaseCommand):
    help = "Send every queued e-mail whose attempt is due (a safety net beside the task worker)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{outgoing_mail_send_due()} e-mail(s) sent")
