"""Row locks before the audit chain's head, in every transaction the suite runs (ADR 0211).

A write appends to its organisation's audit chain under the chain head's row lock, held until it
commits. A transaction that then locks another row (a case, a mediation) waits while holding the
head; another write that holds that row and wants the head closes a cycle, and PostgreSQL fails one
of them. So within one transaction every other row lock comes before the head's.

The audit chain is appended to just before a transaction commits (`audit.precommit`, ADR 0212), so
this holds by construction; the check keeps it so. On PostgreSQL every connection the suite opens
reports a row lock taken after the head in the same transaction, and `conftest.py` fails the test
that did it. A transaction is what production runs as one: inside a test's own transaction
(`_from_testcase`), each outermost block of the code. The check adds no query.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created

_ROW_LOCK = re.compile(r"\bFOR (NO KEY )?UPDATE\b")
_HEAD = '"audit_auditchainhead"'
_REPO = str(Path(__file__).resolve().parents[1]) + "/"


#: Where a row was locked after the chain's head in its transaction, since the last check.
found: list[str] = []


class _Open:
    """Marks a real transaction that locked the head; gone from `run_on_commit` when it ends."""

    def __call__(self) -> None:
        return None


def _transaction_key(connection: BaseDatabaseWrapper, *, head: bool) -> tuple[Any, ...] | None:
    blocks = connection.atomic_blocks
    scaffolding = sum(1 for block in blocks if getattr(block, "_from_testcase", False))
    if scaffolding:
        # The code's own outermost block, a savepoint inside the test's transaction: its id is new
        # on every entry. A statement of the test itself, outside any block of the code: not watched.
        return ("savepoint", connection.savepoint_ids[scaffolding - 1]) if len(blocks) > scaffolding else None
    # A transaction that commits (a test with `transaction=True`, a live server's request): a marker
    # left in its on-commit list, which a commit runs and a rollback drops.
    if head:
        marker = _Open()
        transaction.on_commit(marker, using=connection.alias)
        return ("transaction", marker)
    waiting = {id(hook[1]) for hook in connection.run_on_commit}
    held: tuple[Any, ...] | None = getattr(connection, "werkvrede_head_locked_in", None)
    if held and held[0] == "transaction" and id(held[1]) in waiting:
        return held
    return ("transaction", None)


def _check(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
    connection = context["connection"]
    if connection.in_atomic_block and "FOR " in sql and _ROW_LOCK.search(sql):
        head = _HEAD in sql
        key = _transaction_key(connection, head=head)
        if key is not None and head:
            connection.werkvrede_head_locked_in = key
        elif key is not None and getattr(connection, "werkvrede_head_locked_in", None) == key:
            _report(sql)
    return execute(sql, params, many, context)


def _ours(filename: str) -> str | None:
    """The file's path in Werkvrede (`cases/services.py`, `tests/…`), or None for any other code."""
    if not filename.startswith(_REPO) or "/.venv/" in filename or filename == __file__:
        return None
    return filename.removeprefix(_REPO).removeprefix("src/werkvrede/")


def _report(sql: str) -> None:
    frames = [(path, f) for f in traceback.extract_stack() if (path := _ours(f.filename)) is not None]
    if not frames:
        return
    table = sql.split(" FROM ", 1)[-1].split(" ", 1)[0]
    where = " <- ".join(f"{path}:{f.lineno} {f.name}" for path, f in reversed(frames))
    found.append(f"{table} locked after the head, in: {where}")


def _watch(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    if connection.vendor == "postgresql" and _check not in connection.execute_wrappers:
        connection.execute_wrappers.append(_check)


def forget() -> None:
    """A test starts clean: savepoint ids start again after a test's transaction is rolled back."""
    found.clear()
    for connection in connections.all(initialized_only=True):
        connection.werkvrede_head_locked_in = None  # type: ignore[attr-defined]


def install() -> None:
    connection_created.connect(_watch, dispatch_uid="werkvrede-lock-order")
