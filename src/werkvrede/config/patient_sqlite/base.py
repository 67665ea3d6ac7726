"""Django's SQLite backend, waiting for a busy database in Python instead of inside SQLite.

SQLite's busy timeout sleeps inside the call, holding the connection's mutex. In a threaded server
the garbage collector can run in the thread that holds the write lock and finalise a cursor of a
waiting thread's connection, which needs that mutex: the holder waits for the waiter and the waiter
for the holder until the timeout, over and over. So SQLite itself is told not to wait
(`timeout=0`), and a statement that starts no work inside a transaction (`BEGIN IMMEDIATE`, or any
statement in autocommit) is tried again in Python, the mutex free, until `OPTIONS["timeout"]`
seconds have passed. Inside a transaction nothing is tried again: with `BEGIN IMMEDIATE` it holds
the write lock already, and a retry inside a deferred one could not succeed (ADR 0140).
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from typing import Any, TypeVar, cast

from django.db.backends.sqlite3 import base

from werkvrede.audit.precommit import BeforeCommit

T = TypeVar("T")

DEFAULT_TIMEOUT = 5.0  # Python's own default for sqlite3.connect
FIRST_PAUSE = 0.001
LONGEST_PAUSE = 0.025


def is_busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF == sqlite3.SQLITE_BUSY)
    return str(exc).startswith("database is locked")


def waiting(seconds: float, attempt: Callable[[], T]) -> T:
    """`attempt()`, tried again while the database is busy, for at most `seconds`."""
    deadline = time.monotonic() + seconds
    pause = FIRST_PAUSE
    while True:
        try:
            return attempt()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
        # Random pauses, so that waiting writers take the lock in no fixed order.
        time.sleep(random.uniform(0, pause))  # noqa: S311 (not a secret)
        pause = min(pause * 2, LONGEST_PAUSE)


class PatientCursor(base.SQLiteCursorWrapper):
    def __init__(self, connection: sqlite3.Connection, timeout: float) -> None:
        super().__init__(connection)
        self.busy_timeout = timeout

    def execute(self, query: str, params: Any = None) -> Any:
        if self.connection.in_transaction:
            return super().execute(query, params)
        return waiting(self.busy_timeout, lambda: base.SQLiteCursorWrapper.execute(self, query, params))

    def executemany(self, query: str, param_list: Any) -> Any:
        if self.connection.in_transaction:
            return super().executemany(query, param_list)
        return waiting(
            self.busy_timeout, lambda: base.SQLiteCursorWrapper.executemany(self, query, param_list)
        )


class DatabaseWrapper(BeforeCommit, base.DatabaseWrapper):
    busy_timeout = DEFAULT_TIMEOUT

    def get_connection_params(self) -> dict[str, Any]:
        params = super().get_connection_params()
        self.busy_timeout = float(params.pop("timeout", DEFAULT_TIMEOUT))
        params["timeout"] = 0
        return params

    def get_new_connection(self, conn_params: dict[str, Any]) -> sqlite3.Connection:
        # The init command (journal mode) may find the database busy too.
        def connect() -> sqlite3.Connection:
            return cast(sqlite3.Connection, super(DatabaseWrapper, self).get_new_connection(conn_params))

        return waiting(self.busy_timeout, connect)

    def create_cursor(self, name: str | None = None) -> PatientCursor:
        timeout = self.busy_timeout
        return cast(PatientCursor, self.connection.cursor(factory=lambda conn: PatientCursor(conn, timeout)))
