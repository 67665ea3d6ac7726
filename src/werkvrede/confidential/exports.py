""" "Mijn gegevens" (ADR 0172): the person's own named reports to the vertrouwenspersoon (D15 RW for
the melder): state, dates and every message of the conversation, opened through the vault (audited).

Nothing of a report goes to anyone else through the export: not to the person it concerns (the
melder's identity and story are D15, given only with the melder's written consent, CC-6; the
keyed reference `concerns_ref` is never shown), not to the vertrouwenspersoon as their own data
(the dossier is the melder's). An anonymous report is tied to no account; its receipt opens it.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.confidential.models import Side
from werkvrede.confidential.selectors import messages_for, reports_of_melder
from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields


def report_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    records: list[ExportRecord] = []
    for report in reports_of_melder(actor).order_by("opened_on", "pk"):
        records.append(
            ExportRecord(
                "confidential.report",
                _("Mijn melding bij de vertrouwenspersoon"),
                fields(
                    ("state", _("Status"), report.get_state_display()),
                    ("opened_on", _("Gemeld op"), ExportRecord.when(report.opened_on)),
                    (
                        "registration_consent_on",
                        _("Toestemming voor registratie op"),
                        ExportRecord.when(report.registration_consent_on),
                    ),
                    ("closed_on", _("Afgesloten op"), ExportRecord.when(report.closed_on)),
                ),
                ExportRecord.when(report.opened_on),
            )
        )
        for view in messages_for(actor, report):
            records.append(
                ExportRecord(
                    "confidential.message",
                    _("Bericht van mij")
                    if view.message.side == Side.MELDER
                    else _("Bericht van de vertrouwenspersoon"),
                    fields(("text", _("Tekst"), view.text)),
                    ExportRecord.when(view.message.written_on),
                )
            )
    return records


SECTION = ExportSection(
    key="confidential",
    title=gettext_lazy("Vertrouwenspersoon"),
    provider=report_records,
    order=70,
    scope="organisation",
    left_out=(
        gettext_lazy(
            "Een melding bij de vertrouwenspersoon waarin jij genoemd wordt: wie de melder is en "
            "wat er staat (D15, alleen met toestemming van de melder)."
        ),
        gettext_lazy(
            "Een anonieme melding: die is niet aan een account gekoppeld en opent alleen met de "
            "ontvangstcode."
        ),
    ),
)
