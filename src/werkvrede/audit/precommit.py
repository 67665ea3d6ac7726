"""Work a transaction does last, just before it commits (ADR 0212).

An audit event is appended to its organisation's chain under the chain head's row lock, which is
held until the transaction ends. Appended where the event happens, in the middle of a service, the
head was locked before the rows that later steps lock (the case, the interventieperiode); two writes
of one organisation could then wait for each other, and PostgreSQL failed one. `before_commit(func)`
keeps `func` until the code's outermost transaction is about to commit, so the head is the last lock
a transaction takes and is held only for the commit itself.

A function kept inside a savepoint goes with it when the savepoint is rolled back, and stays when it
is released; a rollback of the transaction drops them all. Outside a transaction `func` runs at once.

The database backends call `run`, `lift` and `drop` (`werkvrede.config.postgresql`,
`werkvrede.config.patient_sqlite`, `werkvrede.config.flushable_sqlite`). In the test suite a test's own
transaction never commits; there the code's outermost block, a savepoint, is the transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper


def _kept(connection: BaseDatabaseWrapper) -> list[list[Any]]:
    kept: list[list[Any]] | None = getattr(connection, "werkvrede_before_commit", None)
    if kept is None:
        kept = []
        connection.werkvrede_before_commit = kept  # type: ignore[attr-defined]
    return kept


def _depth(connection: BaseDatabaseWrapper) -> int:
    # Blocks without a savepoint (`savepoint=False`) roll back with the block around them.
    return sum(1 for sid in connection.savepoint_ids if sid is not None)


def in_code_transaction(connection: BaseDatabaseWrapper) -> bool:
    """Whether a block of the code is open (a test's own transaction, `_from_testcase`, is not one)."""
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def before_commit(func: Callable[[], Any], using: str = DEFAULT_DB_ALIAS) -> None:
    """Run `func` just before the code's transaction commits; at once outside one."""
    connection = connections[using]
    if not in_code_transaction(connection):
        func()
        return
    _kept(connection).append([_depth(connection), func])


def run(connection: BaseDatabaseWrapper) -> None:
    """Before a commit: run what was kept, in order (a function may keep more; those run too)."""
    if getattr(connection, "werkvrede_running_before_commit", False):
        return  # a block inside a kept function ended; the loop below goes on with the rest
    kept = _kept(connection)
    connection.werkvrede_running_before_commit = True  # type: ignore[attr-defined]
    try:
        while kept:
            _, func = kept.pop(0)
            func()
    finally:
        connection.werkvrede_running_before_commit = False  # type: ignore[attr-defined]


def lift(connection: BaseDatabaseWrapper) -> None:
    """A savepoint was released: what it kept now belongs to the block around it."""
    depth = _depth(connection)
    for item in _kept(connection):
        item[0] = min(item[0], depth)


def drop(connection: BaseDatabaseWrapper, *, all_of_it: bool = False) -> None:
    """A savepoint (or the transaction) was rolled back: what it kept goes with it."""
    depth = -1 if all_of_it else _depth(connection)
    _kept(connection)[:] = [item for item in _kept(connection) if item[0] <= depth]


class BeforeCommit:
    """Mixed into a database backend's `DatabaseWrapper`: runs and drops what `before_commit` kept."""

    def commit(self) -> None:
        try:
            run(self)  # type: ignore[arg-type]
        except BaseException:
            # Django rolls back when the commit raises a database error; any other error would leave
            # the transaction open on the connection, so it is rolled back here.
            self.rollback()
            raise
        super().commit()  # type: ignore[misc]

    def rollback(self) -> None:
        drop(self, all_of_it=True)  # type: ignore[arg-type]
        super().rollback()  # type: ignore[misc]

    def close(self) -> None:
        drop(self, all_of_it=True)  # type: ignore[arg-type]
        super().close()  # type: ignore[misc]

    def savepoint_commit(self, sid: str) -> None:
        # Django pops the block and its savepoint id before it releases the savepoint.
        if in_code_transaction(self):  # type: ignore[arg-type]
            lift(self)  # type: ignore[arg-type]
        else:  # the code's outermost block, inside a test's own transaction
            try:
                run(self)  # type: ignore[arg-type]
            except BaseException:
                self.savepoint_rollback(sid)
                raise
        super().savepoint_commit(sid)  # type: ignore[misc]

    def savepoint_rollback(self, sid: str) -> None:
        drop(self)  # type: ignore[arg-type]
        super().savepoint_rollback(sid)  # type: ignore[misc]
