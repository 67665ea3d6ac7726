from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import classify

# D21: the audit log — ADM reads metadata, the data subject their own events; never content.
classify(
    "audit.auditevent",
    {
        "id": C.SYSTEM,
        "chain": C.D21,
        "seq": C.D21,
        "organisation": C.D21,
        "occurred_at": C.D21,
        "action": C.D21,
        "outcome": C.D21,
        "user_id": C.D21,
        "roles": C.D21,
        "object_type": C.D21,
        "object_id": C.D21,
        "legal_basis": C.D21,
        "category": C.D21,
        "case_id": C.D21,
        "subject_id": C.D21,
        "request_id": C.D21,
        "data": C.D21,
        "prev_hash": C.D21,
        "hash": C.D21,
        "key_id": C.D21,
    },
)
classify("audit.auditchainhead", {"id": C.SYSTEM, "chain": C.SYSTEM, "seq": C.SYSTEM, "hash": C.SYSTEM})
