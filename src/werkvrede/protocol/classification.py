from werkvrede.core.classification import ORGANISATION, F, Retention, Withheld, classify
from werkvrede.core.classification import FieldClass as C
from werkvrede.protocol.parameters import EDITABLE_FIELDS

# Organisation policy: parameters and the contacts everyone in the organisation may read.
classify(
    "protocol.conflictprotocol",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "version": C.SYSTEM,
        "created_by": F(C.ACCOUNT, subject="created_by", export=True),
        "created_at": C.SYSTEM,
        **dict.fromkeys(EDITABLE_FIELDS, C.TENANT),
    },
    subject=ORGANISATION,
    retention=Retention.ACCOUNT,
    export=Withheld.NOT_PERSONAL,
)
