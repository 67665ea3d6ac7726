"""`manage.py documents_verify` names every broken document and fails; passes when all are intact."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from werkvrede.core.roles import Role
from werkvrede.documents.models import Document
from werkvrede.documents.tests.helpers import make_agreement, sign


def test_documents_verify_passes_and_then_names_each_broken_document(world):
    a = world.a
    org = a.organisation.pk
    employee = a.users[Role.EMPLOYEE]
    intact = make_agreement(a.users[Role.MEDIATOR], org, [employee], owner_id=1)
    changed = make_agreement(a.users[Role.MEDIATOR], org, [employee], owner_id=2)
    rehashed = make_agreement(a.users[Role.MEDIATOR], org, [employee], owner_id=3)
    for doc in (intact, changed, rehashed):
        sign(employee, org, doc)
    out = StringIO()
    call_command("documents_verify", stdout=out)
    assert out.getvalue().strip() == "OK: 3 documents verified"

    Document.objects.filter(pk=changed.pk).update(title="Iets anders")
    Document.objects.filter(pk=rehashed.pk).update(content_hash="0" * 64)
    err = StringIO()
    with pytest.raises(CommandError, match="2 of 3 documents are broken"):
        call_command("documents_verify", stdout=StringIO(), stderr=err)
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"BROKEN MEDIATION_AGREEMENT v1 (document {changed.pk}) [content]")
    assert lines[1].startswith(f"BROKEN MEDIATION_AGREEMENT v1 (document {rehashed.pk}) [content]")
    assert f"document {intact.pk}" not in err.getvalue()

    # Another organisation's documents are not this organisation's problem.
    out = StringIO()
    call_command("documents_verify", "--organisation", str(world.b.organisation.pk), stdout=out)
    assert out.getvalue().strip() == "OK: 0 documents verified"
