"""Interventieperiode (R-040…R-049, T-14…T-16)."""

from werkvrede.guideline.calendar import inclusive_days
from werkvrede.guideline.model import (
    EMPLOYER_ROLES,
    AbsenceRegistration,
    InterventionForm,
    InterventionPeriod,
    Role,
    Severity,
)
from werkvrede.guideline.rules.context import Context, msg


def _duration(ctx: Context, path: str, ip: InterventionPeriod) -> None:
    """R-041 (S3, W59, W60): ≤ normal OK; ≤ exceptional with reason (WARN+J); longer BLOCK."""
    if ip.start_on is None or ip.end_on is None:
        return
    normal, maximum = ctx.tenant.ip_normal_max_days, ctx.tenant.ip_exceptional_max_days
    n = inclusive_days(ip.start_on, ip.end_on)
    if n > maximum:
        ctx.add("R-041", f"{path}.end_on", severity=Severity.BLOCK, days=n, normal=normal, maximum=maximum)
    elif n > normal:
        ctx.add(
            "R-041",
            f"{path}.exceptional_reason",
            justified=bool(ip.exceptional_reason),
            days=n,
            normal=normal,
            maximum=maximum,
        )
    if n > normal:
        ctx.add("R-042", f"{path}.end_on")
    if ip.extension_end_on is not None:
        total = inclusive_days(ip.start_on, ip.extension_end_on)
        if total > maximum:
            ctx.add(
                "R-041",
                f"{path}.extension_end_on",
                severity=Severity.BLOCK,
                days=total,
                normal=normal,
                maximum=maximum,
            )
        elif total > normal:
            reason = ip.extension_reason or ip.exceptional_reason
            ctx.add(
                "R-041",
                f"{path}.extension_end_on",
                justified=bool(reason),
                days=total,
                normal=normal,
                maximum=maximum,
            )


def _one(ctx: Context, i: int, ip: InterventionPeriod) -> None:
    path = f"intervention_periods[{i}]"
    # R-046 (S3): explicit start and end; no open-ended periods.
    if ip.start_on is None:
        ctx.add("R-046", f"{path}.start_on")
    if ip.end_on is None:
        ctx.add("R-046", f"{path}.end_on")
    _duration(ctx, path, ip)
    # R-040 (S3, W60): released from work only with a reason why another workplace is impossible.
    if ip.form is InterventionForm.RELEASED_FROM_WORK:
        ctx.add("R-040", f"{path}.released_reason", justified=bool(ip.released_reason))
    # R-043 (S3, W59): employer approval before the period becomes active.
    if ip.employer_approved_on is None:
        ctx.add("R-043", f"{path}.employer_approved_on")
    # R-044 (S3) / T-15: appointment at or before the start; meeting not after the end.
    ap = ip.appointment
    end = ip.extension_end_on or ip.end_on
    if ap is None:
        ctx.add("R-044", f"{path}.appointment", problem=msg("no appointment", "geen afspraak"))
    else:
        if ap.recorded_on is not None and ip.start_on is not None and ap.recorded_on > ip.start_on:
            ctx.add(
                "R-044",
                f"{path}.appointment.recorded_on",
                problem=msg("recorded after the start", "vastgelegd na de start"),
            )
        if ap.meeting_on is not None and end is not None and ap.meeting_on > end:
            ctx.add(
                "R-044",
                f"{path}.appointment.meeting_on",
                severity=Severity.WARN,
                problem=msg("meeting after the end date", "gesprek na de einddatum"),
            )
        # R-064 (S3): the VP never chairs the conversation.
        if ap.chaired_by is Role.VP:
            ctx.add("R-064", f"{path}.appointment.chaired_by")
            ctx.routes.add("RT-11")
    if ip.start_on is not None:
        done = (
            ap.recorded_on
            if ap is not None and ap.recorded_on is not None and ap.recorded_on <= ip.start_on
            else None
        )
        if ap is not None and ap.recorded_on is None:
            done = ip.start_on  # recorded, date unknown: counted as on time
        ctx.deadline("T-15", (Role.LG, Role.HR), subject=f"{path}.appointment", due=ip.start_on, done_on=done)
    # R-045 (S3, W59): paid leave, never a sick report, no verdict.
    if ip.registered_as is AbsenceRegistration.SICK or ip.has_verdict:
        ctx.add("R-045", f"{path}.registered_as")
    # R-035 (S3): a BA-advised period requires "not AO" or no sick report.
    if ip.initiated_by is Role.BA and ctx.is_ao:
        ctx.add("R-035", f"{path}.initiated_by")
    # R-047 (S3): employer-initiated under the protocol.
    if ip.initiated_by in EMPLOYER_ROLES:
        ctx.add("R-047", f"{path}.initiated_by")
    # R-049 (DESIGN): a sick report during the period ends it.
    sick_on = ip.sick_reported_on
    sr = ctx.s.sick_report
    if (
        sick_on is None
        and sr is not None
        and ip.start_on is not None
        and end is not None
        and ip.start_on <= sr.first_sick_day <= end
    ):
        sick_on = sr.first_sick_day
    if sick_on is not None and ip.start_on is not None and (end is None or ip.start_on <= sick_on <= end):
        ctx.add("R-049", f"{path}.sick_reported_on", on=sick_on)
        return
    if end is not None:
        # T-14: the end of the period.
        ctx.deadline(
            "T-14",
            (Role.LG, Role.HR),
            subject=f"{path}.end_on",
            due=end,
            done_on=end if ctx.today > end else None,
        )
        # R-048 (W60) / T-16: evaluation within N working days after the end.
        due = ctx.cal.add_working_days(end, ctx.tenant.ip_evaluation_due_working_days)
        ctx.deadline(
            "T-16",
            (Role.LG, Role.HR, Role.BA),
            subject=f"{path}.evaluated_on",
            due=due,
            done_on=ip.evaluated_on,
        )
        if ip.evaluated_on is None and ctx.today > due:
            ctx.add("R-048", f"{path}.evaluated_on", due=due)


def check(ctx: Context) -> None:
    for i, ip in enumerate(ctx.s.intervention_periods):
        _one(ctx, i, ip)
