"""The mediation context's part of a case's guideline situation: `mediation` and `termination_agreements`."""

from __future__ import annotations

from datetime import date
from typing import Any

from werkvrede.cases.models import Case, CaseParticipant
from werkvrede.mediation.models import (
    Admission,
    AdmissionConsent,
    AdmissionKind,
    Mediation,
    MediationParty,
    Session,
    TerminationAgreement,
    TerminationState,
)

# The fixed fields of the neutral termination notice; there is no other field to fill.
NOTICE_FIELDS = (
    "CASE_REFERENCE",
    "PARTIES",
    "START_DATE",
    "END_DATE",
    "ENDED_STATEMENT",
    "CONFIDENTIALITY_REMINDER",
)


def _d(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def mediator_other_roles(mediation: Mediation, mediator_id: int | None = None) -> list[str]:
    """SOD-2: the roles the (proposed) mediator holds besides MED in this case or mediation."""
    uid = mediator_id if mediator_id is not None else mediation.mediator_id
    if uid is None:
        return []
    roles: set[str] = set()
    if mediation.case_id is not None:
        roles |= set(
            CaseParticipant.objects.filter(case_id=mediation.case_id, user_id=uid).values_list(
                "role", flat=True
            )
        )
    if mediation.pk is not None:
        sides = MediationParty.objects.filter(mediation=mediation, user_id=uid).values_list("side", flat=True)
        roles |= {"LG" if side == "ER" else side for side in sides}
        for kind in Admission.objects.filter(mediation=mediation, user_id=uid).values_list("kind", flat=True):
            roles.add("ADV" if kind == AdmissionKind.LAWYER else "SUP")
    # The guideline's roles: TD/BMW count as other roles too.
    return sorted(roles)


def _willing(parties: list[MediationParty]) -> bool | None:
    if any(p.willing is False for p in parties):
        return False
    if parties and all(p.willing for p in parties):
        return True
    return None


def attendee_facts(mediation: Mediation) -> list[dict[str, Any]]:
    parties = MediationParty.objects.filter(mediation=mediation).count()
    out = []
    # Attendees are the admitted persons; a candidate is not one yet (sessions check candidates, R-076).
    for admission in Admission.objects.filter(
        mediation=mediation, revoked_at__isnull=True, admitted_at__isnull=False
    ):
        consents = AdmissionConsent.objects.filter(admission=admission).count()
        out.append(
            {
                "role": "ADV" if admission.kind == AdmissionKind.LAWYER else "SUP",
                "all_parties_agree": consents >= parties,
                "nda_signed": admission.admitted_at is not None,
            }
        )
    return out


def mediation_engine_facts(mediation: Mediation, **override: Any) -> dict[str, Any]:
    parties = list(MediationParty.objects.filter(mediation=mediation)) if mediation.pk else []
    signed = mediation.agreement_signed_on is not None
    facts: dict[str, Any] = {
        "status": mediation.state,
        "referred_on": _d(mediation.referred_on),
        "referrer_role": mediation.referrer_role or None,
        "all_parties_willing": _willing(parties),
        "mediator_other_roles": mediator_other_roles(mediation),
        "sessions": [
            _d(s.starts_at.date())
            for s in Session.objects.filter(mediation=mediation, cancelled_at__isnull=True).order_by(
                "starts_at"
            )
        ]
        if mediation.pk
        else [],
        "paused_on": _d(mediation.paused_on),
        "undesirable_behaviour_at_intake": mediation.vp_referred,
        "track": mediation.track or None,
        "attendees": attendee_facts(mediation) if mediation.pk else [],
        "referrer_receives": ["D14"],
        # the mediator's messages that reached only some of the parties.
        "one_sided_messages": mediation.messages.filter(one_sided=True).count() if mediation.pk else 0,
    }
    if mediation.agreement_clauses or signed:
        facts["agreement"] = {
            "signed_by_all_parties": signed,
            "signed_by_mediator": signed,
            "signed_on": _d(mediation.agreement_signed_on),
            "clauses": list(mediation.agreement_clauses),
        }
    if mediation.outcome_kind:
        facts["outcome"] = {
            "kind": mediation.outcome_kind,
            "signed_by_all_parties": mediation.outcome_signed_on is not None,
            "written": True,
            "ends_mediation_explicitly": mediation.outcome_ends_mediation,
            "dated": mediation.outcome_ends_mediation,
        }
    if mediation.end_kind:
        facts["end"] = {
            "kind": mediation.end_kind,
            "written_statement": True,
            "end_on": _d(mediation.ended_on),
        }
    if mediation.notice_sent_on is not None:
        facts["neutral_notice_fields"] = list(NOTICE_FIELDS)
    facts.update(override)
    return facts


def termination_facts(ta: TerminationAgreement, **override: Any) -> dict[str, Any]:
    signed = ta.concluded_on is not None
    facts: dict[str, Any] = {
        "written": True,
        "terminates_employment": True,
        "signed_by_employer": signed,
        "signed_by_employee": signed,
        "concluded_on": _d(ta.concluded_on),
        "essentials_agreed_in_writing_on": _d(ta.essentials_agreed_on),
        "mentions_dissolution_right": ta.mentions_dissolution_right,
        "statutory_director": ta.statutory_director,
        "court_settlement": ta.court_settlement,
        "previous_dissolution_on": _d(previous_dissolution(ta)),
        "checklist": list(ta.checklist),
        "drafted_by": "MED" if ta.mediation_id else None,
        "ba_involved": False,
    }
    if ta.dissolution_received_on is not None or ta.state == TerminationState.DISSOLVED:
        facts["dissolution"] = {
            "sent_on": _d(ta.dissolution_sent_on),
            "received_on": _d(ta.dissolution_received_on),
            "written": True,
        }
    facts.update(override)
    return facts


def previous_dissolution(ta: TerminationAgreement) -> date | None:
    """R-094: the employee's latest dissolution of an earlier termination agreement with this employer."""
    earlier = (
        TerminationAgreement.objects.filter(
            organisation_id=ta.organisation_id,
            employee_id=ta.employee_id,
            state=TerminationState.DISSOLVED,
            dissolution_received_on__isnull=False,
        )
        .exclude(pk=ta.pk)
        .order_by("-dissolution_received_on")
        .values_list("dissolution_received_on", flat=True)
        .first()
    )
    return earlier


def case_mediation(case: Case) -> Mediation | None:
    """The mediation the engine looks at: the running one, else the latest."""
    rows = Mediation.objects.filter(case=case).order_by("-created_at", "-pk")
    return next((m for m in rows if m.active), None) or rows.first()


def mediation_facts(case: Case) -> dict[str, Any]:
    out: dict[str, Any] = {}
    mediation = case_mediation(case)
    if mediation is not None:
        out["mediation"] = mediation_engine_facts(mediation)
    tas = TerminationAgreement.objects.filter(case=case).order_by("created_at", "pk")
    if tas:
        out["termination_agreements"] = [termination_facts(ta) for ta in tas]
    return out
