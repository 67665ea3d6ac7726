"""`manage.py audit_verify`: check every organisation's audit hash chain."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from werkvrede.audit.verify import verify_all


class Command(BaseCommand):
    help = "Verify the audit log hash chains and name the first broken event of each chain."

    def handle(self, *args: Any, **options: Any) -> None:
        checked, breaks = verify_all()
        if breaks:
            for chain_break in breaks:
                self.stderr.write(f"BROKEN {chain_break}")
            raise CommandError(f"{len(breaks)} of {checked} audit chains are broken")
        self.stdout.write(f"OK: {checked} audit chains verified")
