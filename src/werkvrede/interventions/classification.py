from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import classify

classify(
    "interventions.appointment",
    {
        "id": C.SYSTEM,
        "with_role": C.D09,
        "with_person": C.D09,
        "with_user": C.D09,
        "chaired_by": C.D09,
        "recorded_on": C.D09,
        "meeting_on": C.D09,
    },
)
classify(
    "interventions.interventionperiod",
    {
        "id": C.SYSTEM,
        "case": C.SYSTEM,
        "state": C.D09,
        "initiated_by": C.D09,
        "form": C.D09,
        "released_reason": C.D09,
        "start_on": C.D09,
        "end_on": C.D09,
        "exceptional_reason": C.D09,
        "employer_approved_on": C.D09,
        "approved_by": C.D09,
        "appointment": C.D09,
        "extension_end_on": C.D09,
        "extension_reason": C.D09,
        "sick_reported_on": C.D09,
        "evaluated_on": C.D09,
        "evaluation_outcome": C.D09,
        "acknowledged": C.D09,
        "created_by": C.D09,
        "created_at": C.SYSTEM,
        "updated_at": C.SYSTEM,
    },
)
classify(
    "interventions.conflictleave",
    {
        "id": C.SYSTEM,
        "case": C.SYSTEM,
        "employee": C.D09,
        "state": C.D09,
        "start_on": C.D09,
        "end_on": C.D09,
        "appointment": C.D09,
        "approved_on": C.D09,
        "approved_by": C.D09,
        "acknowledged": C.D09,
        "created_at": C.SYSTEM,
        "updated_at": C.SYSTEM,
    },
)
classify(
    "interventions.intervention",
    {
        "id": C.SYSTEM,
        "case": C.SYSTEM,
        "kind": C.D05,
        "status": C.D05,
        "chair_role": C.D05,
        "hr_attends": C.D05,
        "support_employee": C.D05,
        "support_other": C.D05,
        "planned_on": C.D05,
        "started_on": C.D05,
        "ended_on": C.D05,
        "outcome_resolved": C.D05,
        "note": C.D05,
        "acknowledged": C.D05,
        "created_by": C.D05,
        "created_at": C.SYSTEM,
    },
)
