from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import classify
from werkvrede.protocol.parameters import EDITABLE_FIELDS

# Organisation policy: parameters and the contacts everyone in the organisation may read.
classify(
    "protocol.conflictprotocol",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "version": C.SYSTEM,
        "created_by": C.ACCOUNT,
        "created_at": C.SYSTEM,
        **dict.fromkeys(EDITABLE_FIELDS, C.TENANT),
    },
)
