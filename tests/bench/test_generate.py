"""The bench generator at a tiny size on PostgreSQL: consistent data a generated person can work with."""

from __future__ import annotations

import pytest
from django.db import connection, models
from django.test import Client

from tests.bench.scripts import load
from werkvrede.accounts.models import Membership, Organisation, RoleGrant, User
from werkvrede.audit.keys import audit_keyring
from werkvrede.audit.models import AuditChainHead, AuditEvent
from werkvrede.audit.verify import verify_chain
from werkvrede.cases.models import Case, CaseDeadline, CaseParticipant, CaseParty, TimelineEvent

generate = load("generate")
session = load("session")

GENERATED = (Membership, RoleGrant, Case, CaseParty, CaseParticipant, TimelineEvent, CaseDeadline, AuditEvent)


def _dangling(model: type[models.Model]) -> list[str]:
    """The foreign keys of `model` that point at no row (the copy runs without row-by-row checks)."""
    found = []
    with connection.cursor() as cursor:
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.ForeignKey):
                continue
            target = field.related_model._meta
            cursor.execute(
                f"SELECT count(*) FROM {model._meta.db_table} t LEFT JOIN {target.db_table} r "  # noqa: S608
                f"ON r.{target.pk.column} = t.{field.column} "
                f"WHERE t.{field.column} IS NOT NULL AND r.{target.pk.column} IS NULL"
            )
            if cursor.fetchone()[0]:
                found.append(f"{model.__name__}.{field.name}")
    return found


@pytest.fixture(params=["kept", "rebuilt"])
def generated(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, on_postgres: None, db: None
) -> object:
    if request.param == "rebuilt":
        monkeypatch.setenv("WERKVREDE_BENCH_REBUILD_INDEXES", "1")
    size = generate.Size(cases=200, organisations=3)
    lines: list[str] = []
    indexes = generate.secondary_indexes()
    assert indexes
    generate.generate(size, progress=lines.append, demo=False)
    assert lines[-1].startswith("bench data ready")
    # Kept, or dropped for the copy and built again after it.
    assert generate.secondary_indexes() == indexes
    return size


def test_counts_references_and_sequences(generated: object) -> None:
    big = Organisation.objects.get(slug=generate.BIG_ORGANISATION_SLUG)
    organisations = Organisation.objects.filter(slug__startswith="bench-")
    assert organisations.count() == 3
    # A tenth of the cases in the measured organisation, the rest spread over the others.
    assert Case.objects.filter(organisation=big).count() == 20
    assert Case.objects.filter(organisation__in=organisations).count() == 200
    bench_cases = Case.objects.filter(organisation__in=organisations)
    assert TimelineEvent.objects.filter(case__in=bench_cases).count() == 200 * generate.TIMELINE_PER_CASE
    assert AuditEvent.objects.filter(organisation__in=organisations).count() == 200 * generate.AUDIT_PER_CASE
    assert CaseParty.objects.filter(case__in=bench_cases).count() == 400
    assert CaseParticipant.objects.filter(case__in=bench_cases).count() == 600
    assert [model.__name__ for model in GENERATED if _dangling(model)] == []
    # The sequences stand after the copied ids: a row made the ordinary way gets a fresh one.
    hr = User.objects.get(email=generate.BIG_HR_EMAIL)
    case = Case.objects.create(
        organisation=big, reference="B-NEW", signalled_on=big.created_at.date(), signalled_by=hr
    )
    assert case.pk > Case.objects.exclude(pk=case.pk).order_by("-pk").values_list("pk", flat=True)[0]
    assert generate.marker() == generated


def test_audit_events_form_valid_chains(generated: object) -> None:
    ring = audit_keyring()
    for organisation in Organisation.objects.filter(slug__startswith="bench-"):
        chain = f"org:{organisation.pk}"
        assert verify_chain(chain, ring=ring).chain_break is None
        head = AuditChainHead.objects.get(chain=chain)
        assert head.seq == AuditEvent.objects.filter(chain=chain).count()


def test_pages_of_a_generated_person_answer(generated: object) -> None:
    client = Client()
    client.cookies["sessionid"] = session.session_for(generate.BIG_HR_EMAIL, generate.BIG_ORGANISATION_SLUG)
    big = Organisation.objects.get(slug=generate.BIG_ORGANISATION_SLUG)
    case = Case.objects.filter(organisation=big).order_by("pk")[10]
    for path in ("/", "/zaken/", f"/zaken/{case.pk}/", "/api/v1/cases", f"/api/v1/cases/{case.pk}"):
        response = client.get(path)
        assert response.status_code == 200, path
    assert case.reference in client.get(f"/zaken/{case.pk}/").content.decode()
