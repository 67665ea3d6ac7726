"""`manage.py purge_contact_requests`: for cron (e.g. daily). Deletes requests past their retention date."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from werkvrede.contact.services import contact_requests_purge


class Command(BaseCommand):
    help = "Delete contact requests past their retention date (privacy statement: at most 90 days)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, help="evaluate as of this date (YYYY-MM-DD)")

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = contact_requests_purge(today=options["today"] or timezone.localdate())
        self.stdout.write(f"{deleted} contact request(s) deleted")
