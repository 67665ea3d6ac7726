"""Copy the database out and in: pg_dump/pg_restore (custom format) or SQLite's online backup API.

What a backup states about the database (tables and their rows, migrations, audit chain heads) is
read from the very snapshot that is copied (ADR 0152): on PostgreSQL pg_dump runs on a snapshot that
a read-only transaction here exported and reads from; on SQLite from the copy made.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from glob import glob
from pathlib import Path
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

from werkvrede.core.refusals import NotPossible

DUMP_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
# libpq's own names for connection options that may sit in a database's OPTIONS.
_LIBPQ_OPTIONS = {"sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "passfile", "service"}


@dataclass(frozen=True)
class DatabaseFacts:
    """What a backup states about its database, read from the copied state itself."""

    migrations: list[str]
    row_counts: dict[str, int]
    audit_chain_heads: dict[str, dict[str, Any]]


def _tables(cursor: Any, vendor: str) -> list[str]:
    if vendor == "postgresql":
        cursor.execute(
            "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() "
            "ORDER BY tablename"
        )
    else:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "ORDER BY name"
        )
    return [row[0] for row in cursor.fetchall()]


def read_facts(cursor: Any, vendor: str) -> DatabaseFacts:
    """Tables and their rows, applied migrations and audit chain heads, through a DB-API cursor."""
    tables = _tables(cursor, vendor)
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - a name from the catalogue
        counts[table] = int(cursor.fetchone()[0])
    migrations: list[str] = []
    if "django_migrations" in counts:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        migrations = [f"{app}.{name}" for app, name in cursor.fetchall()]
    heads: dict[str, dict[str, Any]] = {}
    if "audit_auditchainhead" in counts:
        cursor.execute("SELECT chain, seq, hash FROM audit_auditchainhead ORDER BY chain")
        heads = {chain: {"seq": int(seq), "hash": digest} for chain, seq, digest in cursor.fetchall()}
    return DatabaseFacts(migrations, counts, heads)


def table_names(connection: BaseDatabaseWrapper) -> list[str]:
    with connection.cursor() as cursor:
        return _tables(cursor, connection.vendor)


def refuse_in_transaction(connection: BaseDatabaseWrapper) -> None:
    # pg_dump and pg_restore are other sessions: they see committed rows only (and SQLite's backup
    # would copy what an open transaction has not committed yet).
    if connection.in_atomic_block:
        raise NotPossible("backup and restore cannot run inside a database transaction")


# -- SQLite -------------------------------------------------------------------------------------------


def sqlite_dump(connection: BaseDatabaseWrapper, target: Path) -> DatabaseFacts:
    refuse_in_transaction(connection)
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        return read_facts(copy.cursor(), "sqlite")
    finally:
        copy.close()


def sqlite_restore(connection: BaseDatabaseWrapper, source: Path) -> None:
    """Replace the whole database with the copy (every table, index and trigger)."""
    refuse_in_transaction(connection)
    connection.ensure_connection()
    copy = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy.backup(connection.connection)
    finally:
        copy.close()


# -- PostgreSQL ---------------------------------------------------------------------------------------


def _major(path: str) -> int:
    found = re.search(r"/(\d+)/bin/", path)
    return int(found.group(1)) if found else 0


def pg_tool(name: str) -> str:
    """The PostgreSQL client `name`: from WERKVREDE_PG_BIN_DIR when set, else PATH, else the newest
    of the Debian/Ubuntu versioned directories."""
    bin_dir = os.environ.get("WERKVREDE_PG_BIN_DIR", "").strip()
    if bin_dir:
        path = Path(bin_dir) / name
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise NotPossible(f"WERKVREDE_PG_BIN_DIR={bin_dir} holds no executable {name}")
        return str(path)
    found = shutil.which(name)
    if found:
        return found
    versioned = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_major)
    if versioned:
        return versioned[-1]
    raise NotPossible(f"{name} not found: install the PostgreSQL client or set WERKVREDE_PG_BIN_DIR")


def _libpq(settings_dict: dict[str, Any]) -> dict[str, str]:
    """libpq's connection parameters of a Django database (the password too: it goes to the child's
    environment, never to its command line)."""
    params = {
        "host": settings_dict.get("HOST") or "",
        "port": str(settings_dict.get("PORT") or ""),
        "user": settings_dict.get("USER") or "",
        "password": settings_dict.get("PASSWORD") or "",
        "dbname": settings_dict.get("NAME") or "",
    }
    options = settings_dict.get("OPTIONS") or {}
    params.update({key: str(value) for key, value in options.items() if key in _LIBPQ_OPTIONS})
    return {key: value for key, value in params.items() if value}


def conninfo(settings_dict: dict[str, Any], **overrides: str) -> str:
    """A libpq connection string for the database (`overrides`, e.g. another dbname)."""
    from psycopg.conninfo import make_conninfo

    return make_conninfo(**{**_libpq(settings_dict), **overrides})


def _pg_env(settings_dict: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    for key, value in _libpq(settings_dict).items():
        env["PG" + ("DATABASE" if key == "dbname" else key.upper())] = value
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        tool = Path(command[0]).name
        raise NotPossible(f"{tool} failed (exit {done.returncode}): {done.stderr.strip()[-2000:]}")


@contextmanager
def _exported_snapshot(settings_dict: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """A read-only repeatable-read transaction, its exported snapshot id and a cursor inside it."""
    import psycopg

    with psycopg.connect(conninfo(settings_dict)) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone() or ("",)
            yield str(snapshot), cursor
        conn.rollback()


def postgres_dump(connection: BaseDatabaseWrapper, target: Path) -> DatabaseFacts:
    refuse_in_transaction(connection)
    settings_dict = connection.settings_dict
    with _exported_snapshot(settings_dict) as (snapshot, cursor):
        _run(
            [pg_tool("pg_dump"), "--format=custom", f"--snapshot={snapshot}", f"--file={target}"],
            _pg_env(settings_dict),
        )
        return read_facts(cursor, "postgresql")


def postgres_restore(connection: BaseDatabaseWrapper, source: Path, *, replace: bool) -> None:
    """Load the dump into the database; with `replace`, every table there is dropped first."""
    refuse_in_transaction(connection)
    clean: list[str] = []
    if replace:
        tables = table_names(connection)
        if tables:
            with connection.cursor() as cursor:
                names = ", ".join(connection.ops.quote_name(table) for table in tables)
                cursor.execute(f"DROP TABLE IF EXISTS {names} CASCADE")
        # Functions and other objects of the dump that remain (the audit log's trigger functions).
        clean = ["--clean", "--if-exists"]
    connection.close()
    settings_dict = connection.settings_dict
    _run(
        [
            pg_tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            *clean,
            f"--dbname={settings_dict['NAME']}",
            str(source),
        ],
        _pg_env(settings_dict),
    )
