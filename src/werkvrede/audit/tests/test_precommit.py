"""`audit.precommit`: work kept for the moment the code's transaction commits (ADR 0212)."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from werkvrede.audit.precommit import before_commit


class _FailedError(Exception):
    pass


@pytest.mark.django_db
def test_outside_a_transaction_it_runs_at_once() -> None:
    ran: list[str] = []
    before_commit(lambda: ran.append("now"))
    assert ran == ["now"]


@pytest.mark.django_db
def test_it_runs_when_the_outermost_block_ends_in_the_order_kept() -> None:
    ran: list[str] = []
    with transaction.atomic():
        before_commit(lambda: ran.append("first"))
        with transaction.atomic():
            before_commit(lambda: ran.append("inner"))
        assert ran == []  # a released savepoint keeps it for the transaction
        before_commit(lambda: ran.append("last"))
        assert ran == []
    assert ran == ["first", "inner", "last"]


@pytest.mark.django_db
def test_a_rolled_back_savepoint_takes_its_work_with_it() -> None:
    ran: list[str] = []
    with transaction.atomic():
        before_commit(lambda: ran.append("kept"))
        with pytest.raises(_FailedError), transaction.atomic():
            before_commit(lambda: ran.append("rolled back"))
            raise _FailedError
        with transaction.atomic():
            before_commit(lambda: ran.append("released"))
    assert ran == ["kept", "released"]


@pytest.mark.django_db
def test_a_rolled_back_transaction_runs_nothing() -> None:
    ran: list[str] = []
    with pytest.raises(_FailedError), transaction.atomic():
        before_commit(lambda: ran.append("never"))
        raise _FailedError
    with transaction.atomic():
        pass
    assert ran == []
    assert getattr(connection, "werkvrede_before_commit", []) == []


@pytest.mark.django_db(transaction=True)
def test_in_a_real_transaction_it_runs_before_the_commit_and_a_failure_undoes_it() -> None:
    from werkvrede.accounts.models import Organisation

    ran: list[bool] = []
    with transaction.atomic():
        before_commit(lambda: ran.append(connection.in_atomic_block or not connection.get_autocommit()))
    assert ran == [True]  # still inside the transaction when it ran

    def fail() -> None:
        Organisation.objects.create(name="Kept for the commit", slug="kept-for-the-commit")
        raise _FailedError

    with pytest.raises(_FailedError), transaction.atomic():
        before_commit(fail)
    assert not Organisation.objects.filter(slug="kept-for-the-commit").exists()
