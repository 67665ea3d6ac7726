""" "Wat nu?" for the vertrouwenspersoon: new reports waiting for a first contact and intake (SM-6)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkvrede.confidential.models import ReportState
from werkvrede.confidential.selectors import inbox_for
from werkvrede.core.actor import Actor
from werkvrede.core.next_steps import NextStep


def confidential_steps(actor: Actor, *, today: date, case_id: int | None = None) -> list[NextStep]:
    # A VP report is never part of a case: it only shows on the start page.
    if case_id is not None:
        return []
    return [
        NextStep(
            kind="confidential.new_report",
            text=_("Nieuwe melding van %(when)s: neem contact op met de melder en houd de intake.")
            % {"when": date_format(report.last_activity_on, "j F")},
            url=reverse("confidential:report", args=[report.pk]),
            button=_("Melding openen"),
            today=today,
        )
        for report in inbox_for(actor)
        if report.state == ReportState.CONTACT
    ]
