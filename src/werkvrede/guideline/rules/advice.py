"""Advice validation (R-030…R-039) on the structured fields, with a free-text phrase scan."""

from werkvrede.guideline.model import (
    EMPLOYER_ROLES,
    NOT_AO_ALLOWED_CONTENT,
    AdviceContent,
    AdviceKind,
    BAAdvice,
    Condition,
    Role,
    Severity,
    Variant,
)
from werkvrede.guideline.rules.context import Context, days, msg
from werkvrede.guideline.textscan import scan_conditions, scan_termination


def scan_conditional_phrases(text: str | None) -> tuple[str, ...]:
    """Sentences in free text that make work wait for the conflict's resolution (R-030)."""
    return tuple(c.sentence for c in scan_conditions(text))


def _has_ip(a: BAAdvice) -> bool:
    return (
        a.kind is AdviceKind.INTERVENTION_PERIOD
        or a.intervention_period is not None
        or AdviceContent.INTERVENTION_PERIOD in a.content
    )


def _one(ctx: Context, i: int, a: BAAdvice) -> None:
    path = f"ba_advice[{i}]"
    actor = a.author_role
    # R-030 (S3): no resumption/re-integration conditional on the conflict being solved.
    for name, cond in (
        ("resumption_condition", a.resumption_condition),
        ("reintegration_condition", a.reintegration_condition),
    ):
        if cond is Condition.CONFLICT_RESOLVED:
            ctx.add("R-030", f"{path}.{name}", actor=actor, where=name)
    # A sentence that ties work to the conflict's resolution is the structured condition written out:
    # R-030's own severity; a condition without a word about work is a hint, WARN
    # (docs/adr/0111-advice-free-text-counts-as-the-structured-field.md).
    conditions = scan_conditions(a.free_text)
    for strong in (True, False):
        sentences = tuple(c.sentence for c in conditions if c.names_work is strong)
        if sentences:
            ctx.add(
                "R-030",
                f"{path}.free_text",
                severity=None if strong else Severity.WARN,
                actor=actor,
                matches=sentences,
                where=", ".join(f"'{p}'" for p in sentences),
            )
    # R-031 (S3): a NOT_AO employee's advice holds only the allowed items.
    if ctx.is_not_ao:
        extra = sorted(set(a.content) - NOT_AO_ALLOWED_CONTENT)
        if extra:
            ctx.add("R-031", f"{path}.content", actor=actor, items=", ".join(extra))
        if _has_ip(a) and a.heavy_emotions_or_imminent_complaints is False:
            ctx.add(
                "R-031",
                f"{path}.heavy_emotions_or_imminent_complaints",
                actor=actor,
                items="INTERVENTION_PERIOD",
            )
    # R-032 (S3): "not able to converse" only on medical grounds with a review date.
    if a.not_able_to_converse:
        if not a.not_able_medical_grounds:
            ctx.add(
                "R-032",
                f"{path}.not_able_medical_grounds",
                actor=actor,
                problem=msg("no medical grounds", "geen medische gronden"),
            )
        if a.review_date is None:
            ctx.add(
                "R-032",
                f"{path}.review_date",
                actor=actor,
                problem=msg("no review date", "geen herbeoordelingsdatum"),
            )
        ctx.add(
            "R-032",
            f"{path}.not_able_to_converse",
            severity=Severity.WARN,
            problem=msg(
                "exceptional; may obstruct re-integration", "uitzondering; kan re-integratie belemmeren"
            ),
        )
        limit = ctx.tenant.not_able_max_review_days
        latest = a.issued_on + days(limit) if a.issued_on is not None else None
        if a.review_date is not None and latest is not None and a.review_date > latest:
            ctx.add(
                "R-032",
                f"{path}.review_date",
                severity=Severity.WARN,
                problem=msg(
                    f"review later than {limit} days after the advice",
                    f"herbeoordeling later dan {limit} dagen na het advies",
                ),
            )
        due = a.review_date or latest
        if due is not None:
            ctx.deadline("T-22", (Role.BA,), subject=f"{path}.review_date", due=due)
    # R-033 (S3): never advise termination or resignation.
    if a.recommends_termination or a.recommends_resignation:
        ctx.add("R-033", f"{path}.recommends_termination", actor=actor)
        ctx.routes.add("RT-13")
    # termination or resignation in the free text counts as the structured flag (ADR 0111).
    ended = scan_termination(a.free_text)
    if ended:
        ctx.add("R-033", f"{path}.free_text", actor=actor, matches=ended)
        ctx.routes.add("RT-13")
    # R-034 (S3): variant B covers both re-integration and the conflict, without waiting.
    if ctx.variant is Variant.B and (
        a.addresses_reintegration is False
        or a.addresses_conflict is False
        or a.reintegration_condition is Condition.CONFLICT_RESOLVED
        or a.resumption_condition is Condition.CONFLICT_RESOLVED
        or a.conversation_condition is Condition.FULL_RECOVERY
    ):
        ctx.add("R-034", path, actor=actor)
    if _has_ip(a):
        # R-035 (S3): an interventieperiode only without AO or without a sick report.
        if ctx.is_ao:
            ctx.add("R-035", f"{path}.intervention_period")
        # R-036 (S3): the advice is complete and goes to both.
        ip = a.intervention_period
        missing: list[str] = []
        if ip is None:
            missing.append("intervention_period")
        else:
            missing += [
                name
                for ok, name in (
                    (ip.form is not None, "form"),
                    (ip.start_on is not None, "start_on"),
                    (ip.days is not None, "days"),
                    (bool(ip.contact_person), "contact_person"),
                    (ip.explanation, "explanation"),
                )
                if not ok
            ]
        if not set(a.recipients) & EMPLOYER_ROLES or Role.WN not in a.recipients:
            missing.append("recipients")
        if missing:
            ctx.add("R-036", f"{path}.intervention_period", missing=", ".join(missing))
        # R-041 (S3, W59, W60) on the advised duration.
        n = ip.days if ip is not None else None
        normal, maximum = ctx.tenant.ip_normal_max_days, ctx.tenant.ip_exceptional_max_days
        if n is not None and n > maximum:
            ctx.add(
                "R-041",
                f"{path}.intervention_period.days",
                severity=Severity.BLOCK,
                days=n,
                normal=normal,
                maximum=maximum,
            )
        elif n is not None and n > normal:
            ctx.add(
                "R-041",
                f"{path}.intervention_period.days",
                justified=bool(a.justification),
                days=n,
                normal=normal,
                maximum=maximum,
            )
    # R-037 (S3): variant C advice preferably after consulting the employer.
    if ctx.variant is Variant.C and a.employer_consulted is False:
        ctx.add("R-037", f"{path}.employer_consulted")
    # R-038 (S3, CC-1): before a sick report, advice to the employer needs consent.
    if ctx.s.sick_report is None and set(a.recipients) & EMPLOYER_ROLES and a.employee_consent is not True:
        ctx.add("R-038", f"{path}.employee_consent")
    # R-039 (S3): a solution direction alone is a valid advice.
    if a.content and set(a.content) == {AdviceContent.SOLUTION_DIRECTION}:
        ctx.add("R-039", f"{path}.content")


def check(ctx: Context) -> None:
    for i, a in enumerate(ctx.s.ba_advice):
        _one(ctx, i, a)
