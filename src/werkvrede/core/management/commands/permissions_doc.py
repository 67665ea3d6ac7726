"""`manage.py permissions_doc`: bring docs/permissions.md's generated parts up to date (or check them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkvrede.core.doors import permissions_doc


class Command(BaseCommand):
    help = "Write the doors (URL, action, object, rule) and the declared actions into docs/permissions.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--path", default=str(Path(settings.REPO_DIR) / "docs" / "permissions.md"))
        parser.add_argument("--check", action="store_true", help="Exit 1 when the file is out of date.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        current = path.read_text()
        wanted = permissions_doc(current)
        if options["check"]:
            if wanted != current:
                raise CommandError(f"{path} is out of date: run manage.py permissions_doc")
            return
        path.write_text(wanted)
        self.stdout.write(f"{path} written")
