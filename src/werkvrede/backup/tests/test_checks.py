"""The checks after a restore name each difference from the manifest (ADR 0152, decision 4)."""

from __future__ import annotations

import hashlib
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction

from conftest import World
from werkvrede.audit import precommit
from werkvrede.audit import services as audit
from werkvrede.backup import database
from werkvrede.backup.services import check_restored, documents_storage


def _manifest_of_this_database() -> dict[str, Any]:
    with connection.cursor() as cursor:
        facts = database.read_facts(cursor, connection.vendor)
    return {
        "migrations": facts.migrations,
        "row_counts": facts.row_counts,
        "audit_chain_heads": facts.audit_chain_heads,
        "files": {},
    }


class _UndoneError(Exception):
    pass


def test_the_checks_pass_on_the_same_state_and_name_each_difference(
    world: World, tmp_path: Path, settings: Any
) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "documents"},
        },
    }
    storage = documents_storage()
    assert storage is not None
    storage.save("1/1/v1.pdf", ContentFile(b"%PDF-1.7 signed"))
    manifest = _manifest_of_this_database()
    manifest["files"] = {"documents/1/1/v1.pdf": hashlib.sha256(b"%PDF-1.7 signed").hexdigest()}

    report = check_restored(manifest=manifest)
    assert report.problems == []
    assert report.notes == []
    assert any("audit chains verified with their keys" in line for line in report.checks)

    users = manifest["row_counts"]["accounts_user"]
    changed = {
        **manifest,
        "row_counts": {**manifest["row_counts"], "accounts_user": users + 1},
        "files": {"documents/1/1/v1.pdf": "0" * 64},
    }
    assert check_restored(manifest=changed).problems == [
        f"table accounts_user: {users} rows, the backup has {users + 1}",
        "document file 1/1/v1.pdf differs from the backup",
    ]

    # The anchor file knows a head the restored chain does not reach: events after the backup.
    settings.WERKVREDE_AUDIT_ANCHOR_FILE = str(tmp_path / "anchors.jsonl")
    chain = f"org:{world.a.organisation.pk}"
    with pytest.raises(_UndoneError), transaction.atomic():
        audit.record("backup.archive.created", organisation_id=world.a.organisation.pk, data={})
        precommit.run(connection)  # appended now, as at a commit, so the anchor sees it (ADR 0212)
        call_command("audit_anchor", stdout=StringIO())
        raise _UndoneError
    report = check_restored(manifest=manifest)
    assert report.problems == []
    assert any(line.startswith(f"anchor file: chain {chain}") for line in report.notes)
    assert any("audit_anchor --accept-loss CHAIN" in line for line in report.notes)
