"""The chain is hashed with a key kept outside the database; keys rotate (ADR 0050)."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from werkvrede.accounts.models import Organisation
from werkvrede.audit import services as audit
from werkvrede.audit.hashing import canonical, event_hash
from werkvrede.audit.keys import parse_audit_keys
from werkvrede.audit.models import AuditChainHead, AuditEvent
from werkvrede.audit.services import hashed_fields
from werkvrede.config.settings.local_keys import local_audit_keys
from werkvrede.vault.keys import new_data_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation() -> Organisation:
    return Organisation.objects.create(name="Sleutel BV", slug="sleutel")


def _verify() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    with contextlib.suppress(CommandError):
        call_command("audit_verify", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_an_event_is_hashed_with_the_newest_key_and_names_it(
    organisation: Organisation, settings: Any
) -> None:
    k2, k1 = new_data_key("k2"), new_data_key("k1")
    settings.WERKVREDE_AUDIT_KEYS = f"{k2},{k1}"
    event = audit.record("test.event.keyed", organisation_id=organisation.pk, user_id=7)
    assert event.key_id == "k2"
    key = parse_audit_keys(settings.WERKVREDE_AUDIT_KEYS).keys["k2"]
    # Not a plain hash: without the key the stored hash cannot be recomputed.
    assert event.hash != event_hash(event.prev_hash, hashed_fields(event))
    assert len(key) == 32
    assert event.hash == hmac.new(key, _message(event), hashlib.sha256).hexdigest()


def _message(event: AuditEvent) -> bytes:
    return b"werkvrede.audit.event\n" + event.prev_hash.encode() + b"\n" + canonical(hashed_fields(event))


def test_rotation_keeps_older_events_verifiable_while_their_key_is_configured(
    organisation: Organisation, settings: Any
) -> None:
    k1, k2 = new_data_key("k1"), new_data_key("k2")
    # The suite's own key stays last: other chains in the database were hashed with it.
    suite_key = settings.WERKVREDE_AUDIT_KEYS
    settings.WERKVREDE_AUDIT_KEYS = f"{k1},{suite_key}"
    old = [audit.record("test.event.old", organisation_id=organisation.pk) for _ in range(3)]
    settings.WERKVREDE_AUDIT_KEYS = f"{k2},{k1},{suite_key}"
    new = [audit.record("test.event.new", organisation_id=organisation.pk) for _ in range(2)]
    assert [e.key_id for e in old + new] == ["k1", "k1", "k1", "k2", "k2"]
    assert new[0].prev_hash == old[-1].hash
    out, err = _verify()
    assert out.startswith("OK") and err == ""

    settings.WERKVREDE_AUDIT_KEYS = f"{k2},{suite_key}"  # k1 removed
    out, err = _verify()
    assert f"event id {old[0].pk} (seq 1)" in err
    assert "key 'k1' is not configured in WERKVREDE_AUDIT_KEYS" in err


def _record_as_before_keyed_hashing(organisation: Organisation, count: int) -> list[AuditEvent]:
    """Events as the log stored them before keyed hashing: plain SHA-256, no key id."""
    chain = audit.chain_key(organisation.pk)
    head, _ = AuditChainHead.objects.get_or_create(chain=chain)
    made = []
    for _ in range(count):
        event = AuditEvent(
            chain=chain,
            seq=head.seq + 1,
            organisation_id=organisation.pk,
            occurred_at=timezone.now(),
            action="test.event.legacy",
            data={},
            prev_hash=head.hash,
        )
        event.hash = event_hash(head.hash, hashed_fields(event))
        event.save(force_insert=True)
        head.seq, head.hash = event.seq, event.hash
        head.save()
        made.append(event)
    return made


def test_the_chain_continues_after_events_from_before_keyed_hashing(organisation: Organisation) -> None:
    legacy = _record_as_before_keyed_hashing(organisation, 3)
    assert [e.key_id for e in legacy] == ["", "", ""]
    keyed = audit.record("test.event.keyed", organisation_id=organisation.pk)
    assert keyed.seq == 4
    assert keyed.key_id == "test1"
    assert keyed.prev_hash == legacy[-1].hash
    out, err = _verify()
    assert out.startswith("OK") and err == ""
    assert f"3 unkeyed events (from before keyed hashing) in chain {keyed.chain}" in out


def test_an_unkeyed_event_after_a_keyed_one_is_a_break(organisation: Organisation) -> None:
    first = audit.record("test.event.keyed", organisation_id=organisation.pk)
    forged = _record_as_before_keyed_hashing(organisation, 1)[0]
    assert forged.prev_hash == first.hash
    _, err = _verify()
    assert f"event id {forged.pk} (seq 2)" in err
    assert "unkeyed event after a keyed one" in err


def test_record_adds_no_query_for_the_key(organisation: Organisation) -> None:
    audit.record("test.event.first", organisation_id=organisation.pk)
    with CaptureQueriesContext(connection) as queries:
        audit.record("test.event.second", organisation_id=organisation.pk)
    # Savepoint, head insert-or-ignore, head lock, event insert, head update, release: as before keys.
    assert len(queries.captured_queries) == 6


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("", "empty"),
        ("k1", "key-id:base64"),
        ("k1:not-base64!", "not valid base64"),
        ("k1:" + "QUJD", "32 bytes"),
        ("k 1:" + new_data_key("x").split(":")[1], "key id"),
    ],
    # The generated key differs per process: parallel workers must collect the same test ids.
    ids=["empty", "no-colon", "not-base64", "short", "space-in-id"],
)
def test_malformed_audit_keys_are_refused(spec: str, message: str) -> None:
    with pytest.raises(ImproperlyConfigured, match=message):
        parse_audit_keys(spec)


def test_record_refuses_without_audit_keys(organisation: Organisation, settings: Any) -> None:
    settings.WERKVREDE_AUDIT_KEYS = ""
    with pytest.raises(ImproperlyConfigured, match="WERKVREDE_AUDIT_KEYS"):
        audit.record("test.event.nokey", organisation_id=organisation.pk)


def test_development_generates_one_local_audit_key(tmp_path: Path) -> None:
    first = local_audit_keys(tmp_path)
    assert first == local_audit_keys(tmp_path)
    assert (tmp_path / "keys" / "audit_keys").stat().st_mode & 0o777 == 0o600
    assert parse_audit_keys(first).current_id == "dev1"


@pytest.mark.parametrize("missing", ["WERKVREDE_AUDIT_KEYS", "WERKVREDE_AUDIT_ANCHOR_FILE"])
def test_production_refuses_to_start_without_audit_keys_or_anchor_file(missing: str) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SECRET_KEY": "x" * 60,
        "WERKVREDE_DATA_KEYS": new_data_key("d1"),
        "WERKVREDE_AUDIT_KEYS": new_data_key("a1"),
        "WERKVREDE_AUDIT_ANCHOR_FILE": "/var/lib/werkvrede-anchors/audit-anchors.jsonl",
        "WERKVREDE_BASE_URL": "https://werkvrede.example.nl",
        "WERKVREDE_FROM_EMAIL": "noreply@werkvrede.example.nl",
        "WERKVREDE_SMTP_HOST": "smtp.example.nl",
    }
    del env[missing]
    result = subprocess.run(
        [sys.executable, "-c", "import werkvrede.config.settings.prod"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"Set {missing}" in result.stderr
