""" "Mijn gegevens" (ADR 0170): the interventieperiode and verlof of the person's own cases (D09 R for
the employee) and the interventions of the cases they are a party to, as the case page shows them
(a referral to the vertrouwenspersoon never to the other party, R-100)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.cases.models import CaseParticipant, CaseRole
from werkvrede.cases.selectors import case_get_for
from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.core.policy import NotVisible
from werkvrede.interventions.models import Appointment, ConflictLeave
from werkvrede.interventions.selectors import appointments_for, interventions_of, periods_of


def intervention_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    records: list[ExportRecord] = []
    party_cases = (
        CaseParticipant.objects.filter(
            user_id=actor.user_id,
            role__in=[CaseRole.EMPLOYEE, CaseRole.OTHER_PARTY],
            case__organisation_id=actor.organisation_id,
        )
        .values_list("case_id", "role")
        .order_by("case_id")
    )
    for case_id, role in party_cases:
        try:
            access = case_get_for(actor, case_id)
        except NotVisible:
            continue
        reference = access.case.reference
        if role == CaseRole.EMPLOYEE:
            for period in periods_of(access):
                records.append(
                    ExportRecord(
                        "interventions.period",
                        _("Interventieperiode in zaak %(reference)s") % {"reference": reference},
                        fields(
                            ("state", _("Status"), period.get_state_display()),
                            ("form", _("Vorm"), period.get_form_display()),
                            ("start_on", _("Begin"), ExportRecord.when(period.start_on)),
                            ("end_on", _("Einde"), ExportRecord.when(period.end_on)),
                            ("evaluated_on", _("Geëvalueerd op"), ExportRecord.when(period.evaluated_on)),
                        ),
                        ExportRecord.when(period.start_on),
                        source="interventions.interventionperiod",
                    )
                )
                if period.appointment is not None:
                    records.append(_appointment_record(period.appointment))
        for intervention in interventions_of(actor, access):
            records.append(
                ExportRecord(
                    "interventions.intervention",
                    _("Interventie in zaak %(reference)s") % {"reference": reference},
                    fields(
                        ("kind", _("Soort"), intervention.get_kind_display()),
                        ("status", _("Status"), intervention.get_status_display()),
                        ("started_on", _("Begonnen op"), ExportRecord.when(intervention.started_on)),
                        ("ended_on", _("Beëindigd op"), ExportRecord.when(intervention.ended_on)),
                    ),
                    ExportRecord.when(intervention.created_at),
                    source="interventions.intervention",
                )
            )
    leaves = ConflictLeave.objects.filter(
        employee_id=actor.user_id, case__organisation_id=actor.organisation_id
    ).order_by("start_on", "pk")
    for leave in leaves:
        records.append(
            ExportRecord(
                "interventions.leave",
                _("Arbeidsconflictenverlof"),
                fields(
                    ("state", _("Status"), leave.get_state_display()),
                    ("start_on", _("Begin"), ExportRecord.when(leave.start_on)),
                    ("end_on", _("Einde"), ExportRecord.when(leave.end_on)),
                ),
                ExportRecord.when(leave.start_on),
                source="interventions.conflictleave",
            )
        )
        if leave.appointment is not None:
            records.append(_appointment_record(leave.appointment))
    # The appointments in which the person is the named contact (D09, docs/rules.md fn 14), as shown them.
    for view in appointments_for(actor):
        records.append(
            ExportRecord(
                "interventions.appointment_with_me",
                _("Afspraak met mij"),
                fields(
                    ("employee", _("Werknemer"), view.employee),
                    ("with_role", _("Als"), view.with_role),
                    ("meeting_on", _("Gesprek op"), ExportRecord.when(view.meeting_on)),
                ),
                ExportRecord.when(view.meeting_on),
                source="interventions.appointment",
            )
        )
    return records


def _appointment_record(appointment: Appointment) -> ExportRecord:
    return ExportRecord(
        "interventions.appointment",
        _("Afspraak over het gesprek over het conflict"),
        fields(
            ("with_person", _("Met"), appointment.with_person),
            ("with_role", _("Rol"), appointment.get_with_role_display()),
            ("chaired_by", _("Voorzitter"), appointment.get_chaired_by_display()),
            ("recorded_on", _("Vastgelegd op"), ExportRecord.when(appointment.recorded_on)),
            ("meeting_on", _("Gesprek op"), ExportRecord.when(appointment.meeting_on)),
        ),
        ExportRecord.when(appointment.meeting_on),
        source="interventions.appointment",
    )


SECTION = ExportSection(
    key="interventions",
    title=gettext_lazy("Interventies en verlof"),
    provider=intervention_records,
    order=40,
    scope="organisation",
    sources=(
        "interventions.interventionperiod",
        "interventions.intervention",
        "interventions.conflictleave",
        "interventions.appointment",
    ),
    left_out=(),
)
