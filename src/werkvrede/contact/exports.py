""" "Mijn gegevens" (ADR 0198): for a mediator, whether they take contact requests and the requests
addressed to them (when, whether they took it). What the visitor wrote — name, e-mail, phone,
organisation — is about a person without an account here and stays out (ADR 0166)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.contact.models import ContactRecipient, ContactRequest, MediatorContactSetting
from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields


def contact_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None:
        return []
    uid = actor.user_id
    records = [
        ExportRecord(
            "contact.setting",
            _("Vrijblijvend contact: verzoeken ontvangen bij %(organisation)s")
            % {"organisation": setting.membership.organisation.name},
            fields(("accepts", _("Ik neem verzoeken aan"), setting.accepts_contact_requests)),
            ExportRecord.when(setting.updated_at),
            source="contact.mediatorcontactsetting",
        )
        for setting in MediatorContactSetting.objects.filter(membership__user_id=uid)
        .select_related("membership__organisation")
        .order_by("pk")
    ]
    recipients = ContactRecipient.objects.filter(user_id=uid).select_related("request").order_by("pk")
    for recipient in recipients:
        request = recipient.request
        records.append(
            ExportRecord(
                "contact.received",
                _("Contactverzoek aan mij"),
                fields(("taken_by_me", _("Door mij opgepakt"), request.taken_by_id == uid)),
                ExportRecord.when(request.created_at),
                source="contact.contactrecipient",
            )
        )
    taken = ContactRequest.objects.filter(taken_by_id=uid).order_by("taken_at", "pk")
    for request in taken:
        records.append(
            ExportRecord(
                "contact.taken",
                _("Contactverzoek door mij opgepakt"),
                fields(("taken_at", _("Opgepakt op"), ExportRecord.when(request.taken_at))),
                ExportRecord.when(request.taken_at),
                source="contact.contactrequest",
            )
        )
    return records


SECTION = ExportSection(
    key="contact",
    title=gettext_lazy("Vrijblijvend contact"),
    provider=contact_records,
    order=85,
    scope="person",
    sources=("contact.mediatorcontactsetting", "contact.contactrecipient", "contact.contactrequest"),
    left_out=(
        gettext_lazy(
            "Wat een bezoeker in een contactverzoek schreef (naam, e-mailadres, telefoonnummer): "
            "gegevens van iemand zonder account hier."
        ),
    ),
)
