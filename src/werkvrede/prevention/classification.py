from werkvrede.core.classification import ANONYMOUS, ORGANISATION, F, Retention, Withheld, classify
from werkvrede.core.classification import FieldClass as C

# A pulse is the organisation's own configuration: which team, when, by whom (docs/prevention.md).
classify(
    "prevention.pulse",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "team": C.TENANT,
        "team_key": C.TENANT,
        "token": C.SYSTEM,
        "started_by": F(C.ACCOUNT, subject="started_by", export=True),
        "started_on": C.TENANT,
        "closes_on": C.TENANT,
        "closed_on": C.TENANT,
        "guideline_version": C.SYSTEM,
    },
    subject=ORGANISATION,
    retention=Retention.AGGREGATE,
    export=Withheld.NOT_PERSONAL,
)
# Answers carry no identity (no user, address or date); only aggregates above min_cell are shown.
classify(
    "prevention.pulseresponse",
    {"id": C.SYSTEM, "pulse": C.SYSTEM, "answers": C.TENANT},
    subject=ANONYMOUS,
    retention=Retention.AGGREGATE,
    export=Withheld.ANONYMOUS,
)
