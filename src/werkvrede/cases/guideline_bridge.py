"""Translate a stored case into the guideline engine's facts. The only code that knows both sides."""

from __future__ import annotations

from datetime import date
from typing import Any

from werkvrede.cases.models import Case, CaseParty
from werkvrede.guideline import Situation, parse_situation


def conflict_facts(
    case: Case,
    parties: list[CaseParty],
    *,
    glasl_stage: int | None,
    conflict_type: str,
    intake_completed: bool,
) -> dict[str, Any]:
    employee_assisted = any(p.legal_assistance_since for p in parties if p.side == CaseParty.Side.EMPLOYEE)
    employer_assisted = any(p.legal_assistance_since for p in parties if p.side == CaseParty.Side.OTHER)
    facts: dict[str, Any] = {
        "signalled_on": case.signalled_on.isoformat(),
        "perceived_by": sorted({p.side for p in parties if p.feels_obstructed}),
        "acknowledged_by_other": case.acknowledged_by_other,
        "domains": list(case.domains),
        "intake_completed": intake_completed,
        "legal_assistance_employee": employee_assisted,
        "legal_assistance_employer": employer_assisted,
    }
    if case.configuration:
        facts["configuration"] = case.configuration
    if glasl_stage is not None:
        facts["glasl_stage"] = glasl_stage
    if conflict_type:
        facts["conflict_type"] = conflict_type
    if case.undesirable_behaviour_suspected:
        facts["undesirable_behaviour"] = {}
    return facts


def case_situation(case: Case, parties: list[CaseParty], *, today: date, **conflict: Any) -> Situation:
    return parse_situation(
        {"today": today.isoformat(), "conflict": conflict_facts(case, parties, **conflict)}
    )
