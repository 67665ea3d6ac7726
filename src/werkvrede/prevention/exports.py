""" "Mijn gegevens" (ADR 0198): the team pulses the person started (when, for which team). The answers
are anonymous by design and tied to nobody."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.prevention.models import Pulse


def pulse_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    rows = Pulse.objects.filter(started_by_id=actor.user_id, organisation_id=actor.organisation_id)
    return [
        ExportRecord(
            "prevention.pulse",
            _("Teampeiling door mij gestart"),
            fields(("team", _("Team"), pulse.team)),
            ExportRecord.when(pulse.started_on),
            source="prevention.pulse",
        )
        for pulse in rows.order_by("started_on", "pk")
    ]


SECTION = ExportSection(
    key="prevention",
    title=gettext_lazy("Teampeilingen"),
    provider=pulse_records,
    order=96,
    scope="organisation",
    sources=("prevention.pulse",),
    left_out=(),
)
