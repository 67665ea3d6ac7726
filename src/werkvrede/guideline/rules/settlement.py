"""Settlement and termination agreements (R-090…R-097, T-18, T-19)."""

from datetime import date

from werkvrede.guideline.calendar import add_months
from werkvrede.guideline.model import ChecklistItem, Role, Severity, TerminationAgreement
from werkvrede.guideline.rules.context import Context, days


def reflection_end(ctx: Context, ta: TerminationAgreement) -> tuple[str | None, date | None]:
    """Last day of the bedenktermijn, or the rule that removes it (R-092, R-094, R-095)."""
    if ta.statutory_director or ta.court_settlement:
        return "R-095", None
    if ta.concluded_on is None:
        return None, None
    prev = ta.previous_dissolution_on
    months = ctx.tenant.repeat_window_months
    if prev is not None and prev <= ta.concluded_on < add_months(prev, months):
        return "R-094", None
    n = (
        ctx.tenant.cooling_off_days
        if ta.mentions_dissolution_right
        else ctx.tenant.cooling_off_days_without_clause
    )
    return None, ta.concluded_on + days(n)


def _one(ctx: Context, i: int, ta: TerminationAgreement) -> None:
    path = f"termination_agreements[{i}]"
    # R-091 (W41): termination of employment must be written.
    if ta.terminates_employment and not ta.written:
        ctx.add("R-091", f"{path}.written")
    # R-090 (W39, W40): written and signed by all parties.
    if not ta.written or not (ta.signed_by_employer and ta.signed_by_employee):
        ctx.add("R-090", f"{path}.signed_by_employee")
    # R-093 (W43): the start of the term is disputed when essentials were agreed earlier.
    essentials = ta.essentials_agreed_in_writing_on
    if ta.concluded_on is not None and essentials is not None and essentials < ta.concluded_on:
        ctx.add(
            "R-093",
            f"{path}.concluded_on",
            essentials=essentials,
            concluded=ta.concluded_on,
        )
    if ta.terminates_employment:
        rule, end = reflection_end(ctx, ta)
        if rule == "R-095":
            ctx.add("R-095", f"{path}.statutory_director")
        elif rule == "R-094" and ta.previous_dissolution_on is not None:
            months = ctx.tenant.repeat_window_months
            ctx.add(
                "R-094",
                f"{path}.previous_dissolution_on",
                previous=ta.previous_dissolution_on,
                months=months,
            )
            ctx.deadline(
                "T-19",
                (),
                subject=f"{path}.previous_dissolution_on",
                window=(ta.previous_dissolution_on, add_months(ta.previous_dissolution_on, months) - days(1)),
                done_on=None,
            )
        elif end is not None:
            d = ta.dissolution
            received = d.received_on if d is not None else None
            ctx.deadline("T-18", (Role.WN,), subject=f"{path}.dissolution", due=end, done_on=received)
            if d is not None and received is not None and received > end:
                ctx.add(
                    "R-092",
                    f"{path}.dissolution.received_on",
                    received=received,
                    end=end,
                )
            if d is not None and not d.written:
                ctx.add("R-092", f"{path}.dissolution.written", received="—", end=end)
    # R-096 (W42): WW-protection checklist.
    if ta.checklist is not None and ta.terminates_employment:
        missing = [item.value for item in ChecklistItem if item not in ta.checklist]
        if missing:
            ctx.add("R-096", f"{path}.checklist", missing=", ".join(missing))
    # R-097 (S3, S0): no BA involvement; each party has it checked.
    if ta.ba_involved or ta.drafted_by is Role.BA:
        ctx.add("R-097", f"{path}.drafted_by")
    else:
        ctx.add("R-097", path, severity=Severity.INFO)


def check(ctx: Context) -> None:
    for i, ta in enumerate(ctx.s.termination_agreements):
        _one(ctx, i, ta)
