"""The audit log is a per-organisation hash chain (Refs issue #2); tampering is in test_tampering.py."""

from __future__ import annotations

import threading
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

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


def test_each_organisation_has_its_own_chain(events: list[AuditEvent]) -> None:
    other = Organisation.objects.create(name="Ander BV", slug="ander")
    event = audit.record("test.event.other", organisation_id=other.pk)
    assert event.seq == 1
    assert event.chain == f"org:{other.pk}"
    report = verify_all()
    assert report.breaks == []
    assert report.chains >= 2


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
    assert verify_all().breaks == []


def test_a_batch_of_events_keeps_every_chain_intact_and_locks_each_chain_once(
    organisation: Organisation, django_assert_num_queries: Callable[..., Any]
) -> None:
    """ADR 0201: a request's audited reads are appended in one go, one lock and one head update per
    chain, in the order given, each event chained to the one before it."""
    other = Organisation.objects.create(name="Ander BV", slug="ander")
    audit.record("test.event.before", organisation_id=organisation.pk)
    entries = [
        audit.Entry("test.event.batch", organisation.pk, object_id="1"),
        audit.Entry("test.event.batch", other.pk, object_id="2"),
        audit.Entry("test.event.batch", organisation.pk, object_id="3"),
        audit.Entry("test.event.batch", None, object_id="4"),
    ]
    # The savepoint and its release, the heads made if missing, locked, the events, three head updates.
    with django_assert_num_queries(8):
        events = audit.record_all(entries)
    assert [(e.chain, e.seq) for e in events] == [
        (f"org:{organisation.pk}", 2),
        (f"org:{other.pk}", 1),
        (f"org:{organisation.pk}", 3),
        ("system", events[3].seq),
    ]
    assert events[2].prev_hash == events[0].hash
    assert AuditEvent.objects.get(chain=f"org:{organisation.pk}", seq=3).hash == events[2].hash
    assert verify_all().breaks == []
    with django_assert_num_queries(0):
        assert audit.record_all([]) == []
    with pytest.raises(ValueError, match="namespaced"):
        audit.record_all([audit.Entry("unnamespaced", organisation.pk)])


def test_the_reads_of_one_request_are_written_with_one_lock(
    organisation: Organisation, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    from werkvrede.audit.reads import READ_ACTION, record_read, request_scope

    class Reader:
        user_id = 7
        role_codes = "BA"

    with django_assert_max_num_queries(6), request_scope():
        for category, subject in (("D03", 1), ("D04", 1), ("D03", 2)):
            record_read(
                Reader(),
                category=category,
                organisation_id=organisation.pk,
                case_id=None,
                subject_id=subject,
                basis="role:BA",
                object_type="sickness.verdict",
                object_id=str(subject),
            )
    reads = AuditEvent.objects.filter(action=READ_ACTION).order_by("seq")
    assert [(e.category, e.subject_id, e.seq) for e in reads] == [("D03", 1, 1), ("D04", 1, 2), ("D03", 2, 3)]
    assert verify_all().breaks == []
