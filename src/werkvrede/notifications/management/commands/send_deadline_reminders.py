"""`manage.py send_deadline_reminders`: for cron (e.g. every hour). Safe to run twice or on two machines."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from werkvrede.notifications.services import deadline_reminders_enqueue


class Command(BaseCommand):
    help = "Notify the owners of deadlines that are due within 7 days or overdue (each reminder once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, help="evaluate as of this date (YYYY-MM-DD)")

    def handle(self, *args: Any, **options: Any) -> None:
        created = deadline_reminders_enqueue(today=options["today"] or timezone.localdate())
        self.stdout.write(f"{created} reminder(s) queued")
