"""Sick report and bedrijfsarts assessment (R-010…R-028)."""

from werkvrede.guideline.model import (
    EMPLOYER_ROLES,
    AdviceContent,
    AdviceLocation,
    AssessmentItem,
    DataCategory,
    Role,
    Severity,
    SickReport,
    Variant,
)
from werkvrede.guideline.rules.context import Context, msg

ALLOWED_TO_EMPLOYER = frozenset(
    {DataCategory.D03, DataCategory.D04, DataCategory.D06, DataCategory.D07, DataCategory.D08}
)
INTERVENTION_CONTENT = frozenset(
    {
        AdviceContent.INTERVENTION_PERIOD,
        AdviceContent.CONVERSATION,
        AdviceContent.MEDIATION,
        AdviceContent.OTHER_INTERVENTION,
    }
)


def _notification(ctx: Context, sr: SickReport) -> None:
    """R-010 (W5, W75): notify the arbodienst/BA within 7 calendar days."""
    limit = ctx.tenant.ba_notify_within_days
    if sr.notified_to_ba_on is not None:
        n = (sr.notified_to_ba_on - sr.first_sick_day).days
        if n > limit:
            ctx.add(
                "R-010", "sick_report.notified_to_ba_on", days=n, limit=limit, state=msg("made", "gedaan")
            )
    else:
        n = (ctx.today - sr.first_sick_day).days
        if n > limit:
            state = msg("still missing", "ontbreekt nog")
            ctx.add("R-010", "sick_report.notified_to_ba_on", days=n, limit=limit, state=state)


def _consult(ctx: Context, sr: SickReport) -> None:
    """R-011 (S3): with a conflict signalled, warn when the consult is more than 7 days after FSD."""
    if not sr.conflict_signalled:
        return
    limit = ctx.tenant.ba_consult_warn_after_days
    when = sr.consult_on if sr.consult_on is not None else ctx.today
    n = (when - sr.first_sick_day).days
    if n > limit:
        ctx.add("R-011", "sick_report.consult_on", days=n)


def _steps(ctx: Context, sr: SickReport) -> None:
    v, cf = sr.verdict, sr.conflict_finding
    # R-012 (S3): verdict (step 2) before conflict finding (step 3).
    if cf is not None and (
        v is None
        or (v.recorded_on is not None and cf.recorded_on is not None and cf.recorded_on < v.recorded_on)
    ):
        ctx.add("R-012", "sick_report.conflict_finding")
    if v is not None:
        # R-013 (S3, W16): binary verdict; a degree belongs to AO.
        if v.value == "NOT_AO" and v.degree_pct is not None:
            ctx.add("R-013", "sick_report.verdict.degree_pct")
        # R-017 (W18): only the BA writes the verdict; no self-assessment.
        if v.author_role is not Role.BA or v.self_assessed:
            ctx.add("R-017", "sick_report.verdict.author_role", role=v.author_role)
        # R-018 (S3, W13): a delegated professional may not record a verdict either.
        if v.author_role is Role.TD:
            ctx.add("R-018", "sick_report.verdict.author_role")
        # R-028 (W63): NOT_AO does not settle situational incapacity.
        if v.value == "NOT_AO":
            ctx.add("R-028", "sick_report.verdict")
    if cf is not None and cf.author_role is not Role.BA:
        # R-018 (S3, W13): a delegated professional may not interpret or conclude.
        ctx.add("R-018", "sick_report.conflict_finding.author_role")
    # R-014 (S3): the variant is derived, never typed.
    if sr.claimed_variant is not None and sr.claimed_variant is not ctx.variant:
        ctx.add(
            "R-014",
            "sick_report.claimed_variant",
            derived=ctx.variant.value if ctx.variant else "—",
            claimed=sr.claimed_variant.value,
        )
    if ctx.variant is Variant.A:
        ctx.add("R-015", "sick_report.variant")  # R-015 (S3)
    # R-016 (S3): conflict advice in PA / update / feedback, not only notes.
    if ctx.variant is Variant.B and sr.conflict_advice_recorded_in is AdviceLocation.NOTES_ONLY:
        ctx.add("R-016", "sick_report.conflict_advice_recorded_in", actor=Role.BA)
    if ctx.variant in (Variant.B, Variant.C):
        ctx.add("R-024", "sick_report.variant")  # R-024 (S3): referral options.
    # R-019 (W13): PA and actueel oordeel by the BA, PA after personal contact.
    pa = sr.problem_analysis
    if pa is not None and (pa.author_role is not Role.BA or pa.personal_contact is False):
        ctx.add("R-019", "sick_report.problem_analysis")
    elif pa is not None and sr.consult_by is Role.TD and pa.personal_contact is not True:
        # SM-2 row 4: only a TD consult and no recorded personal contact with the BA.
        ctx.add("R-019", "sick_report.consult_by")
    if sr.current_assessment_author is not None and sr.current_assessment_author is not Role.BA:
        ctx.add("R-019", "sick_report.current_assessment_author")
    # R-025 (S3, W19): huisarts information needs consent.
    if sr.gp_information_received and not sr.gp_information_consent:
        ctx.add("R-025", "sick_report.gp_information_consent")
    # R-026, R-027 (W58, W73, W9): disputes.
    if sr.verdict_disputed:
        ctx.add("R-026", "sick_report.verdict_disputed")
        ctx.add("R-027", "sick_report.verdict_disputed")
    if sr.second_opinion_same_ba:
        # SOD-4: a second opinion must come from a different BA.
        ctx.add("R-026", "sick_report.second_opinion_same_ba", severity=Severity.BLOCK)


def _advice_channel(ctx: Context) -> None:
    """R-018, R-020, R-021: who advises and what reaches the employer."""
    for i, a in enumerate(ctx.s.ba_advice):
        path = f"ba_advice[{i}]"
        advises_intervention = (
            bool(set(a.content) & INTERVENTION_CONTENT) or a.intervention_period is not None
        )
        cleared = a.delegation_agreement is True and a.prior_ba_consultation is True
        if a.author_role is Role.TD and advises_intervention and not cleared:
            ctx.add("R-018", f"{path}.author_role")
        to_employer = bool(set(a.recipients) & EMPLOYER_ROLES)
        if to_employer and Role.WN not in a.recipients:
            ctx.add("R-021", f"{path}.recipients")
        extra = sorted(set(a.disclosed_categories) - ALLOWED_TO_EMPLOYER)
        if to_employer and extra and ctx.s.sick_report is not None:
            ctx.add("R-020", f"{path}.disclosed_categories", categories=", ".join(extra))


def _checklist(ctx: Context) -> None:
    """R-022 (S3): BA checklist complete before a conflict advice."""
    conflict_advice = [
        i
        for i, a in enumerate(ctx.s.ba_advice)
        if a.author_role in (Role.BA, Role.TD) and a.addresses_conflict is not False
    ]
    has_conflict = ctx.variant in (Variant.B, Variant.C) or (
        ctx.s.sick_report is None and ctx.s.conflict is not None and ctx.s.conflict.established
    )
    if not conflict_advice or not has_conflict:
        return
    required = [
        AssessmentItem.CONFLICT_PER_DEFINITION,
        AssessmentItem.TYPE_AND_PHASE,
        AssessmentItem.STYLES_BOTH_PARTIES,
        AssessmentItem.RESILIENCE_AND_PROBLEM_SOLVING,
        AssessmentItem.OCCUPATIONAL_DISEASE,
    ]
    if not ctx.is_ao:
        required.append(AssessmentItem.INTERVENTION_PERIOD_INDICATED)
    if ctx.s.sick_report is not None:
        required += [
            AssessmentItem.WORK_CAPACITY,
            AssessmentItem.ADAPTED_WORK,
            AssessmentItem.ABLE_TO_CONVERSE,
        ]
    a = ctx.s.assessment
    done = set(a.answered) | set(a.not_applicable) if a is not None else set()
    missing = [item.value for item in required if item not in done]
    if missing:
        justified = any(ctx.s.ba_advice[i].justification for i in conflict_advice)
        ctx.add("R-022", "assessment", justified=justified, missing=", ".join(missing))


def _hearing(ctx: Context) -> None:
    """R-023 (S3, W61): hoor en wederhoor."""
    for i, a in enumerate(ctx.s.ba_advice):
        if a.addresses_conflict is False:
            continue
        for flag, party in (
            (a.employee_view_in_file, msg("employee", "werknemer")),
            (a.employer_view_in_file, msg("employer", "werkgever")),
        ):
            if flag is False:
                ctx.add(
                    "R-023",
                    f"ba_advice[{i}].other_party_informed_how",
                    justified=bool(a.other_party_informed_how),
                    party=party,
                )


def check(ctx: Context) -> None:
    sr = ctx.s.sick_report
    if sr is not None:
        _notification(ctx, sr)
        _consult(ctx, sr)
        _steps(ctx, sr)
    _advice_channel(ctx)
    _checklist(ctx)
    _hearing(ctx)
