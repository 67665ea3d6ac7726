"""The default database: `DATABASE_URL` when set (PostgreSQL in production), else SQLite in `data/`.

SQLite serves `make run` and small installations. Several people saving at once need three options on
it (ADR 0140): WAL, so readers never wait for a writer nor a writer for readers; a busy timeout, so a
writer waits its turn instead of failing with "database is locked"; and `BEGIN IMMEDIATE`, so a
transaction takes the write lock when it starts. Without the last, a transaction that read first and
then writes cannot wait for the lock (its snapshot is stale) and fails at once, timeout or not.
"""

from __future__ import annotations

import os
from typing import Any

import dj_database_url

SQLITE_ENGINE = "django.db.backends.sqlite3"
# Django's SQLite backend, waiting for a busy database outside SQLite's mutex (see its docstring).
PATIENT_SQLITE_ENGINE = "werkvrede.config.patient_sqlite"
POSTGRESQL_ENGINE = "django.db.backends.postgresql"
# Django's PostgreSQL backend, running what a transaction keeps for last before it commits (ADR 0212).
WERKVREDE_POSTGRESQL_ENGINE = "werkvrede.config.postgresql"
# Seconds a statement waits for the write lock (a save holds it for milliseconds; ADR 0140).
SQLITE_BUSY_TIMEOUT = 20
SQLITE_OPTIONS: dict[str, Any] = {
    "transaction_mode": "IMMEDIATE",
    "timeout": SQLITE_BUSY_TIMEOUT,
    # WAL is stored in the file; NORMAL loses no commit when a process dies, only at a power loss.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}


def with_backend(database: dict[str, Any]) -> dict[str, Any]:
    """`database` on Werkvrede's backend of its kind: for SQLite the patient one with the SQLite
    options (its OPTIONS win), for PostgreSQL the one that runs the audit chain's appends last."""
    if database.get("ENGINE") == POSTGRESQL_ENGINE:
        database["ENGINE"] = WERKVREDE_POSTGRESQL_ENGINE
    if database.get("ENGINE") == SQLITE_ENGINE:
        database["ENGINE"] = PATIENT_SQLITE_ENGINE
        database["OPTIONS"] = {**SQLITE_OPTIONS, **database.get("OPTIONS", {})}
    return database


def default_database(sqlite_path: str) -> dict[str, Any]:
    """The `default` entry of DATABASES: from `DATABASE_URL`, else the SQLite file at `sqlite_path`."""
    return with_backend(
        dict(
            dj_database_url.config(
                default=f"sqlite:///{sqlite_path}", conn_max_age=600, conn_health_checks=True
            )
        )
    )


def replica_database() -> dict[str, Any] | None:
    """The `replica` entry of DATABASES from `DATABASE_REPLICA_URL` (ADR 0193), or None without it."""
    url = os.environ.get("DATABASE_REPLICA_URL", "")
    if not url:
        return None
    return dict(dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True))
