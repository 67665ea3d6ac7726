"""The sickness context's facts for the guideline: `sick_report`, `assessment` and `ba_advice`.

The only code that knows both the stored records and the engine's input format (docs/guideline.md
§3.3, §3.4). Services build a proposed change on top of `case_facts` and let the engine judge it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from werkvrede.cases.models import Case
from werkvrede.sickness import selectors
from werkvrede.sickness.models import (
    EMPLOYER_DATE_FIELDS,
    R130_FIELDS,
    CapacityAssessment,
    ConflictDiagnosis,
    ConflictFinding,
    SentAdvice,
    SickReport,
    WorkCapacityVerdict,
)
from werkvrede.sickness.wvp_facts import wvp_facts

# Who an advice goes to besides the employee (R-021: the employee always gets the same copy).
EMPLOYER_RECIPIENTS = ("LG", "HR", "CM")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def employer_record(values: dict[str, Any]) -> dict[str, str | bool]:
    """The employer form as the engine's `employer_record` (R-130 keys; empty fields left out)."""
    record: dict[str, str | bool] = {}
    for name in R130_FIELDS:
        value = values.get(name)
        if value is None or value == "":
            continue
        record[name] = value if isinstance(value, bool) else str(value)
    return record


def verdict_facts(verdict: WorkCapacityVerdict) -> dict[str, Any]:
    return {
        "value": verdict.value,
        "recorded_on": verdict.recorded_on.isoformat(),
        "author_role": "BA",
        "degree_pct": verdict.degree_pct,
        "no_work_capacity": verdict.no_work_capacity,
    }


def finding_facts(finding: ConflictFinding) -> dict[str, Any]:
    return {
        "conflict": finding.conflict,
        "prolongs_incapacity": finding.prolongs_incapacity,
        "recorded_on": finding.recorded_on.isoformat(),
        "author_role": "BA",
    }


def report_facts(
    report: SickReport, *, verdict: WorkCapacityVerdict | None, finding: ConflictFinding | None
) -> dict[str, Any]:
    """The stored sick report as `sick_report` (previous periods of the same employee for R-160), with
    the BA's latest verdict and conflict finding, which the assessment facts use too (read once)."""
    facts: dict[str, Any] = {
        "first_sick_day": report.first_sick_day.isoformat(),
        "recovery_date": _iso(report.recovery_date),
        # A sick report in a conflict case is a sick report with a conflict signalled.
        "conflict_signalled": True,
        "notified_to_ba_on": _iso(report.notified_to_ba_on),
        "consult_on": _iso(report.consult_on),
        "consult_by": report.consult_by_role or None,
        "employer_record": employer_record({n: getattr(report, n) for n in R130_FIELDS}),
        "previous_periods": [
            {
                "first_sick_day": p.first_sick_day.isoformat(),
                "last_sick_day": (p.recovery_date - timedelta(days=1)).isoformat(),
            }
            for p in selectors.earlier_reports(report)
            if p.recovery_date is not None and p.recovery_date > p.first_sick_day
        ],
    }
    # The signed Poortwachter documents (D10): T-03, T-04, T-06, T-07, T-09, T-10.
    facts.update(wvp_facts(report))
    if verdict is not None:
        facts["verdict"] = verdict_facts(verdict)
    if finding is not None:
        facts["conflict_finding"] = finding_facts(finding)
    return facts


def assessment_facts(
    report: SickReport,
    *,
    verdict: WorkCapacityVerdict | None,
    finding: ConflictFinding | None,
    diagnosis: ConflictDiagnosis | None,
    capacity: CapacityAssessment | None,
) -> dict[str, Any]:
    """The R-022 checklist, answered from what the bedrijfsarts has recorded."""
    answered: list[str] = []
    if finding is not None:
        answered.append("CONFLICT_PER_DEFINITION")
    if diagnosis is not None:
        answered.append("TYPE_AND_PHASE")
        if "UNKNOWN" not in (diagnosis.style_employee, diagnosis.style_other):
            answered.append("STYLES_BOTH_PARTIES")
        if diagnosis.occupational_disease_assessed:
            answered.append("OCCUPATIONAL_DISEASE")
    if capacity is not None:
        answered += ["RESILIENCE_AND_PROBLEM_SOLVING", "ABLE_TO_CONVERSE"]
    not_applicable: list[str] = []
    if verdict is not None:
        answered.append("WORK_CAPACITY")
        if verdict.limitations or verdict.possibilities or verdict.value == "NOT_AO":
            answered.append("ADAPTED_WORK")
        if verdict.value == "AO":
            # An interventieperiode is only a question when the employee is not AO.
            not_applicable.append("INTERVENTION_PERIOD_INDICATED")
    return {"answered": answered, "not_applicable": not_applicable}


def advice_facts(advice: SentAdvice, *, employee_consent: bool | None = None) -> dict[str, Any]:
    """One advice as a `ba_advice` item (the structured fields of R-030…R-039, the free text for R-030)."""
    facts: dict[str, Any] = {
        "kind": advice.kind,
        "author_role": "BA",
        "issued_on": advice.sent_on.isoformat(),
        "recipients": list(advice.recipients),
        "content": list(advice.content),
        "resumption_condition": advice.resumption_condition,
        "reintegration_condition": advice.reintegration_condition,
        "recommends_termination": advice.recommends_termination,
        "recommends_resignation": advice.recommends_resignation,
        "not_able_to_converse": advice.not_able_to_converse,
        "not_able_medical_grounds": advice.not_able_medical_grounds,
        "review_date": _iso(advice.review_date),
        "free_text": "\n".join(t for t in (advice.solution_direction, advice.text) if t) or None,
        "employee_consent": employee_consent,
        "justification": advice.justifications.get("R-022") or None,
        "other_party_informed_how": advice.justifications.get("R-023") or None,
        "disclosed_categories": ["D08"],
    }
    if advice.kind == "INTERVENTION_PERIOD" or advice.ip_form:
        facts["intervention_period"] = {
            "form": advice.ip_form or None,
            "start_on": _iso(advice.ip_start_on),
            "days": advice.ip_days,
            "contact_person": advice.ip_contact_person or None,
            "explanation": bool(advice.text or advice.solution_direction),
        }
    return facts


def case_facts(case: Case) -> dict[str, Any]:
    """The facts provider registered for every case (`cases.extensions.register_facts`)."""
    data: dict[str, Any] = {}
    report = selectors.current_report(case)
    if report is not None:
        verdict, finding = selectors.latest_verdict(report), selectors.latest_finding(report)
        data["sick_report"] = report_facts(report, verdict=verdict, finding=finding)
        data["assessment"] = assessment_facts(
            report,
            verdict=verdict,
            finding=finding,
            diagnosis=selectors.latest_diagnosis(report),
            capacity=selectors.latest_capacity(report),
        )
    advices = SentAdvice.objects.filter(case=case).order_by("sent_at", "pk")
    if advices:
        # An advice without a sick report could only be sent with the employee's consent (CC-1).
        data["ba_advice"] = [
            advice_facts(a, employee_consent=a.sick_report_id is None or None) for a in advices
        ]
    return data


__all__ = ["EMPLOYER_DATE_FIELDS", "EMPLOYER_RECIPIENTS", "case_facts", "employer_record", "report_facts"]
