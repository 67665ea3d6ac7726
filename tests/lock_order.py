"""Row locks before the audit chain's head, in every transaction the suite runs (ADR 0211).

A write appends to its organisation's audit chain under the chain head's row lock, held until it
commits. A transaction that then locks another row (a case, a mediation) waits while holding the
head; another write that holds that row and wants the head closes a cycle, and PostgreSQL fails one
of them. So within one transaction every other row lock should come before the head's.

On PostgreSQL every connection the suite opens reports a row lock taken after the head in the same
transaction, and `conftest.py` fails the test that did it, unless the lock is taken where the code
did so when this check came (`KNOWN`, ADR 0211 says what ends them). A transaction is what production
runs as one: inside a test's own transaction (`_from_testcase`), each outermost block of the code.
The check adds no query.
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

#: The functions that lock a row after the head in some transaction today (file, function). A lock
#: taken anywhere else after the head fails its test; fixing one of these removes it from here.
KNOWN = {
    ("accounts/invitations.py", "_accept"),
    ("cases/services.py", "_next_reference"),
    ("cases/services.py", "case_complete_intake"),
    ("cases/services.py", "case_move"),
    ("confidential/annual_services.py", "annual_compile"),
    ("confidential/annual_services.py", "dossiers_destroy"),
    ("confidential/services.py", "aftercare_start"),
    ("confidential/services.py", "category_record"),
    ("confidential/services.py", "message_write"),
    ("confidential/services.py", "report_close"),
    ("confidential/services.py", "route_record"),
    ("contact/services.py", "on_invitation_accepted"),
    ("documents/services.py", "document_create"),
    ("documents/services.py", "document_sign"),
    ("interventions/services.py", "_load_leave"),
    ("interventions/services.py", "_load_period"),
    ("interventions/services.py", "interventions_end_by_sick_report"),
    ("interventions/services.py", "lock"),
    ("interventions/services.py", "referral_taken_up"),
    ("mediation/services.py", "_cancel_coming_sessions"),
    ("mediation/services.py", "_load"),
    ("mediation/services.py", "admission_consent"),
    ("mediation/services.py", "mediation_document_sign"),
    ("mediation/services.py", "on_party_invitation_accepted"),
    ("sickness/services.py", "_locked_report"),
    ("sickness/services.py", "report_save"),
    ("sickness/wvp.py", "_report_of"),
}

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
    if not frames or (frames[-1][0], frames[-1][1].name) in KNOWN:
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
