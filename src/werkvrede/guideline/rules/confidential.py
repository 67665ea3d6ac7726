"""Vertrouwenspersoon (R-100…R-110) and whistleblower reports (R-115…R-120)."""

from werkvrede.guideline.calendar import add_months
from werkvrede.guideline.model import TRANSGRESSIVE, BreachCondition, Role
from werkvrede.guideline.rules.context import Context, days, msg
from werkvrede.guideline.rules.interventions import confronting_steps


def hold_active(ctx: Context) -> bool:
    """R-100 (S1): transgressive behaviour suspected; the melder was not yet offered the VP or chose."""
    c = ctx.s.conflict
    if c is None or c.undesirable_behaviour is None:
        return False
    ub = c.undesirable_behaviour
    return bool(set(ub.categories) & TRANSGRESSIVE) and (ub.vp_offered_on is None or ub.melder_choice is None)


def check_hold(ctx: Context) -> None:
    ctx.hold_active = hold_active(ctx)
    if ctx.hold_active:
        ctx.add("R-100", "conflict.undesirable_behaviour")
        for path in confronting_steps(ctx):
            ctx.add("R-100", path)


def check(ctx: Context) -> None:
    s = ctx.s
    vp = s.vp_report
    if vp is not None:
        ctx.add("R-101", "vp_report")
        if vp.mediator_proposed:
            ctx.add("R-102", "vp_report.melder_consents_mediator")
        for i, d in enumerate(vp.disclosures):
            if d.written_consent or d.statutory_duty:
                continue
            missing = [b.value for b in BreachCondition if b not in d.breach_conditions]
            if missing:
                ctx.add(
                    "R-103",
                    f"vp_report.disclosures[{i}]",
                    recipient=d.recipient_role,
                    missing=", ".join(missing),
                )
        # R-104 (W52), SM-6 row 2: confidentiality and its limits are explained at intake.
        if vp.intake_on is not None and vp.privilege_limits_explained is not True:
            ctx.add("R-104", "vp_report.privilege_limits_explained")
        if vp.intake_on is not None and vp.confidentiality_explained is False:
            ctx.add("R-104", "vp_report.confidentiality_explained")
        if vp.in_annual_report_on is not None:
            # R-107 / R-145 (W54) / T-23: destroy after closure and the annual report.
            ctx.deadline(
                "T-23",
                (Role.VP,),
                subject="vp_report.destroyed_on",
                due=vp.in_annual_report_on,
                done_on=vp.destroyed_on,
            )
    ar = s.vp_annual_report
    if ar is not None:
        mn = ctx.tenant.vp_min_cell
        if ar.contains_identifiers:
            ctx.add(
                "R-105",
                "vp_annual_report.contains_identifiers",
                min=mn,
                problem=msg("identifying data", "herleidbare gegevens"),
            )
        for i, cell in enumerate(ar.cells):
            if 0 < cell.count < mn and not cell.suppressed:
                ctx.add(
                    "R-105",
                    f"vp_annual_report.cells[{i}]",
                    min=mn,
                    problem=msg("small cell shown", "kleine cel getoond"),
                )
    # Whistleblower reports (R-115…R-120).
    t = ctx.tenant
    if (
        t.workers is not None
        and t.workers >= t.whistleblower_min_workers
        and t.internal_reporting_procedure is False
    ):
        ctx.add("R-115", "tenant.organisation.internal_reporting_procedure", min=t.whistleblower_min_workers)
    wb = s.whistleblower_report
    c = s.conflict
    if wb is not None:
        if wb.received_on is not None:
            ctx.deadline(
                "T-20",
                (Role.DO,),
                subject="whistleblower_report.acknowledged_on",
                due=wb.received_on + days(t.whistleblower_ack_days),
                done_on=wb.acknowledged_on,
            )
        if wb.acknowledged_on is not None:
            ctx.deadline(
                "T-21",
                (Role.DO,),
                subject="whistleblower_report.feedback_on",
                due=add_months(wb.acknowledged_on, t.whistleblower_feedback_months),
                done_on=wb.feedback_on,
            )
        if wb.data_in_conflict_case:
            ctx.add("R-118", "whistleblower_report.data_in_conflict_case")
        ctx.add("R-119", "whistleblower_report")
        ctx.add("R-120", "whistleblower_report")
    elif c is not None and c.misstand_suspected and c.public_interest is True:
        ctx.add("R-119", "conflict.misstand_suspected")
        ctx.add("R-120", "conflict.misstand_suspected")
