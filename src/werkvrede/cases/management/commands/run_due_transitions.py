"""`manage.py run_due_transitions`: for cron (every hour). Safe to run twice or on two machines at once.

Steps that follow the calendar (SM-3 rows 5 and 8, SM-4 rows 4 and 6, SM-5T T5) are taken by the
system through the same guideline checks as a person's steps, and the stored deadlines of open cases
are refreshed when they change with the date. A step a rule holds (e.g. R-046) is reported and left.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from werkvrede.cases.extensions import DueOutcome, due_jobs


class Command(BaseCommand):
    help = (
        "Take every step whose date has passed (interventieperiode, conflict leave, reflection period of "
        "a termination agreement) and refresh deadlines that change with the date; reports the counts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, help="evaluate as of this date (YYYY-MM-DD)")
        parser.add_argument("--dry-run", action="store_true", help="report what would move; change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        dry_run = bool(options["dry_run"])
        total = DueOutcome()
        for _name, job in due_jobs():
            total.merge(job(today=today, dry_run=dry_run))
        verb = "would move" if dry_run else "moved"
        for what, n in sorted(total.moved.items()):
            self.stdout.write(f"{verb} {n}: {what}")
        for what, obj_id, codes in total.held:
            self.stdout.write(f"held: {what} {obj_id} ({', '.join(codes)})")
        self.stdout.write(f"{sum(total.moved.values())} step(s) {verb}, {len(total.held)} held")
