"""The SQLite default holds up when several people save at once (issue #16 point 1, ADR 0140).

Real threads, each with its own connection to one SQLite file, save through the services with the
options `make run` uses. None of the saves fails, each saved write is there exactly once, the case
references have no duplicate and the audit chain verifies. `make soak` runs a larger load.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import dj_database_url
import pytest
from django.db import OperationalError, connection, transaction

from tests.sqlite_writers import connected_to, file_database, prepared, run_writers, stored
from werkvrede.config.database import (
    PATIENT_SQLITE_ENGINE,
    SQLITE_BUSY_TIMEOUT,
    WERKVREDE_POSTGRESQL_ENGINE,
    default_database,
)


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


def test_the_default_database_is_sqlite_with_the_options_unless_a_url_names_another(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    sqlite = default_database(str(tmp_path / "werkvrede.sqlite3"))
    assert sqlite["ENGINE"] == PATIENT_SQLITE_ENGINE
    assert sqlite["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert sqlite["OPTIONS"]["timeout"] == SQLITE_BUSY_TIMEOUT
    assert "journal_mode=WAL" in sqlite["OPTIONS"]["init_command"]
    url = "postgres://werkvrede@db.internal:5432/werkvrede"
    monkeypatch.setenv("DATABASE_URL", url)
    assert default_database(str(tmp_path / "werkvrede.sqlite3")) == {
        **dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True),
        "ENGINE": WERKVREDE_POSTGRESQL_ENGINE,  # Django's, appending the audit chain last (ADR 0212)
    }


def _holder(path: Path) -> sqlite3.Connection:
    """Another connection, holding the write lock until it commits."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO t VALUES (1)")
    return holder


def _table(path: Path) -> None:
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE t (n integer)")


def test_a_save_waits_for_the_writer_before_it(db: None, tmp_path: Path) -> None:
    path = tmp_path / "werkvrede.sqlite3"
    _table(path)
    holder = _holder(path)
    release = threading.Timer(0.2, holder.execute, args=("COMMIT",))
    with connected_to(file_database(path)):
        release.start()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("INSERT INTO t VALUES (2)")
        release.join()
        with connection.cursor() as cursor:
            cursor.execute("SELECT n FROM t ORDER BY n")
            assert cursor.fetchall() == [(1,), (2,)]
    holder.close()


def test_a_save_gives_up_after_the_timeout_and_stores_nothing(db: None, tmp_path: Path) -> None:
    path = tmp_path / "werkvrede.sqlite3"
    _table(path)
    holder = _holder(path)
    with connected_to(file_database(path, timeout=0.05)):
        with (
            pytest.raises(OperationalError, match="database is locked"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("INSERT INTO t VALUES (2)")
        holder.execute("COMMIT")
        with connection.cursor() as cursor:
            cursor.execute("SELECT n FROM t")
            assert cursor.fetchall() == [(1,)]
    holder.close()
