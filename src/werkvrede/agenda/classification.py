"""Data classes of the calendar feed's fields: who has a feed is account data, the rest technical."""

from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import classify

classify(
    "agenda.calendarfeed",
    {
        "id": C.SYSTEM,
        "user": C.ACCOUNT,
        "organisation": C.SYSTEM,
        "digest": C.SYSTEM,
        "language": C.ACCOUNT,
        "created_at": C.SYSTEM,
        "revoked_at": C.SYSTEM,
    },
)
