"""The data category of every field of the documents context (docs/rules.md).

A document's category depends on its kind (a mediation agreement is D12, a termination agreement
D19, a bedrijfsarts' written feedback D08), so it is stored on the row (`Document.category`) and the
fields that carry the document's substance are classified ROW_CATEGORY. Ids, references to the
owning record, version numbers and hashes are technical. See ADR 0020.
"""

from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import classify

classify(
    "documents.document",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "owner_kind": C.SYSTEM,
        "owner_id": C.SYSTEM,
        "kind": C.ROW_CATEGORY,
        "category": C.SYSTEM,
        "version": C.SYSTEM,
        "title": C.ROW_CATEGORY,
        "content": C.ROW_CATEGORY,
        "content_hash": C.SYSTEM,
        "signers": C.ROW_CATEGORY,
        "locked_at": C.ROW_CATEGORY,
        "signed_language": C.SYSTEM,
        "pdf_name": C.SYSTEM,
        "pdf_sha256": C.SYSTEM,
        "html_name": C.SYSTEM,
        "html_sha256": C.SYSTEM,
        "superseded_by": C.SYSTEM,
        "created_by": C.ROW_CATEGORY,
        "created_at": C.SYSTEM,
    },
)
classify(
    "documents.signature",
    {
        "id": C.SYSTEM,
        "document": C.SYSTEM,
        "user": C.ROW_CATEGORY,
        "typed_name": C.ROW_CATEGORY,
        "signed_at": C.ROW_CATEGORY,
        "content_hash": C.SYSTEM,
    },
)
