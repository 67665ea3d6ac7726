from werkvrede.core.classification import F, Retention, classify
from werkvrede.core.classification import FieldClass as C

classify(
    "consent.consent",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "data_subject": C.D20,
        "requested_by": F(C.D20, subject="requested_by"),
        "recipient_role": C.D20,
        "recipient": F(C.D20, subject="recipient"),
        "categories": C.D20,
        "purpose": C.D20,
        "given_on": C.D20,
        "expires_on": C.D20,
        "withdrawn_at": C.D20,
        "created_at": C.SYSTEM,
    },
    subject="data_subject",
    retention=Retention.R140,
    export=True,
)
