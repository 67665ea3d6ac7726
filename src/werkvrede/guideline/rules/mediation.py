"""Mediation (R-070…R-085)."""

from werkvrede.guideline.model import (
    ESSENTIAL_CLAUSES,
    MEDIATION_ACTIVE,
    NOTICE_ALLOWED,
    Clause,
    DataCategory,
    DisclosureTarget,
    EndKind,
    MediationStatus,
    OutcomeKind,
    Severity,
)
from werkvrede.guideline.rules.context import Context, msg

ENDED_NO_AGREEMENT = frozenset(
    {
        MediationStatus.WITHDRAWN_BY_PARTY,
        MediationStatus.ENDED_BY_MEDIATOR,
        MediationStatus.NEUTRAL_NOTICE_SENT,
        MediationStatus.ENDED_NO_AGREEMENT,
    }
)


def check(ctx: Context) -> None:
    m = ctx.s.mediation
    if m is None:
        return
    c = ctx.s.conflict
    active = m.status in MEDIATION_ACTIVE
    # R-070 (S0, W31): voluntary for every party.
    if (
        m.forced_enrolment
        or m.all_parties_willing is False
        or (active and c is not None and c.parties_willing_to_mediate is False)
    ):
        ctx.add("R-070", "mediation.all_parties_willing")
    # R-071 (S0, S2, S3, W32; SOD-2): neutral, no decisions, no other role.
    if m.mediator_signs_as_party or m.mediator_other_roles:
        ctx.add("R-071", "mediation.mediator_other_roles")
    # R-072 (S0, W37): no session before the agreement is signed by all and the mediator.
    ag = m.agreement
    signed = ag is not None and ag.signed_by_all_parties and ag.signed_by_mediator
    for i, day in enumerate(m.sessions):
        if not signed or (ag is not None and ag.signed_on is not None and day < ag.signed_on):
            ctx.add("R-072", f"mediation.sessions[{i}]")
    # R-073 (S0, W34, W35, W37): essentialia block, other clauses warn.
    if ag is not None:
        missing = set(Clause) - set(ag.clauses)
        essential = sorted(missing & ESSENTIAL_CLAUSES)
        other = sorted(missing - ESSENTIAL_CLAUSES)
        if essential:
            ctx.add("R-073", "mediation.agreement.clauses", missing=", ".join(essential))
        if other:
            ctx.add("R-073", "mediation.agreement.clauses", severity=Severity.WARN, missing=", ".join(other))
    # R-074 (S0, W33, W35): content never leaves the mediation.
    for i, target in enumerate(m.content_disclosures):
        if target is not DisclosureTarget.PARTIES_JOINTLY_RELEASED:
            ctx.add("R-074", f"mediation.content_disclosures[{i}]", target=target)
    # R-076 (S0, S3, W36): supporters/lawyers only with everyone's consent and an NDA.
    for i, att in enumerate(m.attendees):
        if not (att.all_parties_agree and att.nda_signed):
            ctx.add("R-076", f"mediation.attendees[{i}]")
    if active and c is not None and c.legally_assisted:
        ctx.add("R-076", "conflict.legal_assistance", severity=Severity.INFO)
    # R-077 (S1): paused for the VP → no joint session.
    if m.paused_on is not None and m.status is MediationStatus.PAUSED_VP_REFERRAL:
        for i, day in enumerate(m.sessions):
            if day >= m.paused_on:
                ctx.add("R-077", f"mediation.sessions[{i}]")
    if m.undesirable_behaviour_at_intake and m.status is not MediationStatus.PAUSED_VP_REFERRAL and active:
        ctx.add("R-077", "mediation.status")
    # R-079 (S0, S1, S3) and R-090 (W39, W40): written and signed by all.
    o = m.outcome
    if o is not None and (not o.signed_by_all_parties or not o.written):
        ctx.add("R-079", "mediation.outcome")
        if o.kind is OutcomeKind.VSO:
            ctx.add("R-090", "mediation.outcome")
    end = m.end
    ended_without = m.status in ENDED_NO_AGREEMENT or (end is not None and end.kind is not EndKind.AGREEMENT)
    # R-081 (S0, W31): a premature end needs a written statement.
    if end is not None and end.kind is not EndKind.AGREEMENT and not end.written_statement:
        ctx.add("R-081", "mediation.end.written_statement")
    # R-080 (S3, W32, W38): the fixed neutral notice.
    if ended_without:
        fields = m.neutral_notice_fields
        if fields is None:
            if m.status in (MediationStatus.NEUTRAL_NOTICE_SENT, MediationStatus.ENDED_NO_AGREEMENT):
                ctx.add(
                    "R-080", "mediation.neutral_notice_fields", problem=msg("no notice", "geen mededeling")
                )
        else:
            extra = sorted(set(fields) - NOTICE_ALLOWED)
            if extra:
                ctx.add("R-080", "mediation.neutral_notice_fields", problem=", ".join(extra))
    # R-082 (W31): the end is explicit and dated.
    if m.status is MediationStatus.ENDED_WITH_AGREEMENT or (
        end is not None and end.kind is EndKind.AGREEMENT
    ):
        by_statement = end is not None and end.written_statement and end.end_on is not None
        by_outcome = o is not None and o.ends_mediation_explicitly and o.dated
        if not (by_statement or by_outcome):
            ctx.add("R-082", "mediation.end")
    # R-083 (W68): one-sided messages during an active mediation.
    if active and m.one_sided_messages > 0:
        ctx.add("R-083", "mediation.one_sided_messages", count=m.one_sided_messages)
    # R-084 (S3, W38, W67): the referrer receives status notices only.
    allowed = {DataCategory.D14} | ({DataCategory.D13} if m.outcome_released_jointly else set())
    extra_cats = sorted(set(m.referrer_receives) - allowed)
    if extra_cats:
        ctx.add("R-084", "mediation.referrer_receives", categories=", ".join(extra_cats))
    # R-085 (DESIGN): after the end, re-evaluate re-integration in a sick-report case.
    if not active and ctx.sick_active:
        ctx.add("R-085", "mediation.status")
