""" "Mijn gegevens" (ADR 0171): the mediations the person is a party to — what they said at their own
intake, their sessions, the state and dates — and, for the mediator, the mediations they lead.

Left out: the mediator's session notes and messages (D11). The matrix gives a party D11 only "P",
inside the procedure, never a copy out of it (docs/rules.md §2.3), and a mediator's notes are their
working notes about all parties. The party keeps reading what the mediation shows them there.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.core.policy import NotVisible
from werkvrede.mediation.models import Mediation, MediationParty
from werkvrede.mediation.selectors import intakes_for, mediation_get_for, sessions_for


def mediation_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    records: list[ExportRecord] = []
    parties = (
        MediationParty.objects.filter(user_id=actor.user_id, mediation__organisation_id=actor.organisation_id)
        .select_related("mediation")
        .order_by("mediation__created_at", "pk")
    )
    for party in parties:
        try:
            access = mediation_get_for(actor, party.mediation_id)
        except NotVisible:
            continue
        mediation = access.mediation
        records.append(_mediation_record(mediation, party.get_side_display(), party.willing))
        for intake in intakes_for(actor, access):
            records.append(
                ExportRecord(
                    "mediation.intake",
                    _("Mijn intake in de mediation"),
                    fields(
                        ("positions", _("Standpunten"), intake.positions),
                        ("interests", _("Belangen"), intake.interests),
                        ("causes", _("Onderliggende oorzaken"), intake.causes),
                    ),
                    ExportRecord.when(intake.record.held_on),
                )
            )
        for session in sessions_for(actor, access):
            records.append(
                ExportRecord(
                    "mediation.session",
                    _("Mediationgesprek"),
                    fields(
                        ("starts_at", _("Begint"), ExportRecord.when(session.starts_at)),
                        ("duration_minutes", _("Duur in minuten"), session.duration_minutes),
                        ("cancelled", _("Afgezegd"), session.cancelled),
                    ),
                    ExportRecord.when(session.starts_at),
                )
            )
    led = Mediation.objects.filter(organisation_id=actor.organisation_id, mediator_id=actor.user_id)
    for mediation in led.order_by("created_at", "pk"):
        records.append(_mediation_record(mediation, str(_("Mediator")), None))
    return records


def _mediation_record(mediation: Mediation, side: str, willing: bool | None) -> ExportRecord:
    return ExportRecord(
        "mediation.mediation",
        _("Mediation: %(subject)s") % {"subject": mediation.subject},
        fields(
            ("subject", _("Onderwerp"), mediation.subject),
            ("state", _("Status"), mediation.get_state_display()),
            ("my_part", _("Mijn rol"), side),
            ("willing", _("Bereid tot mediation"), willing),
            ("started_on", _("Begonnen op"), ExportRecord.when(mediation.started_on)),
            ("ended_on", _("Beëindigd op"), ExportRecord.when(mediation.ended_on)),
            ("outcome", _("Uitkomst"), mediation.get_outcome_kind_display()),
        ),
        ExportRecord.when(mediation.referred_on),
    )


SECTION = ExportSection(
    key="mediation",
    title=gettext_lazy("Mediation"),
    provider=mediation_records,
    order=50,
    scope="organisation",
    left_out=(
        gettext_lazy(
            "De aantekeningen en berichten van de mediator: die blijven binnen de mediation (D11: "
            "alleen binnen de procedure)."
        ),
    ),
)
