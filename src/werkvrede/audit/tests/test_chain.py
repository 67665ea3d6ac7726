"""The audit log is a per-organisation hash chain that names the first altered event (Refs issue #2)."""

from __future__ import annotations

import threading
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from werkvrede.accounts.models import Organisation
from werkvrede.audit import services as audit
from werkvrede.audit.models import AuditEvent
from werkvrede.audit.verify import verify_all

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


def _without_append_only_guard() -> None:
    """Act as someone with direct database access who first removes the append-only trigger."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A superuser can switch triggers off for the transaction (as replication does).
            cursor.execute("SET LOCAL session_replication_role = replica")
        else:
            cursor.execute("DROP TRIGGER audit_event_append_only")


def _verify_output() -> str:
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("audit_verify", stdout=StringIO(), stderr=err)
    return err.getvalue()


def test_audit_verify_passes_on_a_fresh_database() -> None:
    out = StringIO()
    call_command("audit_verify", stdout=out)
    assert out.getvalue().startswith("OK")


def test_audit_verify_passes_on_an_honest_chain(events: list[AuditEvent]) -> None:
    out = StringIO()
    call_command("audit_verify", stdout=out)
    assert "OK" in out.getvalue()
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert events[1].prev_hash == events[0].hash


def test_an_altered_row_is_named(events: list[AuditEvent]) -> None:
    _without_append_only_guard()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET user_id = 99 WHERE id = %s", [events[2].pk])
    output = _verify_output()
    assert f"event id {events[2].pk} (seq 3)" in output
    assert "content differs" in output


def test_a_deleted_row_is_named(events: list[AuditEvent]) -> None:
    _without_append_only_guard()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [events[1].pk])
    output = _verify_output()
    # The first event that no longer links is the one after the gap.
    assert f"event id {events[2].pk} (seq 3)" in output
    assert "missing" in output


def test_two_swapped_rows_are_named(events: list[AuditEvent]) -> None:
    _without_append_only_guard()
    first, second = events[1], events[3]
    with connection.cursor() as cursor:
        # Swap the recorded facts of two events, keeping their positions in the chain.
        cursor.execute(
            "UPDATE audit_auditevent SET action = %s, user_id = %s, object_id = %s WHERE id = %s",
            [second.action, second.user_id, second.object_id, first.pk],
        )
        cursor.execute(
            "UPDATE audit_auditevent SET action = %s, user_id = %s, object_id = %s WHERE id = %s",
            [first.action, first.user_id, first.object_id, second.pk],
        )
    output = _verify_output()
    assert f"event id {first.pk} (seq 2)" in output


def test_a_truncated_tail_is_detected_through_the_chain_head(events: list[AuditEvent]) -> None:
    _without_append_only_guard()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [events[-1].pk])
    assert "events at the end are missing" in _verify_output()


def test_the_database_refuses_to_update_an_audit_event(events: list[AuditEvent]) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'x.y.z' WHERE id = %s", [events[0].pk])


def test_each_organisation_has_its_own_chain(events: list[AuditEvent]) -> None:
    other = Organisation.objects.create(name="Ander BV", slug="ander")
    event = audit.record("test.event.other", organisation_id=other.pk)
    assert event.seq == 1
    assert event.chain == f"org:{other.pk}"
    checked, breaks = verify_all()
    assert breaks == []
    assert checked >= 2


def test_events_never_carry_free_text_or_secrets(organisation: Organisation) -> None:
    with pytest.raises(ValueError, match="scalar reference"):
        audit.record("test.event.bad", organisation_id=organisation.pk, data={"notes": ["long", "story"]})
    with pytest.raises(ValueError, match="too long"):
        audit.record("test.event.bad", organisation_id=organisation.pk, data={"notes": "x" * 500})
    event = audit.record("test.event.masked", organisation_id=organisation.pk, data={"reset_token": "abc"})
    assert event.data == {"reset_token": "***"}
    with pytest.raises(ValueError, match="namespaced"):
        audit.record("unnamespaced", organisation_id=organisation.pk)


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_of_one_organisation_keep_the_chain_intact(on_postgres: None) -> None:
    organisation = Organisation.objects.create(name="Druk BV", slug="druk")
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(10):
                audit.record(
                    "test.event.concurrent", organisation_id=organisation.pk, user_id=n, object_id=str(i)
                )
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    seqs = list(
        AuditEvent.objects.filter(chain=f"org:{organisation.pk}")
        .order_by("seq")
        .values_list("seq", flat=True)
    )
    assert seqs == list(range(1, 41))
    assert verify_all()[1] == []
