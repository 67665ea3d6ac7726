""" "Mijn gegevens" (ADR 0170): the documents the person signed or is asked to sign — title, kind,
version, when signed and the content hash that proves which text it was. The text itself stays with
the owning context, which decides who reads it (the documents app decides nothing about access)."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.documents.models import Document, Signature


def document_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    uid = actor.user_id
    signed = dict(Signature.objects.filter(user_id=uid).values_list("document_id", "signed_at"))
    # JSON containment is not portable to SQLite: the unsigned, unlocked ones are few, read in Python.
    rows = Document.objects.filter(organisation_id=actor.organisation_id).filter(
        Q(pk__in=list(signed)) | Q(locked_at__isnull=True)
    )
    records = []
    for document in rows.order_by("created_at", "pk"):
        if document.pk not in signed and uid not in document.signers:
            continue
        records.append(
            ExportRecord(
                "documents.document",
                document.title,
                fields(
                    ("kind", _("Soort"), document.get_kind_display()),
                    ("version", _("Versie"), document.version),
                    ("signed_at", _("Door mij ondertekend op"), ExportRecord.when(signed.get(document.pk))),
                    ("content_hash", _("Controlegetal (SHA-256)"), document.content_hash),
                ),
                ExportRecord.when(document.created_at),
            )
        )
    return records


SECTION = ExportSection(
    key="documents",
    title=gettext_lazy("Documenten"),
    provider=document_records,
    order=100,
    scope="organisation",
    left_out=(),
)
