""" "Mijn gegevens" (ADR 0170): the person's calendar links (only when made and revoked; the secret is
never stored, only its digest, which is no data about the person)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.agenda.models import CalendarFeed
from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields


def feed_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    rows = CalendarFeed.objects.filter(user_id=actor.user_id, organisation_id=actor.organisation_id)
    return [
        ExportRecord(
            "agenda.feed",
            _("Agendakoppeling"),
            fields(
                ("language", _("Taal"), feed.language),
                ("revoked_at", _("Ingetrokken op"), ExportRecord.when(feed.revoked_at)),
            ),
            ExportRecord.when(feed.created_at),
            source="agenda.calendarfeed",
        )
        for feed in rows.order_by("created_at", "pk")
    ]


SECTION = ExportSection(
    key="agenda",
    title=gettext_lazy("Agendakoppeling"),
    provider=feed_records,
    order=110,
    scope="organisation",
    sources=("agenda.calendarfeed",),
    left_out=(),
)
