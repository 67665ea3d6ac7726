""" "Mijn gegevens" (ADR 0170, 0198): the documents the person signed or is asked to sign, and the signed
documents about them (a mediation's agreements for its parties, a BA's feedback, a Poortwachter document
or a termination agreement for the employee: the owner row's subject, whose category the matrix gives
that person to read, docs/rules.md §2.3) — title, kind, version, when signed, the content hash that proves
which text it was and, for the people it is about, the text itself as it was signed (the stored
rendering, hash-checked); the documents the person drew up (authorship only); and their own signatures."""

from __future__ import annotations

import re

from django.db.models import Q
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.core.actor import Actor
from werkvrede.core.classification import subjects_query
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.documents import frozen
from werkvrede.documents.exceptions import DocumentTampered
from werkvrede.documents.models import Document, DocumentKind, Signature
from werkvrede.documents.rendering import render_html


def document_text(document: Document) -> str:
    """The document's words: the stored rendering as signed when it is locked, else as it reads now."""
    try:
        html = frozen.stored_html(document) if document.is_frozen else ""
    except DocumentTampered:
        html = ""
    if not html:
        html = render_html(document, language=translation.get_language() or "nl")
    body = html.split("<body", 1)[-1]
    text = strip_tags(re.sub(r"<(style|script)[^>]*>.*?</\1>", "", body, flags=re.S))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line).lstrip(">").strip()


def document_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    uid = actor.user_id
    own_signatures = list(
        Signature.objects.filter(user_id=uid, document__organisation_id=actor.organisation_id)
        .select_related("document")
        .order_by("signed_at", "pk")
    )
    signed = {s.document_id: s.signed_at for s in own_signatures}
    # Signed documents about the person: the owner row's subject is them (ADR 0166); only locked ones,
    # a draft stays with the context that drafts it until it is put to the signers.
    # A withdrawal statement's content is D11 of the party who withdrew (mediation.withdrawal.read): it
    # reaches only its signer, through the signature route above.
    about = (
        Document.objects.filter(subjects_query("documents.document", uid, fields=False))
        .filter(locked_at__isnull=False)
        .exclude(kind=DocumentKind.WITHDRAWAL_STATEMENT)
    )
    # JSON containment is not portable to SQLite: the unsigned, unlocked ones are few, read in Python.
    rows = Document.objects.filter(organisation_id=actor.organisation_id).filter(
        Q(pk__in=list(signed)) | Q(locked_at__isnull=True) | Q(pk__in=about.values("pk"))
    )
    about_ids = set(about.values_list("pk", flat=True))
    # The text goes to the people it is about; a signer who is not (the bedrijfsarts under a
    # probleemanalyse, the mediator under an agreement) gets the document without it: what a
    # professional wrote about others is not their data (ADR 0170, decision 3).
    text_ids = set(
        Document.objects.filter(subjects_query("documents.document", uid, fields=False)).values_list(
            "pk", flat=True
        )
    )
    records = []
    listed: set[int] = set()
    for document in rows.order_by("created_at", "pk"):
        if document.pk not in signed and uid not in document.signers and document.pk not in about_ids:
            continue
        listed.add(document.pk)
        own_words = document.pk in signed or uid in document.signers
        gets_text = document.pk in text_ids and (
            own_words or document.kind != DocumentKind.WITHDRAWAL_STATEMENT
        )
        records.append(
            ExportRecord(
                "documents.document",
                document.title,
                fields(
                    ("kind", _("Soort"), document.get_kind_display()),
                    ("version", _("Versie"), document.version),
                    ("signed_at", _("Door mij ondertekend op"), ExportRecord.when(signed.get(document.pk))),
                    ("locked_at", _("Door iedereen ondertekend op"), ExportRecord.when(document.locked_at)),
                    ("content_hash", _("Controlegetal (SHA-256)"), document.content_hash),
                    ("text", _("Tekst"), document_text(document) if gets_text else None),
                ),
                ExportRecord.when(document.created_at),
                source="documents.document",
            )
        )
    # Documents the person drew up and neither signs nor is the subject of (a Poortwachter document by
    # HR): their authorship, not the text, which is about the employee (ADR 0170, decision 3; ADR 0198).
    drawn_up = Document.objects.filter(organisation_id=actor.organisation_id, created_by_id=uid).exclude(
        pk__in=listed
    )
    for document in drawn_up.order_by("created_at", "pk"):
        records.append(
            ExportRecord(
                "documents.drawn_up",
                _("Door mij opgesteld: %(title)s") % {"title": document.title},
                fields(
                    ("kind", _("Soort"), document.get_kind_display()),
                    ("version", _("Versie"), document.version),
                ),
                ExportRecord.when(document.created_at),
                source="documents.document",
            )
        )
    for signature in own_signatures:
        records.append(
            ExportRecord(
                "documents.signature",
                _("Mijn handtekening onder %(title)s") % {"title": signature.document.title},
                fields(
                    ("document", _("Document"), signature.document.title),
                    ("version", _("Versie"), signature.document.version),
                    ("typed_name", _("Getypte naam"), signature.typed_name),
                    ("signed_at", _("Ondertekend op"), ExportRecord.when(signature.signed_at)),
                ),
                ExportRecord.when(signature.signed_at),
                source="documents.signature",
            )
        )
    return records


SECTION = ExportSection(
    key="documents",
    title=gettext_lazy("Documenten"),
    provider=document_records,
    order=100,
    scope="organisation",
    sources=("documents.document", "documents.signature"),
    left_out=(),
)
