"""Delete the files of data exports past their seven days (docs/adr/0170-my-data-export.md)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from werkvrede.mydata.services import exports_expire_due


class Command(BaseCommand):
    help = "Delete the files of 'Mijn gegevens' exports older than seven days and mark them expired."

    def handle(self, *args: Any, **options: Any) -> None:
        count = exports_expire_due()
        self.stdout.write(f"{count} export(s) expired")
