from werkvrede.core.classification import F, Retention, Withheld, classify
from werkvrede.core.classification import FieldClass as C

classify(
    "cases.case",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "reference": C.SYSTEM,
        "state": C.D05,
        "signalled_on": C.D05,
        "signalled_by": F(C.D05, subject="signalled_by"),
        "signalled_as": C.D05,
        "configuration": C.D05,
        "domains": C.D05,
        "acknowledged_by_other": C.D05,
        "undesirable_behaviour_suspected": C.D05,
        "undesirable_behaviour_categories": C.D05,
        "vp_offered_on": C.D05,
        "melder_choice": C.D05,
        "melder_consents_to_mediation": C.D05,
        "intake_completed_on": C.D05,
        "created_at": C.SYSTEM,
        "updated_at": C.SYSTEM,
    },
    subject="parties__user",
    retention=Retention.R140,
    export=True,
)
classify(
    "cases.caseparty",
    {
        "id": C.SYSTEM,
        "case": C.SYSTEM,
        "side": C.D05,
        "is_group": C.D05,
        "user": C.D05,
        "name": C.D05,
        "feels_obstructed": C.D05,
        "legal_assistance_since": C.D05,
    },
    subject="user",
    retention=Retention.R140,
    export=True,
)
classify(
    "cases.caseparticipant",
    {
        "id": C.SYSTEM,
        "case": C.SYSTEM,
        "user": C.ROLE,
        "role": C.ROLE,
        "question": C.D05,
        "added_at": C.SYSTEM,
    },
    subject="user",
    retention=Retention.R140,
    export=True,
)
classify(
    "cases.glaslrecord",
    {
        "id": C.SYSTEM,
        "case": C.SYSTEM,
        "stage": C.D05,
        "conflict_type": C.D05,
        "recorded_by": F(C.D05, subject="recorded_by"),
        "recorded_at": C.D05,
    },
    subject="case",
    retention=Retention.R140,
    export=True,
)
classify(
    "cases.timelineevent",
    {
        "id": C.SYSTEM,
        "case": C.SYSTEM,
        "kind": C.D05,
        "occurred_at": C.D05,
        "actor": F(C.D05, subject="actor"),
        "actor_role": C.D05,
        "data": C.D05,
    },
    subject="case",
    retention=Retention.R140,
    export=True,
)
classify(
    "cases.casenote",
    {
        "id": C.SYSTEM,
        "case": C.SYSTEM,
        "author": F(C.D05, subject="author"),
        "author_role": C.D05,
        "visibility": C.D05,
        "text": C.D05,
        "created_at": C.D05,
        "shared_at": C.D05,
    },
    subject="case",
    retention=Retention.R140,
    export=True,
    export_note="a note a party wrote as PRIVATE or HANDLERS goes only into that party's own export",
)
classify(
    "cases.casedeadline",
    {
        "id": C.SYSTEM,
        "case": C.SYSTEM,
        "organisation": C.SYSTEM,
        "code": C.D10,
        "category": C.SYSTEM,
        "subject": C.D10,
        "status": C.D10,
        "due": C.D10,
        "practical_due": C.D10,
        "window_start": C.D10,
        "done_on": C.D10,
        "late_working_days": C.D10,
        "owner_roles": C.D10,
        "basis": C.D10,
        "guideline_version": C.SYSTEM,
    },
    subject="case",
    retention=Retention.R140,
    export=True,
)
classify(
    "cases.legalhold",
    {
        "id": C.SYSTEM,
        "case": C.SYSTEM,
        "organisation": C.SYSTEM,
        # Why the case's records are kept longer: about the case, so D05 (ADR 0101).
        "category": C.D05,
        # The reason texts may name proceedings or others: for the handlers only (ADR 0101, 0198).
        "reason": F(C.D05, export=Withheld.HANDLERS_REASON),
        "set_by": F(C.D05, subject="set_by"),
        "set_at": F(C.SYSTEM, export=True),
        "lifted_by": F(C.D05, subject="lifted_by"),
        "lifted_at": F(C.SYSTEM, export=True),
        "lift_reason": F(C.D05, export=Withheld.HANDLERS_REASON),
    },
    subject="case",
    retention=Retention.R140,
    export=True,
)
