"""Data classes of the calendar feed's fields: who has a feed is account data, the rest technical."""

from werkvrede.core.classification import F, Retention, Withheld, classify
from werkvrede.core.classification import FieldClass as C

classify(
    "agenda.calendarfeed",
    {
        "id": C.SYSTEM,
        "user": C.ACCOUNT,
        "organisation": C.SYSTEM,
        "digest": F(C.SYSTEM, export=Withheld.SECRET),
        "language": C.ACCOUNT,
        "created_at": C.SYSTEM,
        "revoked_at": C.SYSTEM,
    },
    subject="user",
    retention=Retention.ACCOUNT,
    export=True,
)
