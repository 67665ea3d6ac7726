"""`manage.py audit_anchor`: append every chain's signed head to the anchor file (run hourly)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkvrede.audit import services as audit
from werkvrede.audit.anchors import anchor_chains
from werkvrede.audit.keys import audit_keyring


class Command(BaseCommand):
    help = (
        "Append the signed head of every audit chain to WERKVREDE_AUDIT_ANCHOR_FILE (append-only). A chain "
        "that no longer extends its last anchored head is not anchored and is named; the exit is non-zero."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--accept-loss",
            action="append",
            default=[],
            metavar="CHAIN",
            help="anchor this chain as it is now although it lost anchored events (after a restore); "
            "recorded in the chain as audit.chain.loss_accepted",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = settings.WERKVREDE_AUDIT_ANCHOR_FILE
        if not path:
            raise CommandError("Set WERKVREDE_AUDIT_ANCHOR_FILE: the anchors must live outside the database")
        ring = audit_keyring()
        for chain in options["accept_loss"]:
            try:
                organisation_id = audit.organisation_of_chain(chain)
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
            audit.record("audit.chain.loss_accepted", organisation_id=organisation_id, data={"chain": chain})
        run = anchor_chains(Path(path), ring, accept=options["accept_loss"])
        for chain, reason in run.refused:
            self.stderr.write(f"NOT ANCHORED chain {chain}: {reason}")
        self.stdout.write(f"anchored {len(run.anchored)} audit chains in {path}")
        if run.refused:
            raise CommandError(
                f"{len(run.refused)} audit chains not anchored: run audit_verify and investigate"
            )
