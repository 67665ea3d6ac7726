""" "Mijn gegevens" (ADR 0170): the consents the person gave (D20 RW for the data subject)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.consent.models import Category, Consent
from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.core.roles import Role


def consent_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    records = []
    rows = Consent.objects.filter(organisation_id=actor.organisation_id, data_subject_id=actor.user_id)
    for consent in rows.select_related("recipient").order_by("given_on", "pk"):
        role = Role(consent.recipient_role).label if consent.recipient_role in Role.values else ""
        recipient = consent.recipient.full_name if consent.recipient else ""
        records.append(
            ExportRecord(
                "consent.consent",
                _("Toestemming"),
                fields(
                    ("recipient", _("Aan"), " · ".join(str(p) for p in (recipient, role) if p)),
                    (
                        "categories",
                        _("Gegevens"),
                        ", ".join(
                            str(Category(c).label) if c in Category.values else str(c)
                            for c in consent.categories
                        ),
                    ),
                    ("purpose", _("Doel"), consent.purpose),
                    ("given_on", _("Gegeven op"), ExportRecord.when(consent.given_on)),
                    ("expires_on", _("Geldig tot"), ExportRecord.when(consent.expires_on)),
                    ("withdrawn_at", _("Ingetrokken op"), ExportRecord.when(consent.withdrawn_at)),
                ),
                ExportRecord.when(consent.given_on),
                source="consent.consent",
            )
        )
    return records


SECTION = ExportSection(
    key="consent",
    title=gettext_lazy("Toestemmingen"),
    provider=consent_records,
    order=90,
    scope="organisation",
    sources=("consent.consent",),
    left_out=(),
)
