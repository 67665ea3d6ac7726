"""Ask the guideline engine about a mediation change: SM-5/SM-5T transitions and R-070…R-097 findings.

The mediation's facts are built by `facts.py`. For a mediation on a case the whole case situation is
used (so R-085 knows about a sick report and R-100 about undesirable behaviour); a direct mediation
without a case is evaluated on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from werkvrede.cases.guideline_bridge import case_situation_data
from werkvrede.core.refusals import Blocked
from werkvrede.guideline import Finding, Severity, evaluate, parse_situation
from werkvrede.guideline.states import transition
from werkvrede.mediation import facts
from werkvrede.mediation.models import Mediation, TerminationAgreement


class NeedsAcknowledgement(Exception):  # noqa: N818 - a guideline outcome
    """WARN findings the user has not acknowledged yet (pass their codes in `acknowledged`)."""

    def __init__(self, findings: tuple[Finding, ...]) -> None:
        super().__init__(", ".join(f.code for f in findings))
        self.findings = findings


@dataclass(frozen=True)
class Check:
    target: str | None
    warnings: tuple[Finding, ...]
    info: tuple[Finding, ...]


def situation_data(mediation: Mediation, today: date, **override: Any) -> dict[str, Any]:
    data: dict[str, Any] = (
        case_situation_data(mediation.case, today=today)
        if mediation.case_id is not None and mediation.case is not None
        else {"today": today.isoformat()}
    )
    data["mediation"] = facts.mediation_engine_facts(mediation, **override)
    return data


def _mine(finding: Finding, subject: str) -> bool:
    s = finding.subject or ""
    return s == subject or s.startswith((subject + ".", subject + "["))


def check(
    data: dict[str, Any],
    *,
    today: date,
    machine: str = "SM-5",
    state: str | None = None,
    event: str | None = None,
    subject: str = "mediation",
    block: Iterable[str] = (),
    acknowledge: Iterable[str] = (),
    acknowledged: Iterable[str] = (),
) -> Check:
    """Raise Blocked for a refused transition or a BLOCK in `block`; NeedsAcknowledgement for WARNs."""
    situation = parse_situation(data)
    target = None
    if event is not None:
        result = transition(machine, state, event, situation, today=today, subject=subject)
        if not result.allowed or result.target is None:
            raise Blocked(result.findings)
        target = result.target
    findings = [f for f in evaluate(situation, today=today).findings if _mine(f, subject)]
    blocking = tuple(
        f for f in findings if f.code in set(block) and f.severity in (Severity.BLOCK, Severity.BLOCK_STAR)
    )
    if blocking:
        raise Blocked(blocking)
    warnings = tuple(f for f in findings if f.code in set(acknowledge) and f.severity is Severity.WARN)
    missing = tuple(f for f in warnings if f.code not in set(acknowledged))
    if missing:
        raise NeedsAcknowledgement(missing)
    info = tuple(f for f in findings if f.severity is Severity.INFO)
    return Check(target, warnings, info)


def findings_for(data: dict[str, Any], *, today: date, subject: str) -> tuple[Finding, ...]:
    situation = parse_situation(data)
    return tuple(f for f in evaluate(situation, today=today).findings if _mine(f, subject))


def termination_situation(ta: TerminationAgreement, today: date, **override: Any) -> dict[str, Any]:
    """A termination agreement on its own (the reflection period does not depend on the rest of the case)."""
    return {"today": today.isoformat(), "termination_agreements": [facts.termination_facts(ta, **override)]}
