from werkvrede.core.classification import NOBODY, F, Retention, Withheld, classify
from werkvrede.core.classification import FieldClass as C

# D21: the audit log — ADM reads metadata, the data subject their own events; never content.
classify(
    "audit.auditevent",
    {
        "id": C.SYSTEM,
        "chain": F(C.D21, export=Withheld.TECHNICAL),
        "seq": F(C.D21, export=Withheld.TECHNICAL),
        "organisation": C.D21,
        "occurred_at": C.D21,
        "action": C.D21,
        "outcome": C.D21,
        "user_id": F(C.D21, subject="user_id"),
        "roles": C.D21,
        "object_type": C.D21,
        "object_id": C.D21,
        "legal_basis": C.D21,
        "category": C.D21,
        "case_id": C.D21,
        "subject_id": C.D21,
        "request_id": F(C.D21, export=Withheld.TECHNICAL),
        "data": C.D21,
        "prev_hash": F(C.D21, export=Withheld.TECHNICAL),
        "hash": F(C.D21, export=Withheld.TECHNICAL),
        "key_id": F(C.D21, export=Withheld.TECHNICAL),
    },
    subject="subject_id",
    retention=Retention.R149,
    export=True,
)
classify(
    "audit.auditchainhead",
    {"id": C.SYSTEM, "chain": C.SYSTEM, "seq": C.SYSTEM, "hash": C.SYSTEM},
    subject=NOBODY,
    retention=Retention.R149,
    export=Withheld.NOT_PERSONAL,
)
