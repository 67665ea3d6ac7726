from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import classify

# A hold on a person: why their records are kept longer, employer-side like a case's hold
# (D05, ADR 0101); read by HR and the Beheerder (docs/adr/0176-legal-holds-on-a-person.md).
classify(
    "retention.personhold",
    {
        "id": C.SYSTEM,
        "organisation": C.TENANT,
        "person": C.ROLE,
        "category": C.D05,
        "reason": C.D05,
        "set_by": C.D05,
        "set_at": C.SYSTEM,
        "lifted_by": C.D05,
        "lifted_at": C.SYSTEM,
        "lift_reason": C.D05,
    },
)
# Counts only: no person, no case, no content (docs/adr/0175-retention-that-runs.md).
classify(
    "retention.purgerun",
    {
        "id": C.SYSTEM,
        "organisation": C.TENANT,
        "ran_at": C.SYSTEM,
        "today": C.SYSTEM,
        "dry_run": C.SYSTEM,
        "purged": C.SYSTEM,
        "held": C.SYSTEM,
        "warned": C.SYSTEM,
        "files_removed": C.SYSTEM,
    },
)
classify(
    "retention.retentionwarning",
    {
        "id": C.SYSTEM,
        "organisation": C.TENANT,
        "rule": C.SYSTEM,
        "record": C.SYSTEM,
        "expires_on": C.SYSTEM,
        "warned_at": C.SYSTEM,
    },
)
