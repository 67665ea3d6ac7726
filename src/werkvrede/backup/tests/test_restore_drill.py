"""The restore drill (issue #16 point 6): back up a populated database, restore it into a new one.

The backup runs here, on the test database (SQLite in the SQLite pass, PostgreSQL in the PostgreSQL
pass); the restore runs as its own `manage.py restore` process with the production settings, into
a new SQLite file or a new PostgreSQL database made (and dropped) by the test. The test then reads
the new database itself: row counts per table, document files, audit chain heads, and the sealed
row, which opens with the right key only (I1). No key is in any file of the backup.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from conftest import World
from werkvrede.backup import database
from werkvrede.backup.services import documents_storage
from werkvrede.core.actor import SYSTEM
from werkvrede.core.roles import Role
from werkvrede.documents.tests.helpers import make_agreement, sign
from werkvrede.vault.crypto import Keyring, SealedContentError, decrypt, keyring
from werkvrede.vault.services import seal

REPO = Path(__file__).resolve().parents[4]
MANAGE = str(REPO / "manage.py")
PLAINTEXT = "Medische notitie: rugklachten sinds de reorganisatie, herstel verwacht in zes weken."
PDF = b"%PDF-1.7\n% getekende vaststellingsovereenkomst\n%%EOF\n"


def _key_bytes(spec: str) -> list[bytes]:
    return [base64.b64decode(item.partition(":")[2]) for item in spec.split(",") if item.strip()]


def _encodings(key: bytes) -> list[bytes]:
    """A key as it might appear in a file: raw, hex, base64 (standard, URL-safe, unpadded)."""
    b64 = base64.b64encode(key)
    urlsafe = base64.urlsafe_b64encode(key)
    return [
        key,
        key.hex().encode(),
        key.hex().upper().encode(),
        b64,
        urlsafe,
        b64.rstrip(b"="),
        urlsafe.rstrip(b"="),
    ]


def _backup_texts(dest: Path) -> Iterator[tuple[str, bytes]]:
    """Every file of the backup as stored, and a PostgreSQL dump also as the SQL it holds (the
    custom format compresses, so its bytes alone would hide a key)."""
    for path in sorted(p for p in dest.rglob("*") if p.is_file()):
        yield str(path.relative_to(dest)), path.read_bytes()
        if path.name == "database.dump":
            sql = subprocess.run(
                [database.pg_tool("pg_restore"), "--file=-", str(path)], capture_output=True, check=True
            ).stdout
            yield "database.dump as SQL", sql


@contextmanager
def _new_database(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """A new, empty database of the test database's kind: its URL and how to open it here."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield f"sqlite:///{path}", lambda: sqlite3.connect(path)
        return
    config = connection.settings_dict
    admin = database.conninfo(config, dbname="postgres")
    name = f"{config['NAME']}_restore_drill"
    with psycopg.connect(admin, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.execute(f'CREATE DATABASE "{name}"')
    user, password = config["USER"] or "postgres", config["PASSWORD"] or ""
    host, port = config["HOST"] or "127.0.0.1", config["PORT"] or 5432
    auth = f"{user}:{password}" if password else user
    try:
        yield (
            f"postgres://{auth}@{host}:{port}/{name}",
            lambda: psycopg.connect(database.conninfo(config, dbname=name)),
        )
    finally:
        with psycopg.connect(admin, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, MANAGE, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def _production_env(tmp_path: Path, database_url: str) -> dict[str, str]:
    """The production settings with this test's keys (the keys travel apart from the backup)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WERKVREDE_", "DJANGO_"))}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "werkvrede.config.settings.prod",
        "DATABASE_URL": database_url,
        "WERKVREDE_DATA_DIR": str(tmp_path / "restored-site"),
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "WERKVREDE_DATA_KEYS": settings.WERKVREDE_DATA_KEYS,
        "WERKVREDE_AUDIT_KEYS": settings.WERKVREDE_AUDIT_KEYS,
        "WERKVREDE_AUDIT_ANCHOR_FILE": str(tmp_path / "restored-site" / "audit-anchors.jsonl"),
        "WERKVREDE_BASE_URL": "https://werkvrede.example",
        "WERKVREDE_FROM_EMAIL": "Werkvrede <noreply@werkvrede.example>",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }


@pytest.fixture
def documents_dir(tmp_path: Path, settings: Any) -> Path:
    location = tmp_path / "documents"
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": location},
        },
    }
    return location


@pytest.mark.django_db(transaction=True)
def test_restore_drill(world: World, tmp_path: Path, documents_dir: Path) -> None:
    a = world.a
    org = a.organisation.pk
    sealed = seal(actor=SYSTEM, organisation_id=org, compartment="D01", plaintext=PLAINTEXT)
    employee = a.users[Role.EMPLOYEE]
    document = make_agreement(a.users[Role.MEDIATOR], org, [employee])
    sign(employee, org, document)
    storage = documents_storage()
    assert storage is not None
    storage.save(f"{org}/{document.pk}/v1.pdf", ContentFile(PDF))
    storage.save(f"{org}/{document.pk}/v1.html", ContentFile(b"<h1>Mediationovereenkomst</h1>"))
    with connection.cursor() as cursor:
        before = database.read_facts(cursor, connection.vendor)

    dest = tmp_path / "backup"
    call_command("backup", str(dest), stdout=StringIO())

    manifest = json.loads((dest / "manifest.json").read_text())
    assert manifest["row_counts"] == before.row_counts
    assert manifest["migrations"] == before.migrations
    assert manifest["audit_chain_heads"] == before.audit_chain_heads
    assert manifest["row_counts"]["vault_sealedcontent"] >= 1
    source_files = {
        name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in documents_dir.rglob("*")
        if path.is_file()
        for name in [path.relative_to(documents_dir).as_posix()]
    }
    assert {f"{org}/{document.pk}/v1.pdf", f"{org}/{document.pk}/v1.html"} <= set(source_files)
    # The signed agreement was frozen at its lock: its stored bytes are in the backup too (ADR 0149).
    document.refresh_from_db()
    assert {document.pdf_name, document.html_name} <= set(source_files)
    assert {
        n.removeprefix("documents/"): h for n, h in manifest["files"].items() if n.startswith("documents/")
    } == (source_files)

    # No key in any encoding and no sealed plaintext in any file of the backup.
    secrets = [settings.SECRET_KEY.encode()]
    for key in _key_bytes(settings.WERKVREDE_DATA_KEYS) + _key_bytes(settings.WERKVREDE_AUDIT_KEYS):
        secrets += _encodings(key)
    texts = list(_backup_texts(dest))
    assert any(sealed.key_id.encode() in text for _, text in texts)  # the search does see the rows
    for name, text in texts:
        assert not [s for s in secrets if s in text], f"key material in {name}"
        assert PLAINTEXT.encode() not in text, f"sealed content in the clear in {name}"

    with _new_database(tmp_path) as (url, open_restored):
        env = _production_env(tmp_path, url)
        done = _manage(env, "restore", str(dest))
        assert done.returncode == 0, done.stderr + done.stdout
        assert f"OK: restored {dest}" in done.stdout
        assert "audit chains verified with their keys" in done.stdout
        assert "1 documents verified" in done.stdout

        restored = open_restored()
        try:
            cursor = restored.cursor()
            after = database.read_facts(cursor, connection.vendor)
            cursor.execute(
                "SELECT id, organisation_id, compartment, key_id, nonce, ciphertext FROM vault_sealedcontent"
            )
            rows = {uuid.UUID(str(row[0])): row[1:] for row in cursor.fetchall()}
            organisation_id, compartment, key_id, nonce, ciphertext = rows[sealed.pk]
            cursor.execute("SELECT action FROM audit_auditevent ORDER BY id DESC LIMIT 1")
            (last_action,) = cursor.fetchone()
        finally:
            restored.close()

        # Into a database that is not empty only with --force, which replaces what is there.
        replaced = _manage(env, "restore", "--force", str(dest))
        assert replaced.returncode == 0, replaced.stderr + replaced.stdout

    # Every table as in the backup; the audit log has one event more: the restore itself.
    audit_tables = {"audit_auditevent", "audit_auditchainhead"}
    assert {t: n for t, n in after.row_counts.items() if t not in audit_tables} == {
        t: n for t, n in manifest["row_counts"].items() if t not in audit_tables
    }
    assert after.row_counts["audit_auditevent"] == manifest["row_counts"]["audit_auditevent"] + 1
    assert last_action == "backup.archive.restored"
    assert {c: h for c, h in after.audit_chain_heads.items() if c != "system"} == {
        c: h for c, h in manifest["audit_chain_heads"].items() if c != "system"
    }
    assert after.migrations == manifest["migrations"]
    restored_dir = tmp_path / "restored-site" / "documents"
    assert {
        path.relative_to(restored_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in restored_dir.rglob("*")
        if path.is_file()
    } == source_files

    # I1: the restored ciphertext opens with the right key only.
    associated = f"werkvrede.sealed|{sealed.pk}|{organisation_id}|{compartment}".encode()
    nonce, ciphertext = bytes(nonce), bytes(ciphertext)
    assert decrypt(keyring(), key_id, nonce, ciphertext, associated) == PLAINTEXT
    wrong = Keyring(current_id=key_id, keys={key_id: os.urandom(32)})
    with pytest.raises(SealedContentError):
        decrypt(wrong, key_id, nonce, ciphertext, associated)
    absent = Keyring(current_id="other", keys={"other": os.urandom(32)})
    with pytest.raises(SealedContentError):
        decrypt(absent, key_id, nonce, ciphertext, associated)
