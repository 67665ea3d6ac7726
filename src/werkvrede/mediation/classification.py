"""Data categories of every mediation field (docs/rules.md). Sealed text is in the vault (D11)."""

from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import classify

classify(
    "mediation.mediation",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "case": C.SYSTEM,
        "referral": C.D14,
        "state": C.D14,
        "track": C.D11,
        "subject": C.D12,
        "referred_by": C.D14,
        "referrer_role": C.D14,
        "referred_on": C.D14,
        "mediator": C.D12,
        "impartiality_declared_at": C.D12,
        "paused_on": C.D11,
        "vp_referred": C.D11,
        "agreement_clauses": C.D12,
        "acknowledged": C.D12,
        "agreement_signed_on": C.D12,
        "started_on": C.D14,
        "outcome_kind": C.D13,
        "outcome_signed_on": C.D13,
        "outcome_ends_mediation": C.D13,
        "end_kind": C.D11,
        "ended_on": C.D14,
        "notice_sent_on": C.D14,
        "followup_due_on": C.D14,
        "created_at": C.SYSTEM,
        "updated_at": C.SYSTEM,
    },
)
classify(
    "mediation.mediationparty",
    {
        "id": C.SYSTEM,
        "mediation": C.SYSTEM,
        "user": C.D12,
        "side": C.D12,
        "willing": C.D11,
        "willing_recorded_on": C.D11,
    },
)
classify(
    "mediation.intakerecord",
    {
        "id": C.SYSTEM,
        "mediation": C.SYSTEM,
        "party": C.D11,
        "sealed": C.D11,
        "held_on": C.D11,
        "author": C.D11,
        "created_at": C.SYSTEM,
    },
)
classify(
    "mediation.trackchange",
    {
        "id": C.SYSTEM,
        "mediation": C.SYSTEM,
        "from_track": C.D11,
        "to_track": C.D11,
        "changed_by": C.D11,
        "changed_at": C.SYSTEM,
    },
)
classify(
    "mediation.admission",
    {
        "id": C.SYSTEM,
        "mediation": C.SYSTEM,
        "user": C.D12,
        "kind": C.D12,
        "for_party": C.D12,
        "requested_by": C.D12,
        "requested_at": C.SYSTEM,
        "admitted_at": C.D12,
        "revoked_at": C.D12,
    },
)
classify(
    "mediation.admissionconsent",
    {"id": C.SYSTEM, "admission": C.SYSTEM, "party": C.D12, "consented_at": C.D12},
)
classify(
    "mediation.session",
    {
        "id": C.SYSTEM,
        "mediation": C.SYSTEM,
        "starts_at": C.D11,
        "duration_minutes": C.D11,
        "token": C.SYSTEM,
        "video_url": C.D11,
        "participants": C.D11,
        "planned_by": C.D11,
        "created_at": C.SYSTEM,
        "sequence": C.SYSTEM,
        "cancelled_at": C.D11,
    },
)
classify(
    "mediation.sessionnote",
    {"id": C.SYSTEM, "session": C.SYSTEM, "sealed": C.D11, "author": C.D11, "created_at": C.SYSTEM},
)
classify(
    "mediation.partymessage",
    {
        "id": C.SYSTEM,
        "mediation": C.SYSTEM,
        "sealed": C.D11,
        "recipients": C.D11,
        "one_sided": C.D11,
        "author": C.D11,
        "created_at": C.SYSTEM,
    },
)
classify(
    "mediation.terminationagreement",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "case": C.SYSTEM,
        "mediation": C.SYSTEM,
        "employee": C.D19,
        "employer_signatory": C.D19,
        "state": C.D19,
        "end_of_employment_on": C.D19,
        "mentions_dissolution_right": C.D19,
        "statutory_director": C.D19,
        "court_settlement": C.D19,
        "checklist": C.D19,
        "acknowledged": C.D19,
        "concluded_on": C.D19,
        "essentials_agreed_on": C.D19,
        "reflection_ends_on": C.D19,
        "no_reflection_rule": C.D19,
        "dissolution_sent_on": C.D19,
        "dissolution_received_on": C.D19,
        "created_by": C.D19,
        "outcome": C.D13,
        "created_at": C.SYSTEM,
    },
)
