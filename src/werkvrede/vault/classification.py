from werkvrede.core.classification import PARENT, Retention, Withheld, classify
from werkvrede.core.classification import FieldClass as C

classify(
    "vault.sealedcontent",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "compartment": C.SYSTEM,
        "key_id": C.SYSTEM,
        "nonce": C.SYSTEM,
        "ciphertext": C.SEALED,
        "created_at": C.SYSTEM,
        "sealed_at": C.SYSTEM,
    },
    subject=PARENT,
    retention=Retention.TECHNICAL,
    export=Withheld.TECHNICAL,
    retention_note="follows the row that holds it",
)
