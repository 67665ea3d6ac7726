from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import classify

classify(
    "consent.consent",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "data_subject": C.D20,
        "requested_by": C.D20,
        "recipient_role": C.D20,
        "recipient": C.D20,
        "categories": C.D20,
        "purpose": C.D20,
        "given_on": C.D20,
        "expires_on": C.D20,
        "withdrawn_at": C.D20,
        "created_at": C.SYSTEM,
    },
)
