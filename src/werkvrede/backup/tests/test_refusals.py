"""What `backup` and `restore` refuse, before they change anything (ADR 0152)."""

from __future__ import annotations

import hashlib
import json
import os
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from werkvrede.backup import database
from werkvrede.backup.services import FORMAT, FORMAT_VERSION
from werkvrede.core.refusals import NotPossible


def _backup_dir(tmp_path: Path, **manifest: Any) -> Path:
    """A well-formed backup directory whose database file is a stand-in (never loaded: refused first)."""
    src = tmp_path / "backup"
    src.mkdir()
    dump = database.DUMP_FILES[connection.vendor]
    (src / dump).write_bytes(b"stand-in")
    content = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "werkvrede_version": "0.1.0",
        "created_at": "2026-12-01T03:00:00+00:00",
        "database": {"vendor": connection.vendor, "file": dump},
        "migrations": ["audit.0001_initial"],
        "row_counts": {},
        "audit_chain_heads": {},
        "documents": True,
        "files": {dump: hashlib.sha256(b"stand-in").hexdigest()},
        **manifest,
    }
    (src / "manifest.json").write_text(json.dumps(content))
    return src


def _restore(src: Path, *args: str) -> None:
    call_command("restore", str(src), *args, stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db
def test_backup_refuses_a_used_directory_and_an_open_transaction(tmp_path: Path) -> None:
    used = tmp_path / "used"
    used.mkdir()
    (used / "manifest.json").write_text("{}")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("backup", str(used), stdout=StringIO())
    # A test runs inside a transaction: what it has not committed would not be in the copy.
    with pytest.raises(CommandError, match="inside a database transaction"):
        call_command("backup", str(tmp_path / "new"), stdout=StringIO())
    assert not (tmp_path / "new").exists()


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_whole_backup_of_this_kind(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"holds no manifest\.json"):
        _restore(tmp_path)

    src = _backup_dir(tmp_path)
    (src / database.DUMP_FILES[connection.vendor]).write_bytes(b"stand-In")
    with pytest.raises(CommandError, match="differs from the manifest's SHA-256"):
        _restore(src)
    (src / database.DUMP_FILES[connection.vendor]).unlink()
    with pytest.raises(CommandError, match="is missing from the backup"):
        _restore(src)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("manifest", "refusal"),
    [
        ({"format_version": 99}, "not a werkvrede-backup manifest of version 1"),
        ({"files": {"../outside": "0" * 64}}, "a file outside the backup"),
        ({"database": {"vendor": "oracle", "file": "x"}, "files": {}}, "the backup is of a oracle database"),
        ({"migrations": ["audit.9999_from_the_future"]}, "migrations this code does not know"),
        ({}, "the database is not empty"),
    ],
)
def test_restore_refuses_before_changing_anything(
    tmp_path: Path, manifest: dict[str, Any], refusal: str
) -> None:
    with pytest.raises(CommandError, match=refusal):
        _restore(_backup_dir(tmp_path, **manifest))


def test_the_postgresql_clients_come_from_werkvrede_pg_bin_dir_when_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WERKVREDE_PG_BIN_DIR", str(tmp_path))
    with pytest.raises(NotPossible, match="holds no executable pg_dump"):
        database.pg_tool("pg_dump")
    tool = tmp_path / "pg_dump"
    tool.write_text("#!/bin/sh\n")
    os.chmod(tool, 0o700)
    assert database.pg_tool("pg_dump") == str(tool)
