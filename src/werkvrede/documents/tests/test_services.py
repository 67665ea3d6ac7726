"""Creating, versioning, signing and checking documents (documents contract)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from werkvrede.audit.models import AuditEvent
from werkvrede.core.refusals import NotPossible
from werkvrede.core.roles import Role
from werkvrede.documents import services
from werkvrede.documents.content import ContentError
from werkvrede.documents.models import Document, DocumentKind
from werkvrede.documents.tests.helpers import actor_of, make_agreement, sign


@pytest.fixture
def people(world):
    a = world.a
    return a.organisation.pk, a.users[Role.MEDIATOR], a.users[Role.EMPLOYEE], a.users[Role.LINE_MANAGER]


def test_content_hash_is_canonical_and_covers_kind_version_title_content():
    base: dict[str, Any] = {
        "kind": "END_STATEMENT",
        "version": 1,
        "title": "Einde",
        "content": {"a": 1, "b": "é"},
    }
    same = services.content_hash(**{**base, "content": {"b": "é", "a": 1}})
    assert services.content_hash(**base) == same
    assert len(same) == 64
    for change in ({"kind": "NEUTRAL_NOTICE"}, {"version": 2}, {"title": "Einde."}, {"content": {"a": 2}}):
        assert services.content_hash(**{**base, **change}) != same


def test_create_stores_version_1_with_hash_category_and_audit(people):
    org, mediator, employee, manager = people
    doc = make_agreement(mediator, org, [employee, manager, mediator])
    assert doc.version == 1
    assert doc.category == "D12"
    assert doc.locked_at is None
    assert doc.signers == [employee.pk, manager.pk, mediator.pk]
    services.document_verify(doc)
    event = AuditEvent.objects.get(action="documents.document.created")
    assert event.object_id == str(doc.pk)
    assert event.data["kind"] == "MEDIATION_AGREEMENT"
    assert "Samenwerking" not in str(event.data)


def test_create_refuses_unknown_and_missing_content_keys(people):
    org, mediator, employee, _ = people
    with pytest.raises(ContentError, match="unknown content keys"):
        make_agreement(mediator, org, [employee], remarks="x")
    with pytest.raises(ContentError, match="missing content keys"):
        services.document_create(
            actor=actor_of(mediator, org),
            organisation_id=org,
            owner_kind="mediation.mediation",
            owner_id=1,
            kind=DocumentKind.END_STATEMENT,
            title="Einde",
            content={"mediation_reference": "MED-1", "ended_on": "2026-05-01"},
            signers=[],
        )


def test_content_must_be_plain_json(people):
    org, mediator, employee, _ = people
    with pytest.raises(ContentError, match="ISO strings"):
        make_agreement(mediator, org, [employee], drafted_on=date(2026, 3, 2))
    with pytest.raises(ContentError):
        make_agreement(mediator, org, [employee], costs={"fees": float("nan"), "paid_by": "de werkgever"})
    assert not Document.objects.exists()


def test_neutral_notice_takes_no_free_text(people):
    """R-080: a reason smuggled into a fixed field is refused."""
    org, mediator, *_ = people

    def notice(**content: Any) -> Document:
        return services.document_create(
            actor=actor_of(mediator, org),
            organisation_id=org,
            owner_kind="mediation.mediation",
            owner_id=3,
            kind=DocumentKind.NEUTRAL_NOTICE,
            title="Neutrale beëindigingsmelding",
            content={"mediation_reference": "MED-2026-0007", "ended_on": "2026-05-01", **content},
            signers=[],
        )

    with pytest.raises(ContentError):
        notice(reason="de werknemer wilde niet")
    with pytest.raises(ContentError, match="ended_on"):
        notice(ended_on="1 mei, want de werkgever weigerde")
    with pytest.raises(ContentError, match="mediation_reference"):
        notice(mediation_reference="MED-7\nDe leidinggevende was onredelijk en bleef schreeuwen")
    doc = notice(
        started_on="2026-03-02", parties=["Sanne de Vries", "Pieter Bakker"], confidentiality_reminder=True
    )
    assert doc.locked_at is not None  # no signers: final at once
    assert doc.category == "D14"


def test_signing_in_order_locks_after_the_last_signer(people):
    org, mediator, employee, manager = people
    doc = make_agreement(mediator, org, [employee, manager])
    assert services.pending_signers(doc) == [employee.pk, manager.pk]
    # Case and spacing do not count when comparing the typed name.
    sign(employee, org, doc, typed_name=" " + "   ".join(employee.full_name.upper().split()) + " ")
    assert services.pending_signers(doc) == [manager.pk]
    assert not services.signed_by_all(doc)
    sign(manager, org, doc)
    doc.refresh_from_db()
    assert services.signed_by_all(doc)
    assert doc.locked_at is not None
    assert list(doc.signatures.values_list("content_hash", flat=True)) == [doc.content_hash] * 2
    assert AuditEvent.objects.filter(action="documents.document.signed").count() == 2
    services.document_verify(doc)


def test_non_signer_and_double_signature_are_refused(people, world):
    org, mediator, employee, manager = people
    doc = make_agreement(mediator, org, [employee, manager])
    with pytest.raises(NotPossible, match="niet op de lijst"):
        sign(mediator, org, doc)
    sign(employee, org, doc)
    with pytest.raises(NotPossible, match="al ondertekend"):
        sign(employee, org, doc)
    # A person of another organisation never signs here, even if their id were listed.
    other = world.b.users[Role.EMPLOYEE]
    with pytest.raises(NotPossible):
        sign(other, world.b.organisation.pk, doc)


def test_latest_returns_the_newest_version(people):
    org, mediator, employee, _ = people
    assert services.latest("mediation.mediation", 1, DocumentKind.MEDIATION_AGREEMENT) is None
    make_agreement(mediator, org, [employee])
    second = make_agreement(mediator, org, [employee], subject="Ander onderwerp")
    assert services.latest("mediation.mediation", 1, DocumentKind.MEDIATION_AGREEMENT) == second
    assert services.latest("mediation.mediation", 2, DocumentKind.MEDIATION_AGREEMENT) is None
    assert Document.objects.count() == 2


def test_signers_must_exist(people):
    org, mediator, *_ = people
    with pytest.raises(ValueError, match="existing user"):
        services.document_create(
            actor=actor_of(mediator, org),
            organisation_id=org,
            owner_kind="mediation.mediation",
            owner_id=9,
            kind=DocumentKind.DISSOLUTION_NOTICE,
            title="Ontbinding",
            content={"dissolved_on": "2026-05-01"},
            signers=[999_999],
        )
