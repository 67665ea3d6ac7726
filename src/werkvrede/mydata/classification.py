from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import Retention, classify

# The request is metadata about the person (D21-like: who asked when); the files' content is every
# category the person may read, encrypted (ADR 0170).
classify(
    "mydata.exportrequest",
    {
        "id": C.SYSTEM,
        "user": C.D21,
        "organisation": C.D21,
        "language": C.D21,
        "state": C.SYSTEM,
        "progress": C.SYSTEM,
        "created_at": C.D21,
        "finished_at": C.D21,
        "expires_at": C.SYSTEM,
        "error": C.SYSTEM,
        "json_name": C.SYSTEM,
        "json_nonce": C.SYSTEM,
        "pdf_name": C.SYSTEM,
        "pdf_nonce": C.SYSTEM,
        "key_id": C.SYSTEM,
    },
    subject="user",
    retention=Retention.TECHNICAL,
    retention_note="deleted with its files 7 days after it is made (`manage.py mydata_expire`, ADR 0170)",
    export=True,
)
