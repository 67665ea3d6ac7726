"""The audit log is a per-organisation hash chain (Refs issue #2); tampering is in test_tampering.py."""

from __future__ import annotations

import threading
from io import StringIO

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
