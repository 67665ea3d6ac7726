"""A locked document is frozen: its PDF (PDF/A-3b) and HTML are rendered once, in the language it was
signed in, and stored with their SHA-256 (docs/adr/0149-signed-documents-are-frozen.md).

Downloads in that language serve the stored bytes; `documents_verify` re-hashes them. A later
release that rewords a clause changes new renderings only, never a signed one.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from werkvrede.documents.exceptions import DocumentTampered
from werkvrede.documents.models import Document, DocumentKind
from werkvrede.documents.storage import documents_storage

FROZEN_FIELDS = ["signed_language", "pdf_name", "pdf_sha256", "html_name", "html_sha256"]


def signing_language(document: Document) -> str:
    """The language a document is signed in: the site's language (Dutch), whatever the signers read."""
    return str(settings.LANGUAGE_CODE).split("-")[0]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_pdf(html_pages: list[str]) -> bytes:
    """One PDF/A-3b of one or more standalone HTML pages, in order (WeasyPrint)."""
    from weasyprint import HTML  # imported on use: it loads Pango, which the rest of the site never needs

    base_url = str(settings.STATIC_ROOT) if getattr(settings, "STATIC_ROOT", None) else None
    rendered = [HTML(string=html, base_url=base_url).render() for html in html_pages]
    pages = [page for r in rendered for page in r.pages]
    pdf: bytes = rendered[0].copy(pages).write_pdf(pdf_variant="pdf/a-3b")
    return pdf


def _bundled_html(document: Document) -> list[str]:
    """The stored HTML of every document a re-integration report bundles (W6), in its order."""
    if document.kind != DocumentKind.REINTEGRATION_REPORT:
        return []
    ids = [int(item["document_id"]) for item in document.content.get("documents", [])]
    parts = {d.pk: d for d in Document.objects.filter(pk__in=ids)}
    return [stored_html(parts[pk]) for pk in ids if pk in parts]


def freeze(document: Document) -> None:
    """Render the locked document once and store it; the caller holds the transaction that locks it.

    The files are written before the transaction commits, so a committed lock always has its bytes;
    a rollback leaves an unreferenced file behind, which is harmless (ADR 0149).
    """
    from werkvrede.documents.rendering import render_html

    if document.locked_at is None or document.is_frozen:
        return
    language = signing_language(document)
    html = render_html(document, language=language)
    html_bytes = html.encode("utf-8")
    pdf = write_pdf([html, *_bundled_html(document)])
    storage = documents_storage()
    pdf_hash, html_hash = sha256(pdf), sha256(html_bytes)
    stem = f"{document.organisation_id}/{document.pk}/{document.kind.lower()}-v{document.version}-{language}"
    document.pdf_name = storage.save(f"{stem}-{pdf_hash[:16]}.pdf", ContentFile(pdf))
    document.html_name = storage.save(f"{stem}-{html_hash[:16]}.html", ContentFile(html_bytes))
    document.pdf_sha256, document.html_sha256 = pdf_hash, html_hash
    document.signed_language = language
    document.save(update_fields=FROZEN_FIELDS)


def _read(document: Document, name: str, expected: str, what: str) -> bytes:
    ref = document.reference
    storage = documents_storage()
    try:
        with storage.open(name, "rb") as handle:
            data: bytes = handle.read()
    except (FileNotFoundError, OSError):
        raise DocumentTampered(
            _("%(document)s: de vastgelegde %(what)s ontbreekt in de opslag.")
            % {"document": ref, "what": what},
            document_id=document.pk,
            reason="missing",
        ) from None
    if sha256(data) != expected:
        raise DocumentTampered(
            _("%(document)s: de vastgelegde %(what)s is na het ondertekenen gewijzigd.")
            % {"document": ref, "what": what},
            document_id=document.pk,
            reason="bytes",
        )
    return data


def stored_pdf(document: Document) -> bytes:
    """The PDF as signed; DocumentTampered when it is missing or a byte changed."""
    return _read(document, document.pdf_name, document.pdf_sha256, "PDF")


def stored_html(document: Document) -> str:
    """The HTML as signed; DocumentTampered when it is missing or a byte changed."""
    return _read(document, document.html_name, document.html_sha256, "HTML").decode("utf-8")


def verify_frozen(document: Document) -> None:
    """A locked document has stored bytes that still match their hashes; else DocumentTampered."""
    if document.locked_at is None:
        return
    if not document.is_frozen or not document.html_sha256:
        raise DocumentTampered(
            _("%(document)s is vergrendeld, maar de ondertekende weergave is niet vastgelegd.")
            % {"document": document.reference},
            document_id=document.pk,
            reason="unfrozen",
        )
    stored_pdf(document)
    stored_html(document)


def is_signed_rendering(document: Document, language: str) -> bool:
    """Whether a rendering in `language` is the signed one (and so the stored bytes)."""
    return document.is_frozen and language == document.signed_language


def translation_context(document: Document, language: str) -> dict[str, Any]:
    """Template context that labels a rendering of a frozen document in another language as unsigned."""
    if not document.is_frozen or language == document.signed_language:
        return {"unsigned_translation": False}
    names = dict(settings.LANGUAGES)
    return {"unsigned_translation": True, "signed_language_name": names.get(document.signed_language, "")}
