""" "Mijn gegevens" (ADR 0172): the person's own named whistleblower reports (D18 RW for the melder):
dates, state and the messages, opened through the vault (audited).

A person named as concerned gets nothing of the report through the export: the reporter's identity is
protected by law (Wet bescherming klokkenluiders) and D18 is for the designated officers only
(docs/rules.md §2.3 fn 25).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.whistleblower.models import Side
from werkvrede.whistleblower.selectors import messages_for, reports_of_melder


def whistle_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    records: list[ExportRecord] = []
    for report in reversed(reports_of_melder(actor)):
        records.append(
            ExportRecord(
                "whistleblower.report",
                _("Mijn melding bij het meldpunt klokkenluiders"),
                fields(
                    ("state", _("Status"), report.get_state_display()),
                    ("received_on", _("Ontvangen op"), ExportRecord.when(report.received_on)),
                    (
                        "acknowledged_on",
                        _("Ontvangst bevestigd op"),
                        ExportRecord.when(report.acknowledged_on),
                    ),
                    ("closed_on", _("Afgesloten op"), ExportRecord.when(report.closed_on)),
                ),
                ExportRecord.when(report.received_on),
                source="whistleblower.whistlereport",
            )
        )
        for view in messages_for(actor, report):
            records.append(
                ExportRecord(
                    "whistleblower.message",
                    _("Bericht van mij")
                    if view.message.side == Side.MELDER
                    else _("Bericht van het meldpunt"),
                    fields(("text", _("Tekst"), view.text)),
                    ExportRecord.when(view.message.written_on),
                    source="whistleblower.whistlemessage",
                )
            )
    return records


SECTION = ExportSection(
    key="whistleblower",
    title=gettext_lazy("Meldpunt klokkenluiders"),
    provider=whistle_records,
    order=80,
    scope="organisation",
    sources=(
        "whistleblower.whistlereport",
        "whistleblower.whistlemessage",
    ),
    left_out=(
        gettext_lazy(
            "Een melding van een vermoeden van een misstand waarin jij genoemd wordt: de "
            "identiteit van de melder is wettelijk beschermd (D18)."
        ),
    ),
)
