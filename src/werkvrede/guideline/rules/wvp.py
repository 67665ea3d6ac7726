"""Wet verbetering Poortwachter (R-150…R-162) and the deadlines T-01…T-13, with samentelling."""

from datetime import date

from werkvrede.guideline.calendar import Aggregation, add_months
from werkvrede.guideline.model import Retention, Role, Severity, SickReport, Variant
from werkvrede.guideline.rules.context import Context, days

EMPLOYER = (Role.LG, Role.CM)


def _early(ctx: Context, sr: SickReport) -> None:
    """T-01 (R-010) and T-02 (R-011): per sick report, from its own first sick day."""
    fsd = sr.first_sick_day
    ctx.deadline(
        "T-01",
        EMPLOYER,
        subject="sick_report.notified_to_ba_on",
        due=fsd + days(6),
        done_on=sr.notified_to_ba_on,
    )
    if sr.conflict_signalled:
        ctx.deadline(
            "T-02",
            (Role.BA,),
            subject="sick_report.consult_on",
            due=fsd + days(ctx.tenant.ba_consult_warn_after_days),
            done_on=sr.consult_on,
        )


def _track(ctx: Context, sr: SickReport, agg: Aggregation) -> None:
    """The WVP track for an AO employee (variants A/B; X-5: no PA timer for C)."""
    recovered = sr.recovery_date

    def add(
        code: str,
        owner: tuple[Role, ...],
        subject: str,
        *,
        due: date | None = None,
        window: tuple[date, date] | None = None,
        done_on: date | None = None,
        not_applicable: str | None = None,
    ) -> None:
        # SM-2 row 13: recovery stops the timers that were still open.
        end = window[1] if window is not None else due
        if (
            recovered is not None
            and done_on is None
            and not_applicable is None
            and end is not None
            and end > recovered
        ):
            not_applicable = f"recovered on {recovered.isoformat()}"
        ctx.deadline(
            code,
            owner,
            subject=subject,
            due=due,
            window=window,
            done_on=done_on,
            not_applicable=not_applicable,
        )

    pa = sr.problem_analysis
    # T-03 / R-150: PA by end of week 6.
    add(
        "T-03",
        (Role.BA,),
        "sick_report.problem_analysis",
        due=agg.end_of_week(6),
        done_on=pa.on if pa else None,
    )
    # T-04 / R-151: PvA by min(end of week 8, PA + 14); both sign.
    due_pva = agg.end_of_week(8)
    if pa is not None:
        due_pva = min(due_pva, pa.on + days(14))
    ap = sr.action_plan
    v = sr.verdict
    no_capacity = v is not None and v.no_work_capacity
    if ap is not None and ap.not_applicable and no_capacity:
        ctx.add("R-152", "sick_report.action_plan.not_applicable")
        add(
            "T-04",
            (*EMPLOYER, Role.WN),
            "sick_report.action_plan",
            due=due_pva,
            not_applicable="no work capacity yet (R-152)",
        )
    else:
        signed = ap is not None and ap.signed_by_employer and ap.signed_by_employee
        add(
            "T-04",
            (*EMPLOYER, Role.WN),
            "sick_report.action_plan",
            due=due_pva,
            done_on=ap.on if ap and signed else None,
        )
        if ap is not None and not signed:
            missing = [
                n
                for ok, n in ((ap.signed_by_employer, "employer"), (ap.signed_by_employee, "employee"))
                if not ok
            ]
            ctx.add("R-151", "sick_report.action_plan", missing=", ".join(missing))
        # T-05 / R-153: progress review every N days from the PvA.
        if ap is not None and ap.on is not None:
            last = max((ap.on, *sr.progress_reviews))
            add(
                "T-05",
                (Role.CM, Role.BA),
                "sick_report.progress_reviews",
                due=last + days(ctx.tenant.review_interval_days),
            )
    # T-06 / R-154: first working day on/after FSD + 294.
    add(
        "T-06",
        (Role.LG,),
        "sick_report.uwv_notified_on",
        due=ctx.cal.first_working_day_on_or_after(agg.date_of_sick_day(295)),
        done_on=sr.uwv_notified_on,
    )
    # T-07 / R-155: EJE window weeks 46-52.
    add(
        "T-07",
        (Role.LG, Role.WN),
        "sick_report.first_year_evaluation_on",
        window=(agg.date_of_sick_day(316), agg.end_of_week(52)),
        done_on=sr.first_year_evaluation_on,
    )
    # T-08 / R-158: UWV letter in week 88 (INFO).
    add(
        "T-08", (Role.UWV,), "sick_report.wia_letter", window=(agg.date_of_sick_day(610), agg.end_of_week(88))
    )
    # T-09 / R-157: RIV copies by end of week 91.
    add("T-09", (Role.LG,), "sick_report.riv_copies_on", due=agg.end_of_week(91), done_on=sr.riv_copies_on)
    # T-11 / R-158: WIA application by end of week 93.
    wia_due = agg.end_of_week(93)
    # T-10 / R-156: actueel oordeel and eindevaluatie ~2 weeks before the (planned) application.
    planned = sr.planned_wia_application_on or wia_due
    ca, fe = sr.current_assessment_on, sr.final_evaluation_on
    done10 = max(ca, fe) if ca is not None and fe is not None else None
    add(
        "T-10",
        (Role.BA, Role.LG),
        "sick_report.current_assessment_on",
        due=planned - days(14),
        done_on=done10,
    )
    add("T-11", (Role.WN,), "sick_report.wia_applied_on", due=wia_due, done_on=sr.wia_applied_on)
    # T-12: UWV receipt (14 days) and decision (8 weeks) after the application (INFO).
    if sr.wia_applied_on is not None:
        ctx.deadline(
            "T-12",
            (Role.UWV,),
            subject="sick_report.wia_applied_on",
            due=sr.wia_applied_on + days(14),
            note="receipt",
        )
        ctx.deadline(
            "T-12",
            (Role.UWV,),
            subject="sick_report.wia_applied_on",
            due=sr.wia_applied_on + days(56),
            note="decision",
        )
    # T-13 / R-159: statutory wage obligation through end of week 104.
    add("T-13", (Role.LG,), "sick_report.wage_obligation", due=agg.end_of_week(104))
    ctx.add("R-159", "sick_report.verdict")


def check(ctx: Context) -> None:
    sr = ctx.s.sick_report
    if sr is None or ctx.agg is None:
        return
    _early(ctx, sr)
    agg = ctx.agg
    # R-160 (W5): aggregation is applied automatically (reported as INFO, never overridable).
    if agg.aggregated_periods:
        ctx.add(
            "R-160",
            "sick_report.previous_periods",
            severity=Severity.INFO,
            gap=ctx.tenant.aggregation_gap_days,
            day=agg.previous_sick_days + 1,
            chain=agg.chain_first_sick_day,
        )
    if ctx.is_ao:
        _track(ctx, sr, agg)
    # R-161 (S3): variant B → the PA or an update carries the conflict advice.
    pa = sr.problem_analysis
    pa_has_advice = pa is not None and (
        pa.contains_conflict_advice or any(u.contains_conflict_advice for u in pa.updates)
    )
    if ctx.variant is Variant.B and pa is not None and not pa_has_advice:
        ctx.add("R-161", "sick_report.problem_analysis.contains_conflict_advice", actor=Role.BA)
    # R-162 (W65): wage suspension is a last resort.
    if sr.wage_suspended:
        ctx.add("R-162", "sick_report.wage_suspended")


def hold_note(r: Retention) -> str | None:
    """What a suspended T-24 deadline says: the hold and its reason (R-140); None without a hold."""
    if r.hold is not None:
        note = f"legal hold ({r.hold.category.value})"
        if r.hold.since is not None:
            note += f" since {r.hold.since.isoformat()}"
        reason = r.hold.reason.strip()
        return f"{note}: {reason}" if reason else note
    # The older input form: a bare flag, no reason given (docs/guideline.md).
    return "legal hold (no reason given)" if r.legal_hold else None


def check_retention(ctx: Context) -> None:
    """Retention terms as T-24 deadlines (R-140…R-148); a legal hold suspends them."""
    r = ctx.s.retention
    if r is None:
        return
    t = ctx.tenant
    hold = hold_note(r)
    items: list[tuple[str, str, date | None, int]] = [
        (
            "R-140",
            "retention.employment_ended_on",
            r.employment_ended_on,
            12 * t.retention_admin_absence_years,
        ),
        (
            "R-141",
            "retention.reintegration_ended_on",
            r.reintegration_ended_on,
            12 * t.retention_reintegration_years,
        ),
        ("R-142", "retention.erd_zw_file_closed_on", r.erd_zw_file_closed_on, 12 * t.retention_erd_zw_years),
        (
            "R-143",
            "retention.erd_wga",
            r.employment_ended_on if r.erd_wga else None,
            12 * t.retention_erd_wga_years,
        ),
        (
            "R-144",
            "retention.medical_file_last_changed_on",
            r.medical_file_last_changed_on,
            12 * t.retention_ba_medical_years,
        ),
        ("R-146", "retention.mediation_ended_on", r.mediation_ended_on, 12 * t.retention_mediation_years),
        (
            "R-147",
            "retention.supporter_engagement_ended_on",
            r.supporter_engagement_ended_on,
            t.retention_supporter_notes_months,
        ),
        (
            "R-148",
            "retention.whistleblower_closed_on",
            r.whistleblower_closed_on,
            12 * t.retention_whistleblower_years,
        ),
    ]
    for rule, subject, start, months in items:
        if start is not None:
            ctx.deadline(
                "T-24", (), subject=subject, due=add_months(start, months), basis=rule, not_applicable=hold
            )
