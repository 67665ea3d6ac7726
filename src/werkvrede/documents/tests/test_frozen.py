"""Signed documents are frozen (docs/adr/0149-signed-documents-are-frozen.md): the PDF/A-3b and HTML as
signed are stored once; downloads serve those bytes, also after a clause is reworded; another
language is a labelled, unsigned translation; `documents_verify` re-hashes the stored bytes."""

from __future__ import annotations

import hashlib
import importlib
import io
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from conftest import World, logged_in
from werkvrede.accounts.actors import actor_for
from werkvrede.audit.models import AuditEvent
from werkvrede.core.roles import Role
from werkvrede.documents import services
from werkvrede.documents.models import Document
from werkvrede.documents.storage import documents_storage
from werkvrede.documents.tests.helpers import make_agreement, sign
from werkvrede.documents.tests.test_rendering import pdf_text, squeeze

REWORDED = "HERFORMULEERDE-CLAUSULE-VAN-EEN-LATERE-RELEASE"
# A later release rewords the agreement's clauses: the same template name, other words.
_REWORDED_TEMPLATES = {
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "APP_DIRS": False,
    "OPTIONS": {
        "loaders": [
            (
                "django.template.loaders.locmem.Loader",
                {
                    "documents/mediation_agreement.html": (
                        '{% extends "documents/base.html" %}{% block body %}<p>'
                        + REWORDED
                        + "</p>{% endblock %}"
                    )
                },
            ),
            "django.template.loaders.app_directories.Loader",
        ],
        "context_processors": ["django.template.context_processors.request"],
    },
}


def _stored(name: str) -> bytes:
    with documents_storage().open(name, "rb") as handle:
        data: bytes = handle.read()
    return data


def _locked(world: World) -> Document:
    a = world.a
    org = a.organisation.pk
    employee, manager = a.users[Role.EMPLOYEE], a.users[Role.LINE_MANAGER]
    doc = make_agreement(a.users[Role.MEDIATOR], org, [employee, manager])
    sign(employee, org, doc)
    assert not Document.objects.get(pk=doc.pk).is_frozen  # not before the last signature
    sign(manager, org, doc)
    return Document.objects.get(pk=doc.pk)


def test_the_last_signature_stores_the_pdf_a3b_and_the_html_with_their_hashes(world):
    doc = _locked(world)
    assert doc.locked_at is not None and doc.signed_language == "nl"
    pdf, html = _stored(doc.pdf_name), _stored(doc.html_name)
    assert hashlib.sha256(pdf).hexdigest() == doc.pdf_sha256
    assert hashlib.sha256(html).hexdigest() == doc.html_sha256
    assert doc.pdf_name.endswith(".pdf") and doc.html_name.endswith(".html")
    # PDF/A-3b: the XMP metadata names part 3, conformance B.
    xmp = PdfReader(io.BytesIO(pdf)).xmp_metadata
    assert xmp is not None
    packet = xmp.stream.get_data().decode()
    assert 'pdfaid:part="3"' in packet and 'pdfaid:conformance="B"' in packet
    text = pdf_text(pdf)
    assert "Samenwerking binnen het team Planning" in text and doc.content_hash in squeeze(text)
    assert "Door iedereen ondertekend en vergrendeld" in html.decode()
    event = AuditEvent.objects.filter(action="documents.document.signed").order_by("pk").last()
    assert event is not None and event.data["locked"] is True and event.data["pdf_sha256"] == doc.pdf_sha256


def test_a_document_without_signers_is_frozen_when_it_is_stored(world):
    a = world.a
    doc = make_agreement(a.users[Role.MEDIATOR], a.organisation.pk, [])
    assert doc.is_frozen and hashlib.sha256(_stored(doc.pdf_name)).hexdigest() == doc.pdf_sha256


def test_download_serves_the_stored_bytes_also_after_a_clause_is_reworded(world):
    doc = _locked(world)
    reader = actor_for(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    signed_pdf, signed_html = _stored(doc.pdf_name), _stored(doc.html_name)
    with override_settings(TEMPLATES=[_REWORDED_TEMPLATES]):
        # The new wording is really in force: a fresh rendering shows it ...
        assert REWORDED in services.render_html(doc, language="nl")
        pdf = services.download_response(doc, fmt="pdf", language="nl", actor=reader)
        html = services.download_response(doc, fmt="html", language="nl", actor=reader)
    # ... and yet the signed document is byte for byte what was signed.
    assert pdf.status_code == 200 and pdf.content == signed_pdf
    assert html.content == signed_html and REWORDED.encode() not in html.content
    assert pdf["Content-Disposition"] == 'attachment; filename="mediation_agreement-v1-nl.pdf"'
    event = AuditEvent.objects.filter(action="documents.document.downloaded").order_by("pk").first()
    assert event is not None and event.data["rendering"] == "signed" and event.data["language"] == "nl"
    call_command("documents_verify", stdout=StringIO())


def test_english_of_a_dutch_signed_document_is_a_labelled_unsigned_translation(world):
    doc = _locked(world)
    reader = actor_for(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    response = services.download_response(doc, fmt="pdf", language="en", actor=reader)
    assert response.status_code == 200 and response.content != _stored(doc.pdf_name)
    assert response["Content-Disposition"] == (
        'attachment; filename="mediation_agreement-v1-en-translation-not-signed.pdf"'
    )
    text = pdf_text(response.content)
    assert "Translation, not signed" in text
    assert squeeze("This is a translation for information.") in squeeze(text)
    assert "Vertaling, niet ondertekend" not in pdf_text(_stored(doc.pdf_name))
    event = AuditEvent.objects.get(action="documents.document.downloaded")
    assert event.data["rendering"] == "translation" and event.data["language"] == "en"


def test_documents_verify_fails_on_one_flipped_byte_and_on_a_missing_file(world):
    doc = _locked(world)
    storage = documents_storage()
    original = _stored(doc.pdf_name)
    flipped = bytearray(original)
    flipped[len(flipped) // 2] ^= 0x01
    with open(storage.path(doc.pdf_name), "wb") as handle:
        handle.write(bytes(flipped))
    err = StringIO()
    with pytest.raises(CommandError, match="1 of 1 documents are broken"):
        call_command("documents_verify", stdout=StringIO(), stderr=err)
    assert err.getvalue().startswith(f"BROKEN MEDIATION_AGREEMENT v1 (document {doc.pk}) [bytes]")
    # A changed file is not handed out either.
    reader = actor_for(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    refused = services.download_response(doc, fmt="pdf", language="nl", actor=reader)
    assert refused.status_code == 409 and f"document {doc.pk}" in refused.content.decode()

    storage.delete(doc.pdf_name)
    err = StringIO()
    with pytest.raises(CommandError, match="1 of 1 documents are broken"):
        call_command("documents_verify", stdout=StringIO(), stderr=err)
    assert err.getvalue().startswith(f"BROKEN MEDIATION_AGREEMENT v1 (document {doc.pk}) [missing]")


def test_the_migration_freezes_a_document_locked_before_freezing_existed(world):
    doc = _locked(world)
    # As it was stored before this release: locked, nothing frozen.
    Document.objects.filter(pk=doc.pk).update(
        signed_language="", pdf_name="", pdf_sha256="", html_name="", html_sha256=""
    )
    with pytest.raises(CommandError):
        call_command("documents_verify", stdout=StringIO(), stderr=StringIO())
    migration = importlib.import_module("werkvrede.documents.migrations.0004_freeze_locked_documents")
    migration.freeze_locked(django_apps, None)
    frozen = Document.objects.get(pk=doc.pk)
    assert frozen.is_frozen and frozen.signed_language == "nl"
    assert hashlib.sha256(_stored(frozen.pdf_name)).hexdigest() == frozen.pdf_sha256
    call_command("documents_verify", stdout=StringIO())
    migration.freeze_locked(django_apps, None)  # again: nothing changes
    assert Document.objects.get(pk=doc.pk).pdf_name == frozen.pdf_name


def test_the_mediation_download_serves_the_signed_bytes_to_a_party_and_audits_it(world):
    from werkvrede.mediation.tests.helpers import signed

    mediation = signed(world)
    doc = Document.objects.get(
        owner_kind="mediation.mediation", owner_id=mediation.pk, kind="MEDIATION_AGREEMENT"
    )
    client = logged_in(world.a.users[Role.EMPLOYEE])
    url = reverse(
        "mediation:document-download",
        kwargs={"mediation_id": mediation.pk, "document_id": doc.pk, "fmt": "pdf"},
    )
    dutch = client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
    assert dutch.status_code == 200 and dutch.content == _stored(doc.pdf_name)
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 200 and english.content != dutch.content
    assert "translation-not-signed" in english["Content-Disposition"]
    renderings = list(
        AuditEvent.objects.filter(action="documents.document.downloaded", object_id=str(doc.pk))
        .order_by("pk")
        .values_list("data__rendering", flat=True)
    )
    assert renderings == ["signed", "translation"]
    # The page's download links say so in English, and not in Dutch.
    page = reverse("mediation:document", kwargs={"mediation_id": mediation.pk, "document_id": doc.pk})
    assert "(Translation, not signed)" in client.get(page, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "niet ondertekend)" not in client.get(page, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    # Someone outside the mediation still gets nothing.
    outsider = logged_in(world.a.users[Role.WHISTLEBLOWER_OFFICER])
    assert outsider.get(url).status_code == 404


def test_the_frozen_rendering_is_written_once(world: World) -> None:
    from werkvrede.core.refusals import NotPossible

    doc = _locked(world)
    doc.pdf_sha256 = "0" * 64
    with pytest.raises(NotPossible):
        doc.save(update_fields=["pdf_sha256"])
