"""Forget idempotency keys older than `WERKVREDE_IDEMPOTENCY_HOURS` (cron, daily; ADR 0143)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from werkvrede.core import idempotency


class Command(BaseCommand):
    help = "Forget the idempotency keys older than WERKVREDE_IDEMPOTENCY_HOURS (default 24)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"forgot {idempotency.prune()} idempotency key(s)")
