""" "Mijn gegevens" (ADR 0171): the mediations the person is a party to — what they said at their own
intake, their sessions, the state and dates — and, for the mediator, the mediations they lead.

Left out: the mediator's session notes and messages (D11). The matrix gives a party D11 only "P",
inside the procedure, never a copy out of it (docs/rules.md §2.3), and a mediator's notes are their
working notes about all parties. The party keeps reading what the mediation shows them there.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.core.policy import NotVisible, allowed
from werkvrede.mediation.models import (
    AdmissionConsent,
    IntakeRecord,
    Mediation,
    MediationParty,
    PartyMessage,
    Session,
    SessionNote,
    TerminationAgreement,
    TrackChange,
)
from werkvrede.mediation.policies import TerminationAccess
from werkvrede.mediation.selectors import (
    admissions_of,
    intakes_for,
    mediation_get_for,
    sessions_for,
    termination_relations,
)


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
                    source="mediation.intakerecord",
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
                    source="mediation.session",
                )
            )
        records += _party_records(actor, party, mediation)
    led = Mediation.objects.filter(organisation_id=actor.organisation_id, mediator_id=actor.user_id)
    for mediation in led.order_by("created_at", "pk"):
        records.append(_mediation_record(mediation, str(_("Mediator")), None))
    return records + _authored_records(actor) + _termination_records(actor)


def _party_records(actor: Actor, party: MediationParty, mediation: Mediation) -> list[ExportRecord]:
    """A party's own part (side, willingness), who was admitted to their mediation and their consent to
    it, the track changes, and the mediator's messages sent to them — when, not what: the text stays
    inside the mediation (D11 "P", ADR 0171)."""
    uid = actor.user_id
    records = [
        ExportRecord(
            "mediation.party",
            _("Mijn deelname aan de mediation"),
            fields(
                ("side", _("Partij als"), party.get_side_display()),
                ("willing", _("Bereid tot mediation"), party.willing),
                (
                    "willing_recorded_on",
                    _("Bereidheid vastgelegd op"),
                    ExportRecord.when(party.willing_recorded_on),
                ),
            ),
            ExportRecord.when(party.willing_recorded_on),
            source="mediation.mediationparty",
        )
    ]
    for admission in admissions_of(mediation):
        records.append(
            ExportRecord(
                "mediation.admission",
                _("Toegelaten tot de mediation: %(name)s") % {"name": admission.user.full_name},
                fields(
                    ("person", _("Wie"), admission.user.full_name),
                    ("kind", _("Als"), admission.get_kind_display()),
                    ("for_party", _("Voor"), admission.for_party.user.full_name),
                    ("admitted_at", _("Toegelaten op"), ExportRecord.when(admission.admitted_at)),
                    ("revoked_at", _("Ingetrokken op"), ExportRecord.when(admission.revoked_at)),
                ),
                ExportRecord.when(admission.requested_at),
                source="mediation.admission",
            )
        )
    for consent in AdmissionConsent.objects.filter(party=party).select_related("admission__user"):
        records.append(
            ExportRecord(
                "mediation.admission_consent",
                _("Mijn toestemming voor toelating"),
                fields(("person", _("Wie"), consent.admission.user.full_name)),
                ExportRecord.when(consent.consented_at),
                source="mediation.admissionconsent",
            )
        )
    for change in mediation.track_changes.order_by("changed_at", "pk"):
        records.append(
            ExportRecord(
                "mediation.track_change",
                _("Ander spoor in de mediation"),
                fields(
                    ("from_track", _("Van"), change.get_from_track_display()),
                    ("to_track", _("Naar"), change.get_to_track_display()),
                ),
                ExportRecord.when(change.changed_at),
                source="mediation.trackchange",
            )
        )
    for message in PartyMessage.objects.filter(mediation=mediation).order_by("created_at", "pk"):
        if uid not in message.recipients:
            continue  # R-083: a one-sided message is only its recipients'
        records.append(
            ExportRecord(
                "mediation.message",
                _("Bericht van de mediator aan mij"),
                fields(("one_sided", _("Alleen aan een deel van de partijen"), message.one_sided)),
                ExportRecord.when(message.created_at),
                source="mediation.partymessage",
            )
        )
    return records


def _authored_records(actor: Actor) -> list[ExportRecord]:
    """The person's own authorship (ADR 0166): a mediation they referred, and — for the mediator — an
    intake held, a session planned, a track changed, a session note or a message written: what and when,
    in which mediation; the words are the parties' data and stay in the mediation (ADR 0171)."""
    uid, organisation_id = actor.user_id or 0, actor.organisation_id or 0
    records = []
    notes = SessionNote.objects.filter(author_id=uid, session__mediation__organisation_id=organisation_id)
    for note in notes.select_related("session__mediation").order_by("created_at", "pk"):
        records.append(
            ExportRecord(
                "mediation.session_note_written",
                _("Gespreksaantekening door mij geschreven"),
                fields(("mediation", _("Mediation"), note.session.mediation.subject)),
                ExportRecord.when(note.created_at),
                source="mediation.sessionnote",
            )
        )
    referred = Mediation.objects.filter(referred_by_id=uid, organisation_id=organisation_id)
    for mediation in referred.order_by("referred_on", "pk"):
        records.append(
            ExportRecord(
                "mediation.referred_by_me",
                _("Mediation door mij verwezen"),
                fields(("mediation", _("Mediation"), mediation.subject)),
                ExportRecord.when(mediation.referred_on),
                source="mediation.mediation",
            )
        )
    intakes = IntakeRecord.objects.filter(author_id=uid, party__mediation__organisation_id=organisation_id)
    for intake in intakes.select_related("party__mediation").order_by("held_on", "pk"):
        records.append(
            ExportRecord(
                "mediation.intake_held",
                _("Intakegesprek door mij gevoerd"),
                fields(("mediation", _("Mediation"), intake.party.mediation.subject)),
                ExportRecord.when(intake.held_on),
                source="mediation.intakerecord",
            )
        )
    planned = Session.objects.filter(planned_by_id=uid, mediation__organisation_id=organisation_id)
    for session in planned.select_related("mediation").order_by("starts_at", "pk"):
        records.append(
            ExportRecord(
                "mediation.session_planned",
                _("Mediationgesprek door mij gepland"),
                fields(
                    ("mediation", _("Mediation"), session.mediation.subject),
                    ("starts_at", _("Begint"), ExportRecord.when(session.starts_at)),
                ),
                ExportRecord.when(session.created_at),
                source="mediation.session",
            )
        )
    changes = TrackChange.objects.filter(changed_by_id=uid, mediation__organisation_id=organisation_id)
    for change in changes.select_related("mediation").order_by("changed_at", "pk"):
        records.append(
            ExportRecord(
                "mediation.track_changed",
                _("Spoor van de mediation door mij gewijzigd"),
                fields(
                    ("mediation", _("Mediation"), change.mediation.subject),
                    ("to_track", _("Naar"), change.get_to_track_display()),
                ),
                ExportRecord.when(change.changed_at),
                source="mediation.trackchange",
            )
        )
    messages = PartyMessage.objects.filter(author_id=uid, mediation__organisation_id=organisation_id)
    for message in messages.select_related("mediation").order_by("created_at", "pk"):
        records.append(
            ExportRecord(
                "mediation.message_written",
                _("Bericht door mij verstuurd"),
                fields(("mediation", _("Mediation"), message.mediation.subject)),
                ExportRecord.when(message.created_at),
                source="mediation.partymessage",
            )
        )
    return records


def _termination_records(actor: Actor) -> list[ExportRecord]:
    """A termination agreement (D19) of the employee it ends, or signed or drafted by the person, as far
    as the agreement's page lets them see it."""
    uid = actor.user_id or 0
    rows = TerminationAgreement.objects.filter(organisation_id=actor.organisation_id or 0).filter(
        Q(employee_id=uid) | Q(employer_signatory_id=uid) | Q(created_by_id=uid)
    )
    records = []
    for agreement in rows.select_related("mediation", "case").order_by("created_at", "pk"):
        access = TerminationAccess(agreement=agreement, relations=termination_relations(actor, agreement))
        if not allowed(actor, "mediation.termination.view", access):
            continue
        records.append(
            ExportRecord(
                "mediation.termination",
                _("Beëindigingsovereenkomst"),
                fields(
                    ("state", _("Status"), agreement.get_state_display()),
                    (
                        "my_part",
                        _("Mijn rol"),
                        _("werknemer") if agreement.employee_id == uid else _("werkgever"),
                    ),
                    (
                        "end_of_employment_on",
                        _("Einde dienstverband"),
                        ExportRecord.when(agreement.end_of_employment_on),
                    ),
                    ("concluded_on", _("Gesloten op"), ExportRecord.when(agreement.concluded_on)),
                    (
                        "reflection_ends_on",
                        _("Bedenktijd tot"),
                        ExportRecord.when(agreement.reflection_ends_on),
                    ),
                    (
                        "dissolution_sent_on",
                        _("Ontbinding verstuurd op"),
                        ExportRecord.when(agreement.dissolution_sent_on),
                    ),
                    (
                        "dissolution_received_on",
                        _("Ontbinding ontvangen op"),
                        ExportRecord.when(agreement.dissolution_received_on),
                    ),
                ),
                ExportRecord.when(agreement.created_at),
                source="mediation.terminationagreement",
            )
        )
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
        source="mediation.mediation",
    )


SECTION = ExportSection(
    key="mediation",
    title=gettext_lazy("Mediation"),
    provider=mediation_records,
    order=50,
    scope="organisation",
    sources=(
        "mediation.mediation",
        "mediation.mediationparty",
        "mediation.intakerecord",
        "mediation.session",
        "mediation.sessionnote",
        "mediation.partymessage",
        "mediation.admission",
        "mediation.admissionconsent",
        "mediation.trackchange",
        "mediation.terminationagreement",
    ),
    left_out=(
        gettext_lazy(
            "De aantekeningen en berichten van de mediator: die blijven binnen de mediation (D11: "
            "alleen binnen de procedure)."
        ),
    ),
)
