"""The test suite's flush empties the audit table without weakening its guard (ADR 0050)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import DatabaseError, transaction

from werkvrede.accounts.models import Organisation
from werkvrede.audit import services as audit
from werkvrede.audit.models import AuditEvent
from werkvrede.audit.tests.attacker import execute


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_audit_table_and_the_table_still_refuses_deletes() -> None:
    organisation = Organisation.objects.create(name="Leeg BV", slug="leeg")
    audit.record("test.event.before_flush", organisation_id=organisation.pk)
    call_command("flush", interactive=False, verbosity=0)
    assert AuditEvent.objects.count() == 0

    organisation = Organisation.objects.create(name="Leeg BV", slug="leeg")
    event = audit.record("test.event.after_flush", organisation_id=organisation.pk)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        execute("UPDATE audit_auditevent SET action = 'x.y.z' WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()
