"""A document's title in the reader's language; the stored, signed title never changes (ADR 0133)."""

from __future__ import annotations

from django.utils import translation

from werkvrede.documents.models import Document, DocumentKind


def test_the_kind_name_is_shown_in_the_reader_language() -> None:
    doc = Document(kind=DocumentKind.MEDIATION_AGREEMENT, title="Mediationovereenkomst")
    with translation.override("en"):
        assert doc.display_title == "Mediation agreement"
    with translation.override("nl"):
        assert doc.display_title == "Mediationovereenkomst"
    assert doc.title == "Mediationovereenkomst"


def test_a_title_of_its_own_stays_as_written() -> None:
    doc = Document(kind=DocumentKind.MEDIATION_AGREEMENT, title="Afspraken team Planning")
    with translation.override("en"):
        assert doc.display_title == "Afspraken team Planning"
