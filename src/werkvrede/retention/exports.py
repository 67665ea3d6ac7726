""" "Mijn gegevens" (ADR 0198): the legal holds placed on the person (R-140, ADR 0176).

As with a hold on a case (ADR 0101), the person learns that their data is kept past its term, on which
ground and since when — AVG art. 15(1)(d) — but not the reason text, which names proceedings or others
and is for HR and the Beheerder.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.retention.models import PersonHold


def person_hold_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    rows = PersonHold.objects.filter(person_id=actor.user_id, organisation_id=actor.organisation_id)
    return [
        ExportRecord(
            "retention.person_hold",
            _("Bewaarplicht voor mijn gegevens"),
            fields(
                ("category", _("Grond"), hold.get_category_display()),
                ("set_at", _("Ingesteld op"), ExportRecord.when(hold.set_at)),
                ("lifted_at", _("Opgeheven op"), ExportRecord.when(hold.lifted_at)),
            ),
            ExportRecord.when(hold.set_at),
            source="retention.personhold",
        )
        for hold in rows.order_by("set_at", "pk")
    ]


HOLDS_SECTION = ExportSection(
    key="retention",
    title=gettext_lazy("Bewaarplicht"),
    provider=person_hold_records,
    order=115,
    scope="organisation",
    sources=("retention.personhold",),
    left_out=(
        gettext_lazy(
            "De reden van een bewaarplicht op jou: die kan procedures of anderen noemen en is voor HR "
            "en de beheerder."
        ),
    ),
)
