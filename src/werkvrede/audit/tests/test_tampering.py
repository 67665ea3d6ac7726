"""Rewriting the audit log with write access to the database is refused or detected (ADR 0050).

The attacker can write every table but holds neither the chain key (it lives in the environment)
nor write access to the anchor file (other storage). Each test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, transaction

from werkvrede.accounts.models import Organisation
from werkvrede.audit import services as audit
from werkvrede.audit.models import AuditChainHead, AuditEvent
from werkvrede.audit.tests.attacker import (
    execute,
    rehash_with_plain_sha256,
    remove_append_only_guard,
    roll_head_back,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation() -> Organisation:
    return Organisation.objects.create(name="Keten BV", slug="keten")


@pytest.fixture
def events(organisation: Organisation) -> list[AuditEvent]:
    return [
        audit.record(f"test.event.number_{i}", organisation_id=organisation.pk, user_id=i, object_id=str(i))
        for i in range(1, 6)
    ]


@pytest.fixture
def anchor_file(settings: Any, tmp_path: Path) -> Path:
    path = tmp_path / "audit-anchors.jsonl"
    settings.WERKVREDE_AUDIT_ANCHOR_FILE = str(path)
    return path


def anchor() -> str:
    out = StringIO()
    call_command("audit_anchor", stdout=out, stderr=StringIO())
    return out.getvalue()


def verify_output_of_a_broken_log() -> str:
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("audit_verify", stdout=StringIO(), stderr=err)
    return err.getvalue()


def lines_of(chain: str, anchors: str) -> list[str]:
    """The anchor lines of one chain."""
    return [line for line in anchors.splitlines() if f'"chain":"{chain}"' in line]


def verify_passes() -> str:
    out = StringIO()
    call_command("audit_verify", stdout=out, stderr=StringIO())
    return out.getvalue()


# 1. Edit of one event.
def test_an_edited_event_is_named(events: list[AuditEvent]) -> None:
    remove_append_only_guard()
    execute("UPDATE audit_auditevent SET user_id = 99 WHERE id = %s", [events[2].pk])
    output = verify_output_of_a_broken_log()
    assert f"event id {events[2].pk} (seq 3)" in output
    assert "content differs" in output


def test_two_swapped_events_are_named(events: list[AuditEvent]) -> None:
    remove_append_only_guard()
    first, second = events[1], events[3]
    # Swap the recorded facts of two events, keeping their positions in the chain.
    sql = "UPDATE audit_auditevent SET action = %s, user_id = %s, object_id = %s WHERE id = %s"
    execute(sql, [second.action, second.user_id, second.object_id, first.pk])
    execute(sql, [first.action, first.user_id, first.object_id, second.pk])
    assert f"event id {first.pk} (seq 2)" in verify_output_of_a_broken_log()


# 2. Delete in the middle.
def test_an_event_deleted_in_the_middle_is_named(events: list[AuditEvent]) -> None:
    remove_append_only_guard()
    execute("DELETE FROM audit_auditevent WHERE id = %s", [events[1].pk])
    output = verify_output_of_a_broken_log()
    # The first event that no longer links is the one after the gap.
    assert f"event id {events[2].pk} (seq 3)" in output
    assert "missing" in output


# 3. Delete at the tail.
def test_a_deleted_tail_is_detected_through_the_chain_head(events: list[AuditEvent]) -> None:
    remove_append_only_guard()
    execute("DELETE FROM audit_auditevent WHERE id = %s", [events[-1].pk])
    assert "events at the end are missing" in verify_output_of_a_broken_log()


# 4. Delete at the tail and roll the head back.
def test_a_deleted_tail_with_its_head_rolled_back_is_caught_by_the_anchor(
    events: list[AuditEvent], anchor_file: Path
) -> None:
    anchor()
    remove_append_only_guard()
    execute("DELETE FROM audit_auditevent WHERE seq > 3 AND chain = %s", [events[0].chain])
    roll_head_back(events[0].chain)
    output = verify_output_of_a_broken_log()
    assert f"chain {events[0].chain}: end of chain (seq 3)" in output
    assert "shorter than its anchored head (seq 5" in output


def test_the_anchor_does_not_take_a_shortened_chain_as_its_new_head(
    events: list[AuditEvent], anchor_file: Path
) -> None:
    anchor()
    remove_append_only_guard()
    execute("DELETE FROM audit_auditevent WHERE seq > 3 AND chain = %s", [events[0].chain])
    roll_head_back(events[0].chain)
    lines_before = anchor_file.read_text()
    err = StringIO()
    with pytest.raises(CommandError, match="not anchored"):
        call_command("audit_anchor", stdout=StringIO(), stderr=err)
    assert "shorter than its anchored head (seq 5" in err.getvalue()
    # Nothing new about this chain (other chains of the database may be anchored as usual).
    assert lines_of(events[0].chain, anchor_file.read_text()) == lines_of(events[0].chain, lines_before)
    # The next daily check still names the loss.
    assert "shorter than its anchored head" in verify_output_of_a_broken_log()


def test_a_loss_after_a_restore_is_accepted_explicitly_and_on_the_record(
    events: list[AuditEvent], anchor_file: Path
) -> None:
    anchor()
    chain = events[0].chain
    remove_append_only_guard()
    # As a restore from a backup taken before the last two events were anchored would leave it.
    execute("DELETE FROM audit_auditevent WHERE seq > 3 AND chain = %s", [chain])
    roll_head_back(chain)
    out = StringIO()
    call_command("audit_anchor", "--accept-loss", chain, stdout=out, stderr=StringIO())
    accepted = AuditEvent.objects.get(chain=chain, seq=4)
    assert accepted.action == "audit.chain.loss_accepted"
    assert accepted.data == {"chain": chain}
    assert verify_passes().startswith("OK")
    # The earlier anchor stays in the file: the loss remains visible there.
    assert '"seq":5' in lines_of(chain, anchor_file.read_text())[0]


# 5. Edit and re-hash: the attacker recomputes the chain, with plain SHA-256 since they lack the key.
@pytest.mark.parametrize("keep_key_ids", [True, False], ids=["key-ids-kept", "marked-unkeyed"])
def test_an_edit_rehashed_without_the_key_is_named(events: list[AuditEvent], keep_key_ids: bool) -> None:
    remove_append_only_guard()
    execute("UPDATE audit_auditevent SET user_id = 99 WHERE id = %s", [events[2].pk])
    rehash_with_plain_sha256(events[0].chain, from_seq=3, keep_key_ids=keep_key_ids)
    output = verify_output_of_a_broken_log()
    assert f"event id {events[2].pk} (seq 3)" in output


def test_a_whole_chain_rehashed_without_the_key_is_caught_by_the_anchor(
    events: list[AuditEvent], anchor_file: Path
) -> None:
    anchor()
    remove_append_only_guard()
    execute("UPDATE audit_auditevent SET user_id = 99 WHERE id = %s", [events[2].pk])
    rehash_with_plain_sha256(events[0].chain, from_seq=1)
    output = verify_output_of_a_broken_log()
    # All five events now pose as events from before keyed hashing; the anchor says there were none.
    assert f"event id {events[0].pk} (seq 1)" in output
    assert "unkeyed" in output


def test_a_chain_rehashed_after_its_last_anchor_is_named(
    events: list[AuditEvent], anchor_file: Path, organisation: Organisation
) -> None:
    anchor()
    later = audit.record("test.event.later", organisation_id=organisation.pk)
    remove_append_only_guard()
    execute("UPDATE audit_auditevent SET user_id = 99 WHERE id = %s", [later.pk])
    rehash_with_plain_sha256(later.chain, from_seq=later.seq)
    assert f"event id {later.pk} (seq 6)" in verify_output_of_a_broken_log()


# 6. Delete a whole chain together with its head.
def test_a_chain_deleted_with_its_head_is_caught_by_the_anchor(
    events: list[AuditEvent], anchor_file: Path
) -> None:
    anchor()
    remove_append_only_guard()
    chain = events[0].chain
    execute("DELETE FROM audit_auditevent WHERE chain = %s", [chain])
    execute("DELETE FROM audit_auditchainhead WHERE chain = %s", [chain])
    assert f"chain {chain}: end of chain (seq 0): anchored at seq 5" in verify_output_of_a_broken_log()
    err = StringIO()
    with pytest.raises(CommandError, match="not anchored"):
        call_command("audit_anchor", stdout=StringIO(), stderr=err)
    assert f"chain {chain}: anchored at seq 5" in err.getvalue()


# 7. The database itself refuses UPDATE and DELETE on the audit table.
def test_the_database_refuses_to_update_an_audit_event(events: list[AuditEvent]) -> None:
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        execute("UPDATE audit_auditevent SET action = 'x.y.z' WHERE id = %s", [events[0].pk])
    assert AuditEvent.objects.get(pk=events[0].pk).action == events[0].action


def test_the_database_refuses_to_delete_an_audit_event(events: list[AuditEvent]) -> None:
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        execute("DELETE FROM audit_auditevent WHERE id = %s", [events[-1].pk])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(chain=events[0].chain).delete()
    assert AuditEvent.objects.filter(chain=events[0].chain).count() == 5


# The anchor file itself.
def test_an_honest_log_verifies_against_its_anchors(events: list[AuditEvent], anchor_file: Path) -> None:
    anchor()
    audit.record("test.event.after_anchor", organisation_id=events[0].organisation_id)
    output = verify_passes()
    assert output.startswith("OK")
    # Every chain in the database: this test's and any other test's that committed its events.
    assert f"{AuditChainHead.objects.count()} compared with their anchored head" in output


def test_each_run_appends_one_signed_line_per_chain(
    events: list[AuditEvent], anchor_file: Path, organisation: Organisation
) -> None:
    audit.record("test.event.system", organisation_id=None)
    anchor()
    first_run = anchor_file.read_text()
    audit.record("test.event.more", organisation_id=organisation.pk)
    anchor()
    second_run = anchor_file.read_text()
    assert second_run.startswith(first_run)  # appended, never rewritten
    chains = AuditChainHead.objects.count()
    assert chains >= 2  # this organisation's chain and the system chain
    assert len(first_run.splitlines()) == chains
    assert len(second_run.splitlines()) == 2 * chains
    last = second_run.splitlines()[chains:]
    assert any(f'"chain":"{events[0].chain}"' in line and '"seq":6' in line for line in last)
    assert all('"signature":' in line and '"key_id":"test1"' in line for line in last)


def test_a_tampered_anchor_line_is_reported(events: list[AuditEvent], anchor_file: Path) -> None:
    anchor()
    text = anchor_file.read_text()
    [line] = lines_of(events[0].chain, text)
    assert '"seq":5' in line
    # Someone who can reach the anchor file but not the key lowers the anchored head.
    anchor_file.write_text(text + line.replace('"seq":5', '"seq":3') + "\n")
    line_number = len(text.splitlines()) + 1
    assert f"anchor file line {line_number}: the signature does not match" in verify_output_of_a_broken_log()


def test_without_an_anchor_file_setting_anchoring_is_refused(events: list[AuditEvent], settings: Any) -> None:
    settings.WERKVREDE_AUDIT_ANCHOR_FILE = ""
    with pytest.raises(CommandError, match="WERKVREDE_AUDIT_ANCHOR_FILE"):
        anchor()
