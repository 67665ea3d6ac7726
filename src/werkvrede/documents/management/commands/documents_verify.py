"""`manage.py documents_verify`: check every document (hash, signatures, stored bytes); name the broken."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkvrede.documents.verify import verify_all


class Command(BaseCommand):
    help = (
        "Verify every signed document (content hash, signatures, lock, the stored PDF and HTML "
        "re-hashed) and name the broken ones."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", type=int, default=None, help="only this organisation's id")

    def handle(self, *args: Any, **options: Any) -> None:
        checked, broken = verify_all(organisation_id=options["organisation"])
        for item in broken:
            self.stderr.write(f"BROKEN {item}")
        if broken:
            raise CommandError(f"{len(broken)} of {checked} documents are broken")
        self.stdout.write(f"OK: {checked} documents verified")
