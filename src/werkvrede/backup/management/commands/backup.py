"""`manage.py backup DEST`: the database and the documents' files into a new directory (ADR 0152)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkvrede.backup.services import backup_create
from werkvrede.core.refusals import NotPossible


class Command(BaseCommand):
    help = (
        "Back up the database (PostgreSQL: pg_dump custom format; SQLite: the online backup API) and "
        "every file of the documents storage into the new directory DEST, with manifest.json (version, "
        "migrations, row counts, audit chain heads, SHA-256 of every file). Sealed content stays "
        "encrypted; no key is written: keep the keys apart from the backups."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dest", type=Path, help="a new (or empty) directory for this backup")
        parser.add_argument("--database", default="default", help="the database alias (default: default)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup_create(dest=options["dest"], database_alias=options["database"])
        except NotPossible as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["row_counts"].values())
        self.stdout.write(
            f"OK: backup in {options['dest']}: {len(manifest['row_counts'])} tables, {rows} rows, "
            f"{len(manifest['files'])} files, {len(manifest['audit_chain_heads'])} audit chain heads"
        )
