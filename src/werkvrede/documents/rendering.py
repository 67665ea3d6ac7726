"""Render a document to a standalone HTML page and to PDF (WeasyPrint), in Dutch or English.

A locked document is frozen (`frozen`): in its signed language a download serves the stored bytes; in
another language it is a fresh rendering labelled as an unsigned translation.
"""

from __future__ import annotations

from typing import Any, Literal

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from werkvrede.audit import services as audit
from werkvrede.core.actor import Actor
from werkvrede.documents import content as labels
from werkvrede.documents import frozen
from werkvrede.documents.exceptions import DocumentTampered
from werkvrede.documents.models import Document

LANGUAGES = ("nl", "en")


def _language(language: str) -> str:
    code = (language or "nl").split("-")[0].lower()
    return code if code in LANGUAGES else "nl"


def _context(document: Document, language: str) -> dict[str, Any]:
    signatures = {s.user_id: s for s in document.signatures.all()}
    names = dict(get_user_model().objects.filter(pk__in=document.signers).values_list("pk", "full_name"))
    signers = [{"name": names.get(uid, ""), "signature": signatures.get(uid)} for uid in document.signers]
    return {
        "document": document,
        "content": document.content,
        "signers": signers,
        "language": language,
        **frozen.translation_context(document, language),
        "labels": {
            "party_role": labels.PARTY_ROLE_LABELS,
            "attendee_kind": labels.ATTENDEE_KIND_LABELS,
            "outcome_type": labels.OUTCOME_TYPE_LABELS,
            "ended_by": labels.ENDED_BY_LABELS,
            "checklist": labels.CHECKLIST_LABELS,
            "advice_kind": labels.ADVICE_KIND_LABELS,
            "condition": labels.CONDITION_LABELS,
            "advice_content": labels.ADVICE_CONTENT_LABELS,
            "intervention_form": labels.INTERVENTION_FORM_LABELS,
        },
    }


def render_html(document: Document, *, language: str) -> str:
    """A full standalone HTML page of the document: content, version, hash and signatures."""
    language = _language(language)
    with translation.override(language):
        return render_to_string(f"documents/{document.kind.lower()}.html", _context(document, language))


def render_pdf(document: Document, *, language: str) -> bytes:
    """The document as a fresh PDF/A-3b (A4), rendered by WeasyPrint from `render_html`."""
    return frozen.write_pdf([render_html(document, language=language)])


def download_response(
    document: Document, *, fmt: Literal["pdf", "html"], language: str, actor: Actor
) -> HttpResponse:
    """An attachment `<kind>-v<version>-<language>.<fmt>`, never cached; the read is audited, naming
    `actor` as the reader (the owning context authorised the actor before).

    A locked document in its signed language is the stored bytes, exactly; in another language it is
    a translation, labelled unsigned in the file and in its name. Stored bytes that are missing or
    changed are not handed out: 409, naming the document (as `documents_verify` would).
    """
    language = _language(language)
    if fmt not in ("pdf", "html"):
        raise ValueError(f"unknown format {fmt!r}")
    content_type = "application/pdf" if fmt == "pdf" else "text/html; charset=utf-8"
    suffix = ""
    if document.locked_at is not None:
        try:
            frozen.verify_frozen(document)
        except DocumentTampered as exc:
            return HttpResponse(str(exc), status=409, content_type="text/plain; charset=utf-8")
    if frozen.is_signed_rendering(document, language):
        rendering = "signed"
        body: bytes | str = frozen.stored_pdf(document) if fmt == "pdf" else frozen.stored_html(document)
    else:
        rendering = "translation" if document.is_frozen else "draft"
        suffix = "-translation-not-signed" if document.is_frozen else ""
        body = (
            render_pdf(document, language=language)
            if fmt == "pdf"
            else render_html(document, language=language)
        )
    response = HttpResponse(body, content_type=content_type)
    filename = f"{document.kind.lower()}-v{document.version}-{language}{suffix}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    audit.record(
        "documents.document.downloaded",
        organisation_id=document.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="documents.document",
        object_id=str(document.pk),
        data={
            "kind": document.kind,
            "version": document.version,
            "format": fmt,
            "language": language,
            "rendering": rendering,
        },
    )
    return response
