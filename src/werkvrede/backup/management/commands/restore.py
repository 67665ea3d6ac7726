"""`manage.py restore SRC`: a backup into an empty database, then the checks (ADR 0152)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkvrede.backup.services import backup_restore
from werkvrede.core.refusals import NotPossible


class Command(BaseCommand):
    help = (
        "Restore the backup in SRC (made by `manage.py backup`) into this installation's database and "
        "documents storage, which must be empty unless --force. Checks the files against the manifest "
        "first, and afterwards the row counts, the audit chain heads, the document files, the audit "
        "chains with their keys (audit_verify) and the documents (documents_verify). Exits non-zero "
        "on any difference."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("src", type=Path, help="the backup directory")
        parser.add_argument(
            "--force", action="store_true", help="replace a database and documents storage that are not empty"
        )
        parser.add_argument("--database", default="default", help="the database alias (default: default)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = backup_restore(
                src=options["src"], force=options["force"], database_alias=options["database"]
            )
        except NotPossible as exc:
            raise CommandError(str(exc)) from exc
        for line in report.checks:
            self.stdout.write(f"checked: {line}")
        for line in report.notes:
            self.stdout.write(f"NOTE {line}")
        for line in report.problems:
            self.stderr.write(f"DIFFERS {line}")
        if report.problems:
            raise CommandError(
                f"restored, but {len(report.problems)} checks failed: do not use this database"
            )
        self.stdout.write(f"OK: restored {options['src']}")
