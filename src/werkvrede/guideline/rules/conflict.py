"""Conflict definition, classification, escalation (R-001…R-007) and the Glasl phases."""

from werkvrede.guideline.model import GlaslPhase, SignalKind
from werkvrede.guideline.rules.context import Context, days


def glasl_phase(stage: int | None) -> GlaslPhase | None:
    """Glasl: stages 1-3 phase I (win-win), 4-6 phase II (win-lose), 7-9 phase III (lose-lose)."""
    if stage is None:
        return None
    if stage <= 3:
        return GlaslPhase.I_WIN_WIN
    if stage <= 6:
        return GlaslPhase.II_WIN_LOSE
    return GlaslPhase.III_LOSE_LOSE


def recent_signals(ctx: Context) -> list[SignalKind]:
    """Escalation signals within the I-4 window (undated ones count); R-006 adds a sick report."""
    c = ctx.s.conflict
    window_start = ctx.today - days(ctx.tenant.i4_signal_window_days)
    kinds: list[SignalKind] = []
    if c is not None:
        kinds = [
            sig.kind for sig in c.escalation_signals if sig.on is None or window_start <= sig.on <= ctx.today
        ]
    sr = ctx.s.sick_report
    if c is not None and c.established and sr is not None and window_start <= sr.first_sick_day <= ctx.today:
        kinds.append(SignalKind.SICK_REPORT)
    return sorted(set(kinds))


def check(ctx: Context) -> None:
    sr = ctx.s.sick_report
    if sr is not None and sr.conflict_signalled:
        # R-007 (S3): emotions alone are no reason for a sick report.
        ctx.add("R-007", "sick_report.conflict_signalled")
    c = ctx.s.conflict
    if c is None:
        return
    # R-001 (S3): an asymmetric conflict is still a conflict.
    if c.established and c.acknowledged_by_other is False:
        ctx.add("R-001", "conflict.acknowledged_by_other")
    if c.intake_completed:
        # R-002 (S3): at least one domain.
        if not c.domains:
            ctx.add("R-002", "conflict.domains")
        # R-003 (S3): configuration set, all within one organisation.
        if c.configuration is None or not c.same_organisation:
            ctx.add("R-003", "conflict.configuration")
    signals = [k for k in recent_signals(ctx) if k is not SignalKind.SICK_REPORT]
    if signals:
        ctx.add("R-005", "conflict.escalation_signals", signals=", ".join(signals))
    if sr is not None and c.established:
        # R-006 (S3): a sick report counts as "more parties involved".
        ctx.add("R-006", "sick_report")
