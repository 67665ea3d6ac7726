""" "Mijn gegevens" (ADR 0198): the person's own export requests (when asked, in which language, when
made)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.mydata.models import ExportRequest


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


REQUESTS_SECTION = ExportSection(
    key="mydata",
    title=gettext_lazy("Mijn aanvragen van dit overzicht"),
    provider=request_records,
    order=140,
    scope="person",
    sources=("mydata.exportrequest",),
    left_out=(),
)
