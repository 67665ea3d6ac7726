from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import classify

# That a person supports an employee in a case is itself part of the preparation (D17): only the
# employee and the supporter learn of it here.
classify(
    "supporters.supportergrant",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "case": C.SYSTEM,
        "mediation": C.SYSTEM,
        "employee": C.D17,
        "supporter": C.D17,
        "invited_name": C.D17,
        "invited_at": C.D17,
        "accepted_at": C.D17,
        "revoked_at": C.D17,
    },
)
classify(
    "supporters.preparationnote",
    {
        "id": C.SYSTEM,
        "grant": C.SYSTEM,
        "section": C.D17,
        "author": C.D17,
        "sealed": C.SEALED,
        "created_at": C.D17,
    },
)
