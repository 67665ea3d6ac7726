"""Interventieperiode (SM-3) and conflict leave (SM-4) on the case tracker, in words (docs/rules.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from werkvrede.cases.extensions import TrackerLine
from werkvrede.cases.models import Case
from werkvrede.core.actor import Actor
from werkvrede.interventions.models import ConflictLeave, InterventionPeriod, LeaveState, PeriodState

_PERIOD_DONE = {PeriodState.EVALUATED, PeriodState.REJECTED, PeriodState.ABORTED_SICK_REPORT}
_LEAVE_DONE = {LeaveState.CLOSED, LeaveState.REJECTED}


def intervention_lines(case: Case, actor: Actor) -> list[TrackerLine]:
    lines = [
        TrackerLine(
            title=_("Interventieperiode"),
            state=period.get_state_display(),
            code="SM-3",
            meaning=(
                _(
                    "Een interventieperiode is geen ziekmelding: de werknemer werkt even ergens anders of "
                    "niet, met behoud van loon, en aan het begin staat een afspraak om het conflict te "
                    "bespreken."
                ),
            ),
            finished=period.state in _PERIOD_DONE,
        )
        for period in InterventionPeriod.objects.filter(case=case).order_by("-pk")
    ]
    lines += [
        TrackerLine(
            title=_("Arbeidsconflictenverlof"),
            state=leave.get_state_display(),
            code="SM-4",
            meaning=(
                _(
                    "Betaald verlof om afstand te nemen, zonder ziek te zijn. Na het verlof volgt "
                    "een gesprek over het conflict."
                ),
            ),
            finished=leave.state in _LEAVE_DONE,
        )
        for leave in ConflictLeave.objects.filter(case=case).order_by("-pk")
    ]
    return lines
