"""Report queries on a read replica (ADR 0193): `DATABASE_REPLICA_URL` adds the alias `replica`.

Only the report aggregates (the VP's trends and annual-report counts, the organisation overview's
counts per state, the "did it feel fair?" results) read through `report_database()`; everything else,
and every write, uses `default`. Without the variable `report_database()` is `default`.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULT = "default"
REPLICA = "replica"


def report_database() -> str:
    """The alias the report aggregates read from: `replica` when configured, else `default`."""
    alias = getattr(settings, "WERKVREDE_REPORT_DATABASE", DEFAULT)
    return alias if alias in settings.DATABASES else DEFAULT


class PrimaryWritesRouter:
    """Writes and migrations on `default` only, also for an object read from the replica.

    Reads are not routed: a query reaches the replica only by an explicit `using(report_database())`.
    """

    def db_for_read(self, model: type, **hints: Any) -> str | None:
        return None

    def db_for_write(self, model: type, **hints: Any) -> str:
        return DEFAULT

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        # The replica is a copy of `default`: an object read from either is the same row.
        return True

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        return db != REPLICA
