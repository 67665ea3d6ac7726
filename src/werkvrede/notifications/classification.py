from werkvrede.core.classification import F, Retention, Withheld, classify
from werkvrede.core.classification import FieldClass as C

classify(
    "notifications.notification",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "recipient": C.SYSTEM,
        "case": C.SYSTEM,
        "kind": C.SYSTEM,
        "key": C.SYSTEM,
        "created_at": C.SYSTEM,
        "sent_at": C.SYSTEM,
    },
    subject="recipient",
    retention=Retention.TECHNICAL,
    export=True,
    retention_note="deleted with its recipient's account or its case",
)
classify(
    "notifications.outgoingmail",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "kind": C.SYSTEM,
        "reference": C.SYSTEM,
        "recipient": C.SYSTEM,
        "address": C.ACCOUNT,  # an address without an account (an e-mail identity, nothing more)
        "recipient_role": C.ROLE,
        "created_at": C.SYSTEM,
        "attempts": C.SYSTEM,
        "next_attempt_at": C.SYSTEM,
        "sent_at": C.SYSTEM,
        "skipped_at": C.SYSTEM,
        "failed_at": C.SYSTEM,
        "last_error": F(C.SYSTEM, export=Withheld.TECHNICAL),
    },
    subject="recipient",
    retention=Retention.OUTBOX,
    export=True,
    retention_note="WERKVREDE_OUTBOX_RETENTION_DAYS (90) after it was sent, skipped or given up",
)
