from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import classify

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
)
