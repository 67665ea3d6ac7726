"""`manage.py audit_anchor`: append every chain's signed head to the anchor file (run hourly)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from werkvrede.audit.anchors import anchor_chains
from werkvrede.audit.keys import audit_keyring


class Command(BaseCommand):
    help = (
        "Append the signed head of every audit chain to WERKVREDE_AUDIT_ANCHOR_FILE (append-only). A chain "
        "that no longer extends its last anchored head is not anchored and is named; the exit is non-zero."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        path = settings.WERKVREDE_AUDIT_ANCHOR_FILE
        if not path:
            raise CommandError("Set WERKVREDE_AUDIT_ANCHOR_FILE: the anchors must live outside the database")
        run = anchor_chains(Path(path), audit_keyring())
        for chain, reason in run.refused:
            self.stderr.write(f"NOT ANCHORED chain {chain}: {reason}")
        self.stdout.write(f"anchored {len(run.anchored)} audit chains in {path}")
        if run.refused:
            raise CommandError(
                f"{len(run.refused)} audit chains not anchored: run audit_verify and investigate"
            )
