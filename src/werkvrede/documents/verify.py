"""Check every stored document: hash, signatures, lock and stored bytes (used by `documents_verify`)."""

from __future__ import annotations

from dataclasses import dataclass

from werkvrede.documents.exceptions import DocumentTampered
from werkvrede.documents.models import Document
from werkvrede.documents.services import document_verify


@dataclass(frozen=True)
class Broken:
    document_id: int
    reference: str
    reason: str
    message: str

    def __str__(self) -> str:
        return f"{self.reference} [{self.reason}]: {self.message}"


def verify_all(*, organisation_id: int | None = None) -> tuple[int, list[Broken]]:
    """(number of documents checked, the broken ones), in id order; reads in chunks."""
    documents = Document.objects.order_by("pk").prefetch_related("signatures")
    if organisation_id is not None:
        documents = documents.filter(organisation_id=organisation_id)
    checked = 0
    broken: list[Broken] = []
    for document in documents.iterator(chunk_size=500):
        checked += 1
        try:
            document_verify(document)
        except DocumentTampered as exc:
            broken.append(Broken(document.pk, document.reference, exc.reason, str(exc)))
    return checked, broken
