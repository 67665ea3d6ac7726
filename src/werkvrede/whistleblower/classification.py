from werkvrede.core.classification import NOBODY, ORGANISATION, F, Retention, Withheld, classify
from werkvrede.core.classification import FieldClass as C

# D18 (docs/rules.md): everything that says who reported what, whom it concerns and how it went is
# the designated officer's and the melder's; even that a named person made a report is D18.
classify(
    "whistleblower.whistlereport",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "state": C.D18,
        "anonymous": C.D18,
        "melder": C.D18,
        "receipt_digest": C.D18,
        "received_on": C.D18,
        "acknowledged_on": C.D18,
        "assessed_on": C.D18,
        "public_interest": C.D18,
        "follow_up_on": C.D18,
        "feedback_on": C.D18,
        "closed_on": C.D18,
        "route_target": C.D18,
        "routed_on": C.D18,
        "route_consent": C.D18,
        "last_activity_on": C.D18,
    },
    subject="melder",
    retention=Retention.R148,
    export=True,
)
classify(
    "whistleblower.concernedperson",
    {"id": C.SYSTEM, "report": C.SYSTEM, "user": C.D18},
    subject="user",
    retention=Retention.R148,
    export=Withheld.MELDER_PROTECTED,
)
classify(
    "whistleblower.whistlemessage",
    {
        "id": C.SYSTEM,
        "report": C.SYSTEM,
        "side": C.D18,
        "author": F(C.D18, subject="author"),
        "sealed": C.SEALED,
        "written_on": C.D18,
    },
    subject="report__melder",
    retention=Retention.R148,
    export=True,
)
# A reminder's key names a report id and a due date: the officers' housekeeping, no content.
classify(
    "whistleblower.remindersent",
    {"id": C.SYSTEM, "key": C.D18, "organisation": C.SYSTEM, "sent_on": C.SYSTEM},
    subject=NOBODY,
    retention=Retention.R148,
    export=Withheld.NOT_PERSONAL,
)
# how many work here and whether a procedure was adopted: about the organisation, no person.
classify(
    "whistleblower.channelsettings",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "workers": C.TENANT,
        "procedure_adopted": C.TENANT,
        "updated_on": C.SYSTEM,
    },
    subject=ORGANISATION,
    retention=Retention.ACCOUNT,
    export=Withheld.NOT_PERSONAL,
)
