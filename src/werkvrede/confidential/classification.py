from werkvrede.core.classification import ORGANISATION, F, Retention, Withheld, classify
from werkvrede.core.classification import FieldClass as C

# D15 (docs/rules.md): everything that says who reported what, and how it went, is the VP's and the
# melder's; even that a named person made a report is D15.
classify(
    "confidential.report",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "state": C.D15,
        "channel": C.D15,
        "melder": C.D15,
        "receipt_digest": C.D15,
        "opened_on": C.D15,
        "intake_on": C.D15,
        "confidentiality_explained": C.D15,
        "privilege_limits_explained": C.D15,
        "registration_consent_on": C.D15,
        "category": C.D15,
        "route": C.D15,
        "resume_state": C.D15,
        "closed_on": C.D15,
        "annual_report": C.D15,
        "in_annual_report_on": C.D15,
        "destroyed_on": C.D15,
        "concerns_ref": C.D15,
        "last_activity_on": C.D15,
    },
    subject="melder",
    retention=Retention.R145,
    export=True,
)
classify(
    "confidential.reportmessage",
    {
        "id": C.SYSTEM,
        "report": C.SYSTEM,
        "side": C.D15,
        "author": F(C.D15, subject="author"),
        "sealed": C.SEALED,
        "written_on": C.D15,
    },
    subject="report__melder",
    retention=Retention.R145,
    export=True,
)
# Who the VP is and how to reach them is meant for everyone in the organisation.
classify(
    "confidential.adviserprofile",
    {"id": C.SYSTEM, "organisation": C.SYSTEM, "user": C.ROLE, "contact": C.ROLE, "external": C.ROLE},
    subject="user",
    retention=Retention.ACCOUNT,
    export=True,
)
# The organisation's category list is configuration, not about anyone.
classify(
    "confidential.reportcategory",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "code": C.TENANT,
        "label": C.TENANT,
        "label_en": C.TENANT,
        "active": C.TENANT,
        "position": C.TENANT,
    },
    subject=ORGANISATION,
    retention=Retention.ACCOUNT,
    export=Withheld.NOT_PERSONAL,
)
# SM-6 row 1: a count per day, nothing else.
classify(
    "confidential.contacttally",
    {"id": C.SYSTEM, "organisation": C.SYSTEM, "day": C.D16, "count": C.D16},
    subject=ORGANISATION,
    retention=Retention.AGGREGATE,
    export=Withheld.NOT_PERSONAL,
)
# D16: anonymised aggregates.
classify(
    "confidential.annualreport",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "year": C.D16,
        "min_cell": C.D16,
        "aggregates": C.D16,
        "recommendations": C.D16,
        "made_on": C.D16,
        "made_by": F(C.D16, subject="made_by", export=True),
    },
    subject=ORGANISATION,
    retention=Retention.AGGREGATE,
    export=Withheld.NOT_PERSONAL,
)
# A referral (R-102, CC-6) and a confidentiality review are part of the report (D15); the
# summary and the justification are sealed. Only the referral's named recipient reads the summary,
# and only while the melder's consent is valid.
classify(
    "confidential.referral",
    {
        "id": C.SYSTEM,
        "report": C.SYSTEM,
        "target": C.D15,
        "recipient": F(C.D15, subject="recipient"),
        "status": C.D15,
        "summary": C.SEALED,
        "other_party": F(C.D15, subject="other_party", export=Withheld.MELDER_PROTECTED),
        "mediation_subject": C.D15,
        "consent": C.D15,
        "mediation": C.D15,
        "proposed_by": F(C.D15, subject="proposed_by"),
        "proposed_on": C.D15,
        "made_on": C.D15,
        "decided_on": C.D15,
    },
    subject="report__melder",
    retention=Retention.R145,
    export=True,
)
classify(
    "confidential.breachreview",
    {
        "id": C.SYSTEM,
        "report": C.SYSTEM,
        "statutory_duty": C.D15,
        "legal_basis": C.D15,
        "conditions": C.D15,
        "melder_informed_on": C.D15,
        "recipient_role": C.D15,
        # The VP's reasoning: their working note; the melder gets the review's facts (ADR 0198).
        "justification": F(C.SEALED, export=Withheld.ADVISERS_NOTES),
        "resume_state": C.D15,
        "considered_by": F(C.D15, subject="considered_by"),
        "considered_on": C.D15,
        "outcome": C.D15,
        "decided_on": C.D15,
    },
    subject="report__melder",
    retention=Retention.R145,
    export=True,
)
# advice to management without identifying melders; an aggregate like the annual report (D16).
classify(
    "confidential.managementadvice",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "text": C.D16,
        "written_on": C.D16,
        "author": F(C.D16, subject="author", export=True),
    },
    subject=ORGANISATION,
    retention=Retention.AGGREGATE,
    export=Withheld.NOT_PERSONAL,
)
