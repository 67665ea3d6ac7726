"""The mediation on the case tracker (SM-5, docs/rules.md): only its status in words, never content
(D11 stays with the mediator and the parties, R-075)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from werkvrede.cases.extensions import TrackerLine
from werkvrede.cases.models import Case
from werkvrede.core.actor import Actor
from werkvrede.mediation.models import ACTIVE_STATES, Mediation


def mediation_lines(case: Case, actor: Actor) -> list[TrackerLine]:
    return [
        TrackerLine(
            title=_("Mediation"),
            state=item.get_state_display(),
            code="SM-5",
            meaning=(
                _("Meedoen is vrijwillig en wat in de mediation wordt besproken blijft vertrouwelijk."),
            ),
            finished=item.state not in ACTIVE_STATES,
        )
        for item in Mediation.objects.filter(case=case).order_by("-referred_on", "-pk")
    ]
