"""`manage.py send_whistleblower_reminders`: for cron (e.g. every hour). Safe to run twice."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from werkvrede.whistleblower.services import reminders_enqueue


class Command(BaseCommand):
    help = (
        "Remind the designated officers of T-20 and T-21 before they are due, and when overdue (once each)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, help="evaluate as of this date (YYYY-MM-DD)")

    def handle(self, *args: Any, **options: Any) -> None:
        created = reminders_enqueue(today=options["today"] or timezone.localdate())
        self.stdout.write(f"{created} reminder(s) queued")
