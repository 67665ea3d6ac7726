""" "Mijn gegevens" (ADR 0198): the person's own export requests (when asked, in which language, when
made), and the legal holds placed on the person (R-140).

The person holds are the retention context's rows; their section sits here because `mydata` is the
one layer above `retention` that already gathers sections. As with a hold on a case (ADR 0101), the
person learns that their data is kept past its term, on which ground and since when — AVG art. 15(1)(d)
— but not the reason text, which names proceedings or others and is for HR and the Beheerder.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.mydata.models import ExportRequest
from werkvrede.retention.models import PersonHold


def request_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None:
        return []
    rows = ExportRequest.objects.filter(user_id=actor.user_id).select_related("organisation")
    return [
        ExportRecord(
            "mydata.request",
            _("Overzicht 'Mijn gegevens' aangevraagd"),
            fields(
                ("organisation", _("Organisatie"), request.organisation.name if request.organisation else ""),
                ("language", _("Taal"), request.language),
                ("finished_at", _("Gemaakt op"), ExportRecord.when(request.finished_at)),
            ),
            ExportRecord.when(request.created_at),
            source="mydata.exportrequest",
        )
        for request in rows.order_by("created_at", "pk")
    ]


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


REQUESTS_SECTION = ExportSection(
    key="mydata",
    title=gettext_lazy("Mijn aanvragen van dit overzicht"),
    provider=request_records,
    order=140,
    scope="person",
    sources=("mydata.exportrequest",),
    left_out=(),
)

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
