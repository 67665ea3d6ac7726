"""Writes of one organisation at once never deadlock (ADR 0211).

Every write appends to its organisation's audit chain just before it commits (ADR 0212), and locks
the chain's head row until the commit is done. At commit PostgreSQL checks the new rows' foreign
keys, which takes a key-share lock on each row they point to: the organisation, the case. A service
that locked such a row with a plain `SELECT … FOR UPDATE` and then waited for the chain's head made
a cycle with a write that held the head and, at commit, wanted its key-share lock: PostgreSQL broke
it by failing one of the two (a 500 in `make bench-mix`). Locks taken as a mutex are
`FOR NO KEY UPDATE`, which a key-share lock passes.

Each test makes the cycle happen for certain: the first write holds the head, the second takes its
row lock and waits for the head, and only then does the first commit.
"""

from __future__ import annotations

import ast
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from django.db import connection, transaction

from conftest import World
from tests import lock_order
from tests.source import method_calls
from werkvrede.audit import precommit
from werkvrede.audit import services as audit
from werkvrede.cases import services
from werkvrede.cases.models import Case, CaseNote
from werkvrede.cases.tests.helpers import INTAKE, actor_of, signal
from werkvrede.core.roles import Role


def _someone_waits_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        # Within a transaction PostgreSQL keeps showing the activity it saw first, unless told not to.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        row = cursor.fetchone()
    return bool(row and row[0])


def _while_the_head_is_held(first: Callable[[], object], second: Callable[[], object]) -> list[BaseException]:
    """Run `first` in a transaction that appends its audit events (as its commit does, ADR 0212) and
    then stays open until `second`, in another thread, waits for a lock; then it commits."""
    holding = threading.Event()
    errors: list[BaseException] = []

    def first_write() -> None:
        try:
            with transaction.atomic():
                first()
                precommit.run(connection)  # the chain's head is now locked, as at the commit
                holding.set()
                deadline = time.monotonic() + 10
                while not _someone_waits_for_a_lock():
                    assert time.monotonic() < deadline, "the second write never waited for a lock"
                    time.sleep(0.01)
        except BaseException as exc:  # reported by the test
            errors.append(exc)
        finally:
            holding.set()
            connection.close()

    def second_write() -> None:
        try:
            holding.wait(10)
            second()
        except BaseException as exc:  # reported by the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=first_write), threading.Thread(target=second_write)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return errors


def _a_note_while(world: World, second: Callable[[Case], object]) -> Case:
    """A note is added to a case while `second` writes in the same organisation; neither fails."""
    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    case = signal(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    note = "Eerste gesprek gehad."
    errors = _while_the_head_is_held(
        lambda: services.note_add(actor=hr, case_id=case.pk, text=note, visibility="HANDLERS"),
        lambda: second(case),
    )
    assert errors == []
    assert CaseNote.objects.filter(case=case).count() == 1
    return case


@pytest.mark.django_db(transaction=True)
def test_a_note_and_a_new_case_of_one_organisation_at_once(world: World, on_postgres: None) -> None:
    """The new case's reference locks the organisation (`_next_reference`); the note points at it."""
    _a_note_while(world, lambda case: signal(world.a.users[Role.HR_ADVISER], world.a.organisation.pk))
    assert Case.objects.filter(organisation=world.a.organisation).count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_note_and_a_step_of_one_case_at_once(world: World, on_postgres: None) -> None:
    """The intake locks the case (SM-1 row 2); the note points at it."""
    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    case = _a_note_while(
        world,
        lambda case: services.case_complete_intake(
            actor=hr, case_id=case.pk, data=INTAKE, today=date(2025, 3, 5)
        ),
    )
    assert Case.objects.get(pk=case.pk).state == "INTAKE"


SOURCE = Path(__file__).resolve().parents[2] / "src" / "werkvrede"
# Locks that precede a DELETE of the row: a plain FOR UPDATE, which a DELETE would take anyway.
DELETING_LOCKS = {"retention/terms.py"}


def _plain_row_locks(source: str) -> list[int]:
    """Lines of `select_for_update(...)` calls without `no_key=True`."""
    return [
        call.lineno
        for call in method_calls(ast.parse(source), {"select_for_update"})
        if not any(_is_true(k.value) for k in call.keywords if k.arg == "no_key")
    ]


def _is_true(value: ast.expr) -> bool:
    return isinstance(value, ast.Constant) and value.value is True


def test_every_lock_a_service_takes_lets_foreign_key_checks_pass() -> None:
    found = [
        f"{path.relative_to(SOURCE)}:{line}"
        for path in sorted(SOURCE.rglob("*.py"))
        if "tests" not in path.relative_to(SOURCE).parts
        and str(path.relative_to(SOURCE)) not in DELETING_LOCKS
        for line in _plain_row_locks(path.read_text())
    ]
    assert found == [], f"lock with select_for_update(no_key=True) (ADR 0211): {found}"


def test_the_check_finds_a_plain_lock() -> None:
    assert _plain_row_locks("Case.objects.select_for_update().get(pk=1)\n") == [1]
    assert _plain_row_locks("Case.objects.select_for_update(of=('self',)).get(pk=1)\n") == [1]
    assert _plain_row_locks("Case.objects.select_for_update(no_key=False).get(pk=1)\n") == [1]
    assert _plain_row_locks("Case.objects.select_for_update(no_key=True).get(pk=1)\n") == []


def _audit_then_lock(world: World) -> None:
    case = signal(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    with transaction.atomic():
        audit.record("cases.case.viewed", organisation_id=world.a.organisation.pk)
        precommit.run(connection)  # appended here, not at the commit: the head is locked first
        Case.objects.select_for_update(no_key=True).get(pk=case.pk)


def _lock_then_audit(world: World) -> None:
    case = signal(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    with transaction.atomic():
        Case.objects.select_for_update(no_key=True).get(pk=case.pk)
        audit.record("cases.case.viewed", organisation_id=world.a.organisation.pk)


def _reported(work: Callable[[], object]) -> list[str]:
    lock_order.found.clear()
    work()
    reported = list(lock_order.found)
    lock_order.found.clear()
    return reported


@pytest.mark.django_db
def test_the_suite_reports_a_row_locked_after_the_chain_head(world: World, on_postgres: None) -> None:
    """Inside a test's transaction: the code's outermost block is the transaction (tests/lock_order.py)."""
    (report,) = _reported(lambda: _audit_then_lock(world))
    assert report.startswith('"cases_case" locked after the head, in: tests/security/test_no_deadlocks.py:')
    assert _reported(lambda: _lock_then_audit(world)) == []


@pytest.mark.django_db(transaction=True)
def test_the_suite_reports_it_in_a_transaction_that_commits(world: World, on_postgres: None) -> None:
    (report,) = _reported(lambda: _audit_then_lock(world))
    assert report.startswith('"cases_case" locked after the head')
    assert _reported(lambda: _lock_then_audit(world)) == []
    # A later transaction on the same connection starts clean.
    with transaction.atomic():
        assert _reported(lambda: Case.objects.select_for_update(no_key=True).first()) == []
