"""`manage.py purge_expired`: for cron, daily. Warns the owners of records that expire soon and deletes
what is past its retention term unless a legal hold keeps it (docs/adr/0175-retention-that-runs.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from werkvrede.retention.purge import purge_expired


class Command(BaseCommand):
    help = "Delete records past their retention term (R-140…R-148), warn their owners beforehand."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count what would go; change nothing")
        parser.add_argument("--today", type=date.fromisoformat, help="evaluate as of this date (YYYY-MM-DD)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        dry_run = options["dry_run"]
        results = purge_expired(today=today, dry_run=dry_run, say=self.stdout.write)
        verb = "would delete" if dry_run else "deleted"
        for result in results:
            where = (
                f"organisation {result.organisation_id}" if result.organisation_id else "without organisation"
            )
            for rule, rows in sorted(result.purged.items()):
                if rows:
                    counts = ", ".join(f"{category} {n}" for category, n in sorted(rows.items()))
                    self.stdout.write(f"{where}: {rule} {verb} {counts}")
            for rule, n in sorted(result.held.items()):
                self.stdout.write(f"{where}: {rule} kept by a legal hold: {n}")
            for rule, n in sorted(result.warned.items()):
                self.stdout.write(f"{where}: {rule} expiring soon, owner warned: {n}")
            for rule, n in sorted(result.failed.items()):
                self.stdout.write(f"{where}: {rule} failed: {n} (see the log)")
        total = sum(sum(rows.values()) for r in results for rows in r.purged.values())
        self.stdout.write(f"{total} row(s) {verb} on {today.isoformat()}")
