from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import classify

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
)
