""" "Mijn gegevens" (ADR 0198): the versions of the conflict protocol the person made. The protocol's
contents are the organisation's, not about the person."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.protocol.models import ConflictProtocol


def protocol_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    rows = ConflictProtocol.objects.filter(created_by_id=actor.user_id, organisation_id=actor.organisation_id)
    return [
        ExportRecord(
            "protocol.version",
            _("Versie van het conflictprotocol door mij gemaakt"),
            fields(("version", _("Versie"), protocol.version)),
            ExportRecord.when(protocol.created_at),
            source="protocol.conflictprotocol",
        )
        for protocol in rows.order_by("created_at", "pk")
    ]


SECTION = ExportSection(
    key="protocol",
    title=gettext_lazy("Conflictprotocol"),
    provider=protocol_records,
    order=97,
    scope="organisation",
    sources=("protocol.conflictprotocol",),
    left_out=(),
)
