"""Rendering to HTML and to real PDFs, in Dutch and English (the PDF text is read back with pypdf)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from werkvrede.accounts.actors import actor_for
from werkvrede.audit.models import AuditEvent
from werkvrede.core.roles import Role
from werkvrede.documents import services
from werkvrede.documents.content import CONTENT_TYPES
from werkvrede.documents.models import DocumentKind
from werkvrede.documents.tests.helpers import SAMPLES, make, make_agreement, sign


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_kind_has_a_sample_and_a_template():
    assert set(SAMPLES) == set(DocumentKind.values) == set(CONTENT_TYPES)


@pytest.mark.parametrize("kind", DocumentKind.values)
def test_every_kind_renders_a_standalone_page_with_its_content(world, kind):
    a = world.a
    doc = make(kind, a.users[Role.MEDIATOR], a.organisation.pk, [a.users[Role.EMPLOYEE]])
    html = services.render_html(doc, language="nl")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in html
    assert "hyphens: auto" in html
    assert "size: A4" in html
    # The BA's feedback is headed by the advice's kind in the reader's language, not the stored title.
    assert ("Interventieadvies" if kind == DocumentKind.BA_FEEDBACK else f"Titel {kind}") in html
    assert SAMPLES[kind][1] in html
    assert doc.content_hash in html
    assert a.users[Role.EMPLOYEE].full_name in html
    assert "Nog niet ondertekend" in html


def test_free_text_is_escaped(world):
    a = world.a
    doc = make_agreement(a.users[Role.MEDIATOR], a.organisation.pk, [], subject="<script>alert(1)</script>")
    html = services.render_html(doc, language="nl")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_superseded_version_says_so(world):
    a = world.a
    first = make_agreement(a.users[Role.MEDIATOR], a.organisation.pk, [])
    make_agreement(a.users[Role.MEDIATOR], a.organisation.pk, [], subject="Nieuw onderwerp")
    first.refresh_from_db()
    assert "vervangen door een nieuwere versie" in services.render_html(first, language="nl")


def test_signed_pdf_in_dutch_and_english_shows_title_content_signers_and_hash(world):
    a = world.a
    org = a.organisation.pk
    employee, manager = a.users[Role.EMPLOYEE], a.users[Role.LINE_MANAGER]
    doc = make_agreement(a.users[Role.MEDIATOR], org, [employee, manager])
    sign(employee, org, doc)
    sign(manager, org, doc)
    doc.refresh_from_db()

    dutch = pdf_text(services.render_pdf(doc, language="nl"))
    english_pdf = services.render_pdf(doc, language="en")
    assert english_pdf.startswith(b"%PDF-")
    english = pdf_text(english_pdf)
    # The title in the reader's language (docs/adr/0133-english-legal-terms-and-signed-titles.md).
    assert "Mediationovereenkomst" in dutch
    assert "Mediation agreement" in english and "Mediationovereenkomst" not in english
    for text in (dutch, english):
        assert "Samenwerking binnen het team Planning" in text
        assert employee.full_name in text
        assert manager.full_name in text
        assert doc.content_hash in squeeze(text)
    # Dates follow the language (Django's own month names).
    assert "2 maart 2026" in dutch
    assert "2 March 2026" in english
    assert "Pagina 1" in dutch


def test_download_response_is_an_uncached_attachment_and_is_audited(world):
    a = world.a
    mediator = a.users[Role.MEDIATOR]
    doc = make_agreement(mediator, a.organisation.pk, [])
    response = services.download_response(
        doc, fmt="html", language="en-gb", actor=actor_for(mediator, a.organisation.pk)
    )
    # Stored without signers, it is final at once and frozen in Dutch: English is a translation.
    assert response["Content-Disposition"] == (
        'attachment; filename="mediation_agreement-v1-en-translation-not-signed.html"'
    )
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"].startswith("text/html")
    assert b'<html lang="en">' in response.content
    event = AuditEvent.objects.get(action="documents.document.downloaded")
    assert event.object_id == str(doc.pk)
    assert event.user_id == mediator.pk
    assert event.data == {
        "kind": "MEDIATION_AGREEMENT",
        "version": 1,
        "format": "html",
        "language": "en",
        "rendering": "translation",
    }
