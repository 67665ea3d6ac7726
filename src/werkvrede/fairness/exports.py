""" "Mijn gegevens" (ADR 0198): the invitations to "Voelde het eerlijk?" the person received — which
phase, when. Whether and what they answered is not kept with their name (anonymous by design,
ADR 0135), so it cannot be in their export."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.fairness.models import Invitation


def invitation_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    rows = Invitation.objects.filter(user_id=actor.user_id, organisation_id=actor.organisation_id)
    return [
        ExportRecord(
            "fairness.invitation",
            _("Uitnodiging voor de vragen 'Voelde het eerlijk?'"),
            fields(("phase", _("Na"), invitation.get_phase_display())),
            ExportRecord.when(invitation.invited_on),
            source="fairness.invitation",
        )
        for invitation in rows.order_by("invited_on", "pk")
    ]


SECTION = ExportSection(
    key="fairness",
    title=gettext_lazy("Voelde het eerlijk?"),
    provider=invitation_records,
    order=95,
    scope="organisation",
    sources=("fairness.invitation",),
    left_out=(
        gettext_lazy(
            "Je antwoorden op 'Voelde het eerlijk?': die worden zonder je naam bewaard en zijn niet "
            "aan jou te koppelen."
        ),
    ),
)
