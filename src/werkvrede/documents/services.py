"""Create, sign and check documents. The owning context authorises first; this app decides no access.

The hash covers what the template renders (kind, version, title, content) as canonical JSON; every
signature stores the hash it was made on, so content changed after signing — even with a recomputed
document hash — no longer matches its signatures. The lock freezes the rendering: the PDF and HTML
as signed are stored once, and their SHA-256 is what a download and `documents_verify` check
(docs/adr/0149-signed-documents-are-frozen.md).
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkvrede.audit import services as audit
from werkvrede.core.actor import Actor
from werkvrede.core.refusals import NotPossible
from werkvrede.documents import content as content_types
from werkvrede.documents import frozen
from werkvrede.documents.exceptions import DocumentTampered

# Rendering lives in its own module; the contract names these functions here.
from werkvrede.documents.frozen import is_signed_rendering
from werkvrede.documents.models import KIND_CATEGORY, Document, DocumentKind, Signature
from werkvrede.documents.rendering import download_response, render_html, render_pdf

__all__ = [
    "DocumentTampered",
    "content_hash",
    "document_create",
    "document_sign",
    "document_verify",
    "download_response",
    "is_signed_rendering",
    "latest",
    "normalise_name",
    "pending_signers",
    "render_html",
    "render_pdf",
    "signed_by_all",
]


def content_hash(*, kind: str, version: int, title: str, content: Mapping[str, Any]) -> str:
    """sha256 hex of the canonical JSON of {kind, version, title, content} (sorted keys, no spaces, UTF-8)."""
    canonical = json.dumps(
        {"kind": str(kind), "version": version, "title": title, "content": content},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def normalise_name(name: str) -> str:
    """Compare names the way a person reads them: case, width and spacing do not count; accents do."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@transaction.atomic
def document_create(
    *,
    actor: Actor,
    organisation_id: int,
    owner_kind: str,
    owner_id: int,
    kind: str,
    title: str,
    content: Mapping[str, Any],
    signers: Sequence[int],
) -> Document:
    """Store a new document, or a new version of (owner_kind, owner_id, kind); the last one is superseded.

    A document without signers is final at once (locked). The caller has authorised the actor.
    """
    kind = DocumentKind(kind).value
    content_types.validate(kind, content)
    try:
        data = json.loads(json.dumps(dict(content), allow_nan=False))  # exactly what the database returns
    except (TypeError, ValueError) as exc:
        raise content_types.ContentError(
            f"{kind}: content must be plain JSON (dates as ISO strings, amounts as text): {exc}"
        ) from exc
    ordered = list(dict.fromkeys(int(s) for s in signers))
    user_model = get_user_model()
    if user_model.objects.filter(pk__in=ordered).count() != len(ordered):
        raise ValueError("every signer must be an existing user")
    previous = (
        Document.objects.select_for_update(no_key=True)
        .filter(owner_kind=owner_kind, owner_id=owner_id, kind=kind)
        .order_by("-version")
        .first()
    )
    if previous is not None and previous.organisation_id != organisation_id:
        raise ValueError("a new version belongs to the organisation of the previous one")
    version = previous.version + 1 if previous else 1
    now = timezone.now()
    document = Document.objects.create(
        organisation_id=organisation_id,
        owner_kind=owner_kind,
        owner_id=owner_id,
        kind=kind,
        category=KIND_CATEGORY[kind],
        version=version,
        title=title,
        content=data,
        content_hash=content_hash(kind=kind, version=version, title=title, content=data),
        signers=ordered,
        locked_at=None if ordered else now,
        created_by_id=actor.uid,
        created_at=now,
    )
    if previous is not None:
        previous.superseded_by = document
        previous.save(update_fields=["superseded_by"])
    frozen.freeze(document)
    audit.record_for(
        actor,
        "documents.document.created",
        document,
        data={
            "kind": document.kind,
            "version": document.version,
            "signers": len(ordered),
            "locked": not ordered,
            "pdf_sha256": document.pdf_sha256,
        },
    )
    return document


@transaction.atomic
def document_sign(*, actor: Actor, document: Document, typed_name: str) -> Signature:
    """The actor signs by typing their name; the last signer locks the document."""
    doc = Document.objects.select_for_update(no_key=True).get(pk=document.pk)
    document_verify(doc)
    if doc.superseded_by_id is not None:
        raise NotPossible(_("Er is een nieuwere versie van dit document. Onderteken die versie."))
    if doc.locked_at is not None:
        raise NotPossible(_("Dit document is al door iedereen ondertekend en verandert niet meer."))
    uid = actor.uid
    if uid not in doc.signers or actor.organisation_id != doc.organisation_id:
        raise NotPossible(_("U staat niet op de lijst van ondertekenaars van dit document."))
    if doc.signatures.filter(user_id=uid).exists():
        raise NotPossible(_("U heeft dit document al ondertekend."))
    full_name = get_user_model().objects.get(pk=uid).full_name
    if not typed_name.strip() or normalise_name(typed_name) != normalise_name(full_name):
        raise NotPossible(
            _("De getypte naam komt niet overeen. Typ uw naam precies zo: %(name)s") % {"name": full_name}
        )
    now = timezone.now()
    signature = Signature.objects.create(
        document=doc, user_id=uid, typed_name=typed_name.strip(), signed_at=now, content_hash=doc.content_hash
    )
    if not pending_signers(doc):
        doc.locked_at = now
        doc.save(update_fields=["locked_at"])
        frozen.freeze(doc)
    for name in ("locked_at", *frozen.FROZEN_FIELDS):
        setattr(document, name, getattr(doc, name))
    audit.record_for(
        actor,
        "documents.document.signed",
        doc,
        data={
            "kind": doc.kind,
            "version": doc.version,
            "locked": doc.locked_at is not None,
            "pdf_sha256": doc.pdf_sha256,
        },
    )
    return signature


def document_verify(document: Document) -> None:
    """Raise DocumentTampered naming the document and what differs; return quietly when all is intact."""
    ref = document.reference
    expected = content_hash(
        kind=document.kind, version=document.version, title=document.title, content=document.content
    )
    if expected != document.content_hash:
        raise DocumentTampered(
            _("%(document)s is na het opslaan gewijzigd: de inhoud past niet bij de controlecode.")
            % {"document": ref},
            document_id=document.pk,
            reason="content",
        )
    if KIND_CATEGORY.get(document.kind) != document.category:
        raise DocumentTampered(
            _(
                "%(document)s is na het opslaan gewijzigd: "
                "de gegevenscategorie past niet bij het soort document."
            )
            % {"document": ref},
            document_id=document.pk,
            reason="category",
        )
    signatures = list(document.signatures.all())
    for signature in signatures:
        if signature.content_hash != document.content_hash:
            raise DocumentTampered(
                _(
                    "%(document)s: handtekening %(signature)s is gezet op een andere inhoud "
                    "dan die nu is opgeslagen."
                )
                % {"document": ref, "signature": signature.pk},
                document_id=document.pk,
                reason="signature",
            )
        if signature.user_id not in document.signers:
            raise DocumentTampered(
                _("%(document)s: handtekening %(signature)s is van iemand die geen ondertekenaar is.")
                % {"document": ref, "signature": signature.pk},
                document_id=document.pk,
                reason="signer",
            )
    signed = {s.user_id for s in signatures}
    if document.signers and document.locked_at is not None and not set(document.signers) <= signed:
        raise DocumentTampered(
            _("%(document)s is vergrendeld terwijl nog niet iedereen heeft ondertekend.") % {"document": ref},
            document_id=document.pk,
            reason="lock",
        )
    frozen.verify_frozen(document)


def pending_signers(document: Document) -> list[int]:
    """The signers who have not signed yet, in the order shown."""
    signed = set(document.signatures.values_list("user_id", flat=True))
    return [uid for uid in document.signers if uid not in signed]


def signed_by_all(document: Document) -> bool:
    return not pending_signers(document)


def latest(owner_kind: str, owner_id: int, kind: str) -> Document | None:
    """The newest version of the owner's document of this kind (None when there is none)."""
    return (
        Document.objects.filter(owner_kind=owner_kind, owner_id=owner_id, kind=kind)
        .order_by("-version")
        .first()
    )
