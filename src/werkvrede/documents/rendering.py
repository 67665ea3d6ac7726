"""Render a document to a standalone HTML page and to PDF (WeasyPrint), in Dutch or English."""

from __future__ import annotations

from typing import Any, Literal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from werkvrede.audit import services as audit
from werkvrede.core.actor import Actor
from werkvrede.documents import content as labels
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
    """The document as PDF (A4), rendered by WeasyPrint from `render_html`."""
    from weasyprint import HTML  # imported on use: it loads Pango, which the rest of the site never needs

    html = render_html(document, language=language)
    base_url = str(settings.STATIC_ROOT) if getattr(settings, "STATIC_ROOT", None) else None
    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf


def download_response(
    document: Document, *, fmt: Literal["pdf", "html"], language: str, actor: Actor
) -> HttpResponse:
    """An attachment `<kind>-v<version>-<language>.<fmt>`, never cached; the read is audited, naming
    `actor` as the reader (the owning context authorised the actor before)."""
    language = _language(language)
    if fmt == "pdf":
        response = HttpResponse(render_pdf(document, language=language), content_type="application/pdf")
    elif fmt == "html":
        response = HttpResponse(
            render_html(document, language=language), content_type="text/html; charset=utf-8"
        )
    else:
        raise ValueError(f"unknown format {fmt!r}")
    filename = f"{document.kind.lower()}-v{document.version}-{language}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    audit.record(
        "documents.document.downloaded",
        organisation_id=document.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="documents.document",
        object_id=str(document.pk),
        data={"kind": document.kind, "version": document.version, "format": fmt, "language": language},
    )
    return response
