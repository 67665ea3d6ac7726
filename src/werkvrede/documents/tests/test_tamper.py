"""Tampering is detected; locked and superseded documents stay as they were (documents contract)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from werkvrede.core.refusals import NotPossible
from werkvrede.core.roles import Role
from werkvrede.documents import services
from werkvrede.documents.models import Document, DocumentKind, Signature
from werkvrede.documents.tests.helpers import agreement_content, make_agreement, sign


@pytest.fixture
def signed(world):
    """A mediation agreement signed by employee and line manager: locked."""
    a = world.a
    org = a.organisation.pk
    employee, manager = a.users[Role.EMPLOYEE], a.users[Role.LINE_MANAGER]
    doc = make_agreement(a.users[Role.MEDIATOR], org, [employee, manager])
    sign(employee, org, doc)
    sign(manager, org, doc)
    doc.refresh_from_db()
    assert doc.locked_at is not None
    return doc


def test_content_changed_in_the_database_is_detected_and_named(signed):
    changed = {**signed.content, "subject": "Iets heel anders"}
    Document.objects.filter(pk=signed.pk).update(content=changed)
    signed.refresh_from_db()
    with pytest.raises(services.DocumentTampered) as caught:
        services.document_verify(signed)
    assert caught.value.document_id == signed.pk
    assert caught.value.reason == "content"
    assert f"MEDIATION_AGREEMENT v1 (document {signed.pk})" in str(caught.value)


def test_a_signature_made_on_an_older_hash_is_detected(signed):
    """Even with a recomputed document hash, the signatures still carry the hash they were made on."""
    changed = {**signed.content, "costs": {"fees": "€ 1 per uur", "paid_by": "de werknemer"}}
    new_hash = services.content_hash(
        kind=signed.kind, version=signed.version, title=signed.title, content=changed
    )
    Document.objects.filter(pk=signed.pk).update(content=changed, content_hash=new_hash)
    signed.refresh_from_db()
    with pytest.raises(services.DocumentTampered) as caught:
        services.document_verify(signed)
    assert caught.value.reason == "signature"
    first = signed.signatures.first()
    assert first is not None
    assert f"handtekening {first.pk}" in str(caught.value)


def test_title_and_category_are_covered_too(signed):
    Document.objects.filter(pk=signed.pk).update(title="Gewijzigde titel")
    signed.refresh_from_db()
    with pytest.raises(services.DocumentTampered, match="controlecode"):
        services.document_verify(signed)
    Document.objects.filter(pk=signed.pk).update(title="Mediationovereenkomst", category="D08")
    signed.refresh_from_db()
    with pytest.raises(services.DocumentTampered, match="gegevenscategorie"):
        services.document_verify(signed)


def test_a_signature_of_someone_who_is_no_signer_is_detected(world, signed):
    Signature.objects.create(
        document=signed,
        user=world.a.users[Role.HR_ADVISER],
        typed_name="HR",
        signed_at=timezone.now(),
        content_hash=signed.content_hash,
    )
    with pytest.raises(services.DocumentTampered) as caught:
        services.document_verify(signed)
    assert caught.value.reason == "signer"


def test_signing_a_tampered_document_is_refused(world):
    a = world.a
    org = a.organisation.pk
    employee = a.users[Role.EMPLOYEE]
    doc = make_agreement(a.users[Role.MEDIATOR], org, [employee])
    Document.objects.filter(pk=doc.pk).update(content={**doc.content, "subject": "Anders"})
    with pytest.raises(services.DocumentTampered):
        sign(employee, org, doc)
    assert not Signature.objects.exists()


def test_a_locked_document_cannot_be_signed_again_or_changed(world, signed):
    a = world.a
    with pytest.raises(NotPossible, match="door iedereen ondertekend"):
        sign(a.users[Role.EMPLOYEE], a.organisation.pk, signed)
    signed.title = "Andere titel"
    with pytest.raises(NotPossible):
        signed.save()
    with pytest.raises(NotPossible):
        signed.save(update_fields=["title"])
    signature = signed.signatures.first()
    assert signature is not None
    signature.typed_name = "Iemand anders"
    with pytest.raises(NotPossible):
        signature.save()
    signed.refresh_from_db()
    services.document_verify(signed)


def test_a_new_version_supersedes_the_old_one_which_stays_verifiable(world, signed):
    a = world.a
    org = a.organisation.pk
    employee, manager = a.users[Role.EMPLOYEE], a.users[Role.LINE_MANAGER]
    second = make_agreement(
        a.users[Role.MEDIATOR], org, [employee, manager], subject="Samenwerking en werkverdeling"
    )
    signed.refresh_from_db()
    assert second.pk != signed.pk
    assert second.version == signed.version + 1 == 2
    assert second.locked_at is None
    assert signed.superseded_by_id == second.pk
    assert signed.locked_at is not None
    services.document_verify(signed)  # the old, locked version is still intact
    assert services.latest("mediation.mediation", 1, DocumentKind.MEDIATION_AGREEMENT) == second

    # An unsigned version that was superseded can no longer be signed.
    make_agreement(a.users[Role.MEDIATOR], org, [employee, manager], subject="Derde versie")
    second.refresh_from_db()
    with pytest.raises(NotPossible, match="nieuwere versie"):
        sign(employee, org, second)


def test_a_typed_name_that_does_not_match_is_refused_with_what_to_type(world):
    a = world.a
    org = a.organisation.pk
    employee = a.users[Role.EMPLOYEE]
    doc = make_agreement(a.users[Role.MEDIATOR], org, [employee])
    for wrong in ("", "   ", "S. de Vries", employee.full_name + " jr."):
        with pytest.raises(NotPossible) as caught:
            sign(employee, org, doc, typed_name=wrong)
        assert str(caught.value) == (
            f"De getypte naam komt niet overeen. Typ uw naam precies zo: {employee.full_name}"
        )
    assert not Signature.objects.exists()
    doc.refresh_from_db()
    assert doc.locked_at is None


def test_content_is_stored_exactly_as_hashed(world):
    """Tuples and other JSON-equivalent values are stored as the database returns them."""
    a = world.a
    parties = tuple(agreement_content()["parties"])
    doc = make_agreement(a.users[Role.MEDIATOR], a.organisation.pk, [], parties=parties)
    doc.refresh_from_db()
    services.document_verify(doc)
