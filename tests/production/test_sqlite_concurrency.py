"""The SQLite default holds up when several people save at once (issue #16 point 1, ADR 0140).

Real threads, each with its own connection to one SQLite file, save through the services with the
options `make run` uses. None of the saves fails, each saved write is there exactly once, the case
references have no duplicate and the audit chain verifies. `make soak` runs a larger load.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from django.db import connection

from tests.sqlite_writers import file_database, prepared, run_writers, stored


@pytest.fixture
def sqlite_pass() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite default's own test: it runs in the SQLite pass of `make test`")


def _writers_hold_up(tmp_path: Path, *, writers: int, writes: int) -> None:
    path = tmp_path / "werkvrede.sqlite3"
    database = file_database(path)
    people = prepared(path, database)

    outcome, case_id = run_writers(database, people=people, writers=writers, writes=writes)

    assert outcome.errors == []
    assert outcome.attempted == writers * writes
    result = stored(database, case_id)
    assert sorted(result.notes) == sorted(outcome.saved_notes)
    assert sorted(result.cases) == sorted(outcome.saved_cases)
    assert len(set(result.references)) == len(result.references) == len(outcome.saved_cases)
    assert result.timeline_events == len(outcome.saved_notes)
    assert result.audit_breaks == []
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_eight_writers_lose_nothing(db: None, tmp_path: Path, sqlite_pass: None) -> None:
    _writers_hold_up(tmp_path, writers=8, writes=25)


@pytest.mark.soak
def test_sixteen_writers_lose_nothing(db: None, tmp_path: Path) -> None:
    # In `make soak` on either database: in the PostgreSQL pass the file is migrated first.
    _writers_hold_up(tmp_path, writers=16, writes=200)
