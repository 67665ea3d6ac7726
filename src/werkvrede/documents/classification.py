"""The data category of every field of the documents context (docs/rules.md).

A document's category depends on its kind (a mediation agreement is D12, a termination agreement
D19, a bedrijfsarts' written feedback D08), so it is stored on the row (`Document.category`) and the
fields that carry the document's substance are classified ROW_CATEGORY. Ids, references to the
owning record, version numbers and hashes are technical. See ADR 0020.
"""

from werkvrede.core.classification import OWNER, F, Retention, classify, document_owners
from werkvrede.core.classification import FieldClass as C

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
        "created_by": F(C.ROW_CATEGORY, subject="created_by"),
        "created_at": C.SYSTEM,
    },
    subject=OWNER,
    retention=Retention.TECHNICAL,
    export=True,
    retention_note="follows its owner row (owner_kind, owner_id)",
)
classify(
    "documents.signature",
    {
        "id": C.SYSTEM,
        "document": C.SYSTEM,
        "user": F(C.ROW_CATEGORY, subject="user"),
        "typed_name": C.ROW_CATEGORY,
        "signed_at": C.ROW_CATEGORY,
        "content_hash": C.SYSTEM,
    },
    subject="document",
    retention=Retention.TECHNICAL,
    export=True,
    retention_note="follows its document",
)

# The owner kinds a document names (`Document.owner_kind`): its subject and retention are its owner's.
document_owners(
    {
        "sickness.sickreport": "sickness.sickreport",
        "sickness.advice": "sickness.sentadvice",
        "mediation.mediation": "mediation.mediation",
        "mediation.admission": "mediation.admission",
        "mediation.termination": "mediation.terminationagreement",
    }
)
