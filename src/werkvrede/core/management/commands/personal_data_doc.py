"""`manage.py personal_data_doc`: bring docs/personal-data.md's registry up to date (or check it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkvrede.core.classification import personal_data_doc


class Command(BaseCommand):
    help = "Write the personal-data registry (subject, category, retention, export per field) into docs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--path", default=str(Path(settings.REPO_DIR) / "docs" / "personal-data.md"))
        parser.add_argument("--check", action="store_true", help="Exit 1 when the file is out of date.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        current = path.read_text()
        wanted = personal_data_doc(current)
        if options["check"]:
            if wanted != current:
                raise CommandError(f"{path} is out of date: run manage.py personal_data_doc")
            return
        path.write_text(wanted)
        self.stdout.write(f"{path} written")
