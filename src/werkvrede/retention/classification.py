from werkvrede.core.classification import NOBODY, ORGANISATION, F, Retention, Withheld, classify
from werkvrede.core.classification import FieldClass as C

# A hold on a person: why their records are kept longer, employer-side like a case's hold
# (D05, ADR 0101); read by HR and the Beheerder (docs/adr/0176-legal-holds-on-a-person.md). A lifted
# hold stays as history while the person belongs to the organisation.
classify(
    "retention.personhold",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "person": C.ROLE,
        "category": C.D05,
        # The reason texts may name proceedings or others: for those who manage it (ADR 0101, 0198).
        "reason": F(C.D05, export=Withheld.HANDLERS_REASON),
        "set_by": F(C.D05, subject="set_by"),
        "set_at": F(C.SYSTEM, export=True),
        "lifted_by": F(C.D05, subject="lifted_by"),
        "lifted_at": F(C.SYSTEM, export=True),
        "lift_reason": F(C.D05, export=Withheld.HANDLERS_REASON),
    },
    subject="person",
    retention=Retention.ACCOUNT,
    export=True,
)
# Counts only: no person, no case, no content (docs/adr/0175-retention-that-runs.md).
classify(
    "retention.purgerun",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "ran_at": C.SYSTEM,
        "today": C.SYSTEM,
        "dry_run": C.SYSTEM,
        "purged": C.SYSTEM,
        "held": C.SYSTEM,
        "warned": C.SYSTEM,
        "files_removed": C.SYSTEM,
    },
    subject=ORGANISATION,
    retention=Retention.AGGREGATE,
    export=Withheld.NOT_PERSONAL,
)
classify(
    "retention.retentionwarning",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "rule": C.SYSTEM,
        "record": C.SYSTEM,
        "expires_on": C.SYSTEM,
        "warned_at": C.SYSTEM,
    },
    subject=NOBODY,
    retention=Retention.TECHNICAL,
    export=Withheld.TECHNICAL,
    retention_note="deleted when the record it announced is purged",
)
