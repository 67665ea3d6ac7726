from werkvrede.core.classification import F, Retention, classify
from werkvrede.core.classification import FieldClass as C

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
        "supporter": F(C.D17, subject="supporter"),
        "invited_name": C.D17,
        "invited_at": C.D17,
        "accepted_at": C.D17,
        "revoked_at": C.D17,
    },
    subject="employee",
    retention=Retention.R147,
    export=True,
)
classify(
    "supporters.preparationnote",
    {
        "id": C.SYSTEM,
        "grant": C.SYSTEM,
        "section": C.D17,
        "author": F(C.D17, subject="author"),
        "sealed": C.SEALED,
        "created_at": C.D17,
    },
    subject="grant__employee",
    retention=Retention.R147,
    export=True,
)
