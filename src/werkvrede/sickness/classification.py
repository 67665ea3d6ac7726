"""The data category of every field of the sickness context (docs/rules.md); `policies` reads it."""

from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import classify

classify(
    "sickness.sickreport",
    {
        "id": C.SYSTEM,
        "case": C.SYSTEM,
        "organisation": C.SYSTEM,
        "employee": C.D02,
        "state": C.D04,
        "first_sick_day": C.D02,
        "notified_to_ba_on": C.D02,
        "recovery_date": C.D02,
        "phone": C.D02,
        "address": C.D02,
        "expected_duration": C.D02,
        "ongoing_appointments": C.D02,
        "ongoing_work": C.D02,
        "safety_net_applies": C.D02,
        "work_accident": C.D02,
        "traffic_accident_liable_third_party": C.D02,
        "consult_on": C.D04,
        "consult_by_role": C.D04,
        "created_by": C.D02,
        "created_at": C.SYSTEM,
        "updated_at": C.SYSTEM,
        "version": C.SYSTEM,
    },
)
classify(
    "sickness.medicalnote",
    {
        "id": C.SYSTEM,
        "sick_report": C.SYSTEM,
        "sealed": C.SEALED,
        "author": C.D01,
        "author_role": C.D01,
        "created_at": C.D01,
    },
)
classify(
    "sickness.workcapacityverdict",
    {
        "id": C.SYSTEM,
        "sick_report": C.SYSTEM,
        "value": C.D04,
        "degree_pct": C.D04,
        "expected_duration": C.D04,
        "no_work_capacity": C.D03,
        "limitations": C.D03,
        "possibilities": C.D03,
        "recorded_on": C.D04,
        "recorded_by": C.D04,
        "recorded_at": C.SYSTEM,
    },
)
classify(
    "sickness.conflictfinding",
    {
        "id": C.SYSTEM,
        "sick_report": C.SYSTEM,
        "conflict": C.D04,
        "prolongs_incapacity": C.D04,
        "variant": C.D04,
        "recorded_on": C.D04,
        "recorded_by": C.D04,
        "recorded_at": C.SYSTEM,
    },
)
classify(
    "sickness.conflictdiagnosis",
    {
        "id": C.SYSTEM,
        "sick_report": C.SYSTEM,
        "conflict_type": C.D06,
        "glasl_stage": C.D06,
        "style_employee": C.D06,
        "style_other": C.D06,
        "occupational_disease_assessed": C.D06,
        "author": C.D06,
        "author_role": C.D06,
        "recorded_at": C.SYSTEM,
    },
)
classify(
    "sickness.capacityassessment",
    {
        "id": C.SYSTEM,
        "sick_report": C.SYSTEM,
        "resilience": C.D07,
        "problem_solving": C.D07,
        "able_to_converse": C.D07,
        "medical_grounds": C.SEALED,
        "review_date": C.D07,
        "strengthening_advice": C.D07,
        "author": C.D07,
        "recorded_at": C.SYSTEM,
    },
)
classify(
    "sickness.sentadvice",
    {
        "id": C.SYSTEM,
        "case": C.SYSTEM,
        "sick_report": C.SYSTEM,
        "kind": C.D08,
        "content": C.D08,
        "resumption_condition": C.D08,
        "reintegration_condition": C.D08,
        "recommends_termination": C.D08,
        "recommends_resignation": C.D08,
        "not_able_to_converse": C.D08,
        "not_able_medical_grounds": C.D08,
        "review_date": C.D08,
        "ip_form": C.D08,
        "ip_start_on": C.D08,
        "ip_days": C.D08,
        "ip_contact_person": C.D08,
        "solution_direction": C.D08,
        "text": C.D08,
        "recipients": C.D08,
        "acknowledged": C.D08,
        "justifications": C.D08,
        "sent_on": C.D08,
        "sent_at": C.D08,
        "author": C.D08,
    },
)
classify(
    "sickness.openconsultation",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "employee": C.D01,
        "physician": C.D01,
        "held_on": C.D01,
        "sealed": C.SEALED,
        "employer_consulted_role": C.D01,
        "created_at": C.D01,
    },
)
