""" "Wat nu?" for the whistleblower officer: acknowledge receipt (T-20, R-116) and give feedback
(T-21, R-117) on the reports in their inbox, with their due dates. No content of a report is shown."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkvrede.core.actor import Actor
from werkvrede.core.next_steps import NextStep
from werkvrede.whistleblower.selectors import inbox_for

_OPEN = frozenset({"OPEN", "DUE_SOON", "OVERDUE"})


def officer_steps(actor: Actor, *, today: date, case_id: int | None = None) -> list[NextStep]:
    if case_id is not None:  # a whistleblower report belongs to no case
        return []
    texts = {
        "T-20": _("Bevestig de ontvangst van de melding van %(received)s."),
        "T-21": _("Geef de melder terugkoppeling over de melding van %(received)s."),
    }
    out: list[NextStep] = []
    for row in inbox_for(actor, today=today):
        if not row.report.is_active:
            continue
        for deadline in row.deadlines:
            if deadline.status not in _OPEN or deadline.done_on is not None:
                continue
            out.append(
                NextStep(
                    kind=f"whistleblower.{deadline.code}",
                    text=texts[deadline.code] % {"received": date_format(row.report.received_on, "j F Y")},
                    url=reverse("whistleblower:report", args=[row.report.pk]),
                    button=_("Melding openen"),
                    due=deadline.due,
                    today=today,
                    code=deadline.code,
                )
            )
    return out
