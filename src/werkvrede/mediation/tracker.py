"""The mediation on the case tracker (SM-5, docs/rules.md): only the neutral D14 status, running or
ended, for everyone who may open the case (R-084: a referrer receives status notices only). The exact
SM-5 state can reveal more (a pause for the vertrouwenspersoon, R-100), so it stays on the mediation
page for its parties and mediator (docs/adr/0123-case-tracker-shows-neutral-mediation-status.md)."""

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
            state=_("Loopt") if item.state in ACTIVE_STATES else _("Beëindigd"),
            code="SM-5",
            meaning=(
                _("Meedoen is vrijwillig en wat in de mediation wordt besproken blijft vertrouwelijk."),
            ),
            finished=item.state not in ACTIVE_STATES,
        )
        for item in Mediation.objects.filter(case=case).order_by("-referred_on", "-pk")
    ]
