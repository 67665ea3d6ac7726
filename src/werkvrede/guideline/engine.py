"""``evaluate(situation, *, today) -> Advice``: run every rule module and order the result.

Ordering (stable, documented in docs/guideline.md):
* routes and indications: by number (RT-1 < RT-2 < … < RT-13; I-1 < … < I-8);
* findings: by severity (BLOCK, BLOCK*, WARN+J, WARN, TIMER, INFO), then code number, then subject;
* deadlines: by code number, then subject, then due date.
"""

from datetime import date

from werkvrede.guideline.catalogue import code_sort_key
from werkvrede.guideline.model import SEVERITY_ORDER, Advice, Deadline, Finding, Situation
from werkvrede.guideline.parse import InvalidSituation
from werkvrede.guideline.rules import (
    advice,
    confidential,
    conflict,
    conflict_leave,
    intervention_period,
    interventions,
    mediation,
    privacy,
    settlement,
    sickness,
    wvp,
)
from werkvrede.guideline.rules.context import Context
from werkvrede.guideline.version import GUIDELINE_VERSION

_CHECKS = (
    conflict.check,
    sickness.check,
    advice.check,
    privacy.check,
    intervention_period.check,
    conflict_leave.check,
    interventions.check,
    mediation.check,
    settlement.check,
    confidential.check,
    wvp.check,
    wvp.check_retention,
)


def _finding_key(f: Finding) -> tuple[int, tuple[int, int], str, str]:
    return (SEVERITY_ORDER[f.severity], code_sort_key(f.code), f.subject or "", f.message.en)


def _deadline_key(d: Deadline) -> tuple[tuple[int, int], str, str, str]:
    due = d.due or d.window_end
    return (code_sort_key(d.code), d.subject or "", due.isoformat() if due else "", d.note or "")


def evaluate(situation: Situation, *, today: date | None) -> Advice:
    """Evaluate ``situation`` on ``today`` (falls back to ``situation.today``; the clock is never read)."""
    day = today or situation.today
    if day is None:
        raise InvalidSituation("today", "required: pass today or set the situation's today field")
    ctx = Context.build(situation, day)
    # R-100 first: its hold shapes the routes.
    confidential.check_hold(ctx)
    for check in _CHECKS:
        check(ctx)
    findings = sorted(dict.fromkeys(ctx.findings), key=_finding_key)
    deadlines = sorted(ctx.deadlines, key=_deadline_key)
    c = situation.conflict
    agg = ctx.agg
    return Advice(
        guideline_version=GUIDELINE_VERSION,
        today=day,
        variant=ctx.variant,
        glasl_phase=conflict.glasl_phase(c.glasl_stage if c is not None else None),
        routes=tuple(sorted(ctx.routes, key=code_sort_key)),
        indications=tuple(sorted(ctx.indications, key=code_sort_key)),
        findings=tuple(findings),
        deadlines=tuple(deadlines),
        aggregated_first_sick_day=agg.chain_first_sick_day if agg and agg.aggregated_periods else None,
        sick_days_before_current_period=agg.previous_sick_days if agg else 0,
    )
