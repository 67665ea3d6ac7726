"""`manage.py audit_verify`: check every organisation's audit chain against its key and its anchor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from werkvrede.audit.verify import verify_all


class Command(BaseCommand):
    help = (
        "Verify the audit log: every chain's links and keyed hashes, and every chain against its last "
        "head in WERKVREDE_AUDIT_ANCHOR_FILE. Names the first broken event of each chain; exits non-zero "
        "on any break."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify_all()
        if report.breaks:
            for chain_break in report.breaks:
                self.stderr.write(f"BROKEN {chain_break}")
            raise CommandError(f"{len(report.breaks)} breaks in {report.chains} audit chains")
        self.stdout.write(f"OK: {report.chains} audit chains verified")
        if not report.anchor_file:
            self.stdout.write(
                "WARNING: no WERKVREDE_AUDIT_ANCHOR_FILE: a removed tail or a rewritten chain is not detected"
            )
        elif not Path(report.anchor_file).exists():
            self.stdout.write(f"WARNING: {report.anchor_file} does not exist yet: run audit_anchor hourly")
        else:
            self.stdout.write(f"{report.anchored} compared with their anchored head in {report.anchor_file}")
        for chain, count in sorted(report.unkeyed.items()):
            self.stdout.write(f"{count} unkeyed events (from before keyed hashing) in chain {chain}")
