"""Arbeidsconflictenverlof (R-050…R-056, T-17)."""

from werkvrede.guideline.calendar import add_months, inclusive_days
from werkvrede.guideline.model import AbsenceRegistration, ConflictLeaveRequest, DayUnit, Role, Severity
from werkvrede.guideline.rules.context import Context, msg


def leave_days(ctx: Context, req: ConflictLeaveRequest) -> int:
    """Length in the tenant's unit: working days by default (docs/rules.md, time conventions)."""
    if ctx.tenant.conflict_leave_day_unit is DayUnit.CALENDAR:
        return inclusive_days(req.start_on, req.end_on)
    return ctx.cal.working_days_between(req.start_on, req.end_on)


def _one(ctx: Context, i: int, req: ConflictLeaveRequest) -> None:
    path = f"conflict_leave_requests[{i}]"
    before = len(ctx.findings)
    # R-050 (S3): only when the protocol enables it.
    if not ctx.tenant.conflict_leave_enabled:
        ctx.add("R-050", path)
    # R-051 (S3) / T-17: once per rolling window between start dates.
    months = ctx.tenant.conflict_leave_window_months
    earlier = [p.start_on for p in ctx.s.conflict_leave_history if p.start_on <= req.start_on]
    if earlier:
        last = max(earlier)
        nxt = add_months(last, months)
        if req.start_on < nxt:
            ctx.add("R-051", f"{path}.start_on", months=months, previous=last, next=nxt)
            ctx.deadline("T-17", (Role.LG, Role.HR), subject=f"{path}.start_on", due=nxt)
    # R-052 (S3): at most max_days.
    n = leave_days(ctx, req)
    if n > ctx.tenant.conflict_leave_max_days:
        ctx.add("R-052", f"{path}.end_on", days=n, maximum=ctx.tenant.conflict_leave_max_days)
    # R-053 (S3): paid, no sick report.
    if req.paid is False or req.registered_as is AbsenceRegistration.SICK:
        ctx.add("R-053", f"{path}.registered_as")
    # R-054 (S3; X-4): appointment required; the VP named → WARN (supports, does not chair; R-064).
    if req.appointment is None:
        ctx.add("R-054", f"{path}.appointment", note="")
    elif req.appointment.with_role is Role.VP or req.appointment.chaired_by is Role.VP:
        note = msg(
            "; the vertrouwenspersoon is named: the VP supports but does not chair the solution"
            " conversation (R-064)",
            "; de vertrouwenspersoon is genoemd: die ondersteunt maar leidt het oplossingsgesprek"
            " niet (R-064)",
        )
        ctx.add("R-054", f"{path}.appointment.with_role", severity=Severity.WARN, note=note)
    # R-056 (S3): not while a sick report is active.
    sr = ctx.s.sick_report
    if (
        sr is not None
        and sr.first_sick_day <= req.start_on
        and (sr.recovery_date is None or sr.recovery_date > req.start_on)
    ):
        ctx.add("R-056", path)
    # R-055 (S3): an approvable request points to the open spreekuur.
    if not any(f.severity in ("BLOCK", "BLOCK*") for f in ctx.findings[before:]):
        ctx.add("R-055", path)
    # RT-4 / RT-5: a request for leave signals a wish for distance; whether approved or refused,
    # the interventieperiode and the open spreekuur are the alternatives (SC-05).
    if not ctx.sick_active:
        ctx.routes.add("RT-4")
    ctx.routes.add("RT-5")


def check(ctx: Context) -> None:
    for i, req in enumerate(ctx.s.conflict_leave_requests):
        _one(ctx, i, req)
