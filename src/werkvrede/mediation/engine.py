"""Ask the guideline engine about a mediation change: SM-5/SM-5T transitions and R-070…R-097 findings.

The mediation's facts are built by `facts.py`. For a mediation on a case the whole case situation is
used (so R-085 knows about a sick report and R-100 about undesirable behaviour); a direct mediation
without a case is evaluated on its own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from werkvrede.cases.guideline_bridge import case_situation_data
from werkvrede.core.gate import Decision, decide, findings_about
from werkvrede.guideline import Finding, parse_situation
from werkvrede.mediation import facts
from werkvrede.mediation.models import Mediation, TerminationAgreement


def situation_data(mediation: Mediation, today: date, **override: Any) -> dict[str, Any]:
    data: dict[str, Any] = (
        case_situation_data(mediation.case, today=today)
        if mediation.case_id is not None and mediation.case is not None
        else {"today": today.isoformat()}
    )
    data["mediation"] = facts.mediation_engine_facts(mediation, **override)
    return data


def check(data: dict[str, Any], **step: Any) -> Decision:
    """The guideline gate (core.gate.decide) for a mediation step: SM-5 and the mediation, unless named."""
    return decide(data, **{"machine": "SM-5", "subject": "mediation", **step})


def findings_for(data: dict[str, Any], *, today: date, subject: str) -> tuple[Finding, ...]:
    return findings_about(parse_situation(data), today=today, subject=subject)


def termination_situation(ta: TerminationAgreement, today: date, **override: Any) -> dict[str, Any]:
    """A termination agreement on its own (the reflection period does not depend on the rest of the case)."""
    return {"today": today.isoformat(), "termination_agreements": [facts.termination_facts(ta, **override)]}
