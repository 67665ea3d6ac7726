"""Choice of intervention (R-060…R-069), routing RT-1…RT-13 and indications I-1…I-8."""

from werkvrede.guideline.model import (
    CONFRONTING_KINDS,
    MEDIATION_ACTIVE,
    TRANSGRESSIVE,
    AttemptKind,
    Facilitator,
    InterventionKind,
    InterventionStatus,
    MediationStatus,
    Outcome,
    Role,
    UBCategory,
    Variant,
)
from werkvrede.guideline.rules.conflict import recent_signals
from werkvrede.guideline.rules.context import Context

I6_ORIGINS = frozenset({UBCategory.BULLYING, UBCategory.SEXUAL_HARASSMENT, UBCategory.OTHER_INTIMIDATION})
FIRST_LINE = frozenset({Facilitator.HR, Facilitator.BMW, Facilitator.OMBUDSMAN})


def indications(ctx: Context) -> set[str]:
    """Testable conditions of the eight mediation indications I-1…I-8."""
    c = ctx.s.conflict
    out: set[str] = set()
    sr = ctx.s.sick_report
    # I-5: variant B and the BA flags that the conflict prolongs the incapacity.
    cf = sr.conflict_finding if sr is not None else None
    if ctx.variant is Variant.B and cf is not None and cf.prolongs_incapacity:
        out.add("I-5")
    if c is None:
        return out
    age = (ctx.today - c.signalled_on).days if c.signalled_on is not None else None
    own_failed = any(
        a.kind is AttemptKind.OWN_CONVERSATION and a.outcome is Outcome.NOT_RESOLVED for a in c.attempts
    )
    if age is not None and age >= ctx.tenant.i1_min_case_age_days and own_failed:
        out.add("I-1")
    if any(
        a.kind is AttemptKind.FACILITATED_CONVERSATION
        and a.facilitator in FIRST_LINE
        and a.outcome is Outcome.NOT_RESOLVED
        for a in c.attempts
    ):
        out.add("I-2")
    if c.third_parties_involved or c.legally_assisted:
        out.add("I-3")
    # I-4: Glasl ≥ 4, or an R-005 signal within the window (the automatic R-006 sick-report
    # signal prompts re-assessment but is not itself an escalation; see docs/guideline.md).
    stage = c.glasl_stage
    r005 = [k for k in recent_signals(ctx) if k != "SICK_REPORT"]
    if (stage is not None and stage >= 4) or r005:
        out.add("I-4")
    ub = c.undesirable_behaviour
    # I-6 only after the VP was offered and the melder chose, and with the melder's consent.
    if (
        ub is not None
        and set(ub.categories) & I6_ORIGINS
        and ub.vp_offered_on is not None
        and ub.melder_choice is not None
        and ub.consents_to_mediation
    ):
        out.add("I-6")
    if c.termination_discussion:
        out.add("I-7")
    if c.undesirable_work_situation and (not c.established or (stage is not None and stage <= 2)):
        out.add("I-8")
    return out


def _vp_chairs(ctx: Context) -> list[str]:
    paths = [
        f"interventions[{i}].chair_role"
        for i, iv in enumerate(ctx.s.interventions)
        if iv.chair_role is Role.VP
    ]
    m = ctx.s.mediation
    if m is not None and m.chair_role is Role.VP:
        paths.append("mediation.chair_role")
    return paths


def check(ctx: Context) -> None:
    s = ctx.s
    c = s.conflict
    ctx.indications |= indications(ctx)
    stage = c.glasl_stage if c is not None else None
    assisted = c is not None and c.legally_assisted
    unwilling = (c is not None and c.parties_willing_to_mediate is False) or (
        s.mediation is not None and s.mediation.all_parties_willing is False
    )
    # Routes RT-1…RT-13, evaluated top to bottom; several may be active.
    if (c is not None and c.misstand_suspected and c.public_interest is True) or (
        s.whistleblower_report is not None and s.whistleblower_report.public_interest is True
    ):
        ctx.routes.add("RT-1")
    if (
        c is not None
        and c.undesirable_behaviour is not None
        and set(c.undesirable_behaviour.categories) & TRANSGRESSIVE
    ):
        ctx.routes.add("RT-2")
    if s.sick_report is not None:
        ctx.routes.add("RT-3")
    if c is not None and not ctx.sick_active and (c.heavy_emotions or c.wants_distance):
        ctx.routes.add("RT-4")
    if c is not None and c.wants_doctor_without_employer:
        ctx.routes.add("RT-5")
    if (
        c is not None
        and c.established
        and (stage is None or stage <= ctx.tenant.inhouse_max_glasl)
        and c.parties_willing_to_mediate is not False
        and not assisted
        and not ctx.hold_active
    ):
        ctx.routes.add("RT-6")
    if assisted:
        ctx.routes.add("RT-7")
    if ctx.indications and not unwilling and not ctx.hold_active:
        ctx.routes.add("RT-8")
        ctx.add("R-065", None, indications=", ".join(sorted(ctx.indications, key=lambda x: int(x[2:]))))
    if unwilling:
        ctx.routes.add("RT-9")
    if stage is not None and stage > ctx.tenant.mediation_max_glasl:
        ctx.routes.add("RT-10")
        ctx.add("R-068", "conflict.glasl_stage", stage=stage)  # R-068 (W28)
    vp_paths = _vp_chairs(ctx)
    for path in vp_paths:
        ctx.add("R-064", path)  # R-064 (S3): the VP never chairs or mediates.
    if vp_paths:
        ctx.routes.add("RT-11")
    m = s.mediation
    if m is not None and (
        m.undesirable_behaviour_at_intake or m.status is MediationStatus.PAUSED_VP_REFERRAL
    ):
        ctx.routes.add("RT-12")
    if c is not None and c.ba_termination_advice_requested:
        # RT-13: a request that the BA advise termination is refused, then routed.
        ctx.add("R-097", "conflict.ba_termination_advice_requested")
        ctx.routes.add("RT-13")
    # R-060 (S3): a conversation before any sick report.
    if (
        c is not None
        and c.established
        and s.sick_report is None
        and not c.attempts
        and not s.interventions
        and not ctx.hold_active
    ):
        ctx.add("R-060", "conflict")
    for i, iv in enumerate(s.interventions):
        path = f"interventions[{i}]"
        live = iv.status is not InterventionStatus.ENDED
        inhouse = iv.kind in (InterventionKind.HR_BEMIDDELING, InterventionKind.BMW_BEMIDDELING)
        # R-061 (S3): in-house bemiddeling in the fighting phase → suggest a mediator.
        if inhouse and live and stage is not None and stage > ctx.tenant.inhouse_max_glasl:
            ctx.add("R-061", f"{path}.kind", stage=stage)
        if iv.kind is InterventionKind.BMW_BEMIDDELING and live:
            # R-062 (S3): support of both parties.
            if iv.support_employee is not True or iv.support_other is not True:
                ctx.add("R-062", f"{path}.support_other")
            # R-063 (S3): impossible once a party is legally assisted.
            if assisted:
                ctx.add("R-063", path)
    if s.interventions:
        ctx.add("R-066", "interventions")  # R-066 (S3)
    if c is not None and c.lawyer_as_problem_solver:
        ctx.add("R-067", "conflict.lawyer_as_problem_solver")  # R-067 (S3)
    # R-069 (S2): open > N days without any intervention.
    if c is not None and c.signalled_on is not None:
        age = (ctx.today - c.signalled_on).days
        nothing = not (
            c.attempts
            or s.interventions
            or s.intervention_periods
            or s.conflict_leave_requests
            or (s.mediation is not None)
            or (s.vp_report is not None)
        )
        if age > ctx.tenant.no_intervention_after_days and nothing:
            ctx.add("R-069", "conflict.signalled_on", days=age)


def confronting_steps(ctx: Context) -> list[str]:
    """Steps that would confront the melder with the other party (held under R-100)."""
    out = [
        f"interventions[{i}]"
        for i, iv in enumerate(ctx.s.interventions)
        if iv.kind in CONFRONTING_KINDS and iv.status is not InterventionStatus.ENDED
    ]
    m = ctx.s.mediation
    if m is not None and m.status in MEDIATION_ACTIVE:
        out.append("mediation")
    return out
