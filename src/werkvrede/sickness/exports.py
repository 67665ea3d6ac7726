""" "Mijn gegevens" (ADR 0170): the person's own sick reports and what the bedrijfsarts recorded of them.

Each category at the level the matrix gives the employee (docs/rules.md §2.3, through
`category_level`): D02 R, D03/D04 R (the verdict and the conflict finding), D06 R, D07 R (with the
sealed medical grounds), D08 R (fn 13: a copy of every advice), D01 R (own; the sealed notes pass the
vault and are audited). What a bedrijfsarts wrote about others is theirs, not the bedrijfsarts' own data.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.cases.selectors import case_get_for
from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.core.policy import AccessDenied, NotVisible, allowed
from werkvrede.sickness.models import (
    CapacityAssessment,
    ConflictDiagnosis,
    ConflictFinding,
    MedicalNote,
    OpenConsultation,
    SentAdvice,
    SickReport,
    WorkCapacityVerdict,
)
from werkvrede.sickness.policies import Level, category_level
from werkvrede.sickness.selectors import capacity_grounds_for, medical_notes_for, open_consults_for


def sickness_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    records: list[ExportRecord] = []
    reports = SickReport.objects.filter(organisation_id=actor.organisation_id, employee_id=actor.user_id)
    for report in reports.order_by("first_sick_day", "pk"):
        try:
            access = case_get_for(actor, report.case_id)
        except NotVisible:
            continue
        records.append(_report_record(report))
        if category_level(actor, access, "D04") >= Level.READ:
            for verdict in report.verdicts.order_by("recorded_at", "pk"):
                records.append(
                    ExportRecord(
                        "sickness.verdict",
                        _("Oordeel over arbeidsongeschiktheid"),
                        fields(
                            ("value", _("Oordeel"), verdict.get_value_display()),
                            ("degree_pct", _("Percentage"), verdict.degree_pct),
                            ("expected_duration", _("Verwachte duur"), verdict.expected_duration),
                            ("limitations", _("Beperkingen"), verdict.limitations),
                            ("possibilities", _("Mogelijkheden"), verdict.possibilities),
                        ),
                        ExportRecord.when(verdict.recorded_on),
                        source="sickness.workcapacityverdict",
                    )
                )
            # The bedrijfsarts' conflict finding is D04 as well (ADR 0166): the employee reads it (R).
            for finding in report.conflict_findings.order_by("recorded_at", "pk"):
                records.append(
                    ExportRecord(
                        "sickness.conflict_finding",
                        _("Bevinding van de bedrijfsarts over het conflict"),
                        fields(
                            ("conflict", _("Arbeidsconflict vastgesteld"), finding.conflict),
                            (
                                "prolongs_incapacity",
                                _("Conflict verlengt de arbeidsongeschiktheid"),
                                finding.prolongs_incapacity,
                            ),
                            ("variant", _("Variant"), finding.variant),
                            ("recorded_on", _("Vastgesteld op"), ExportRecord.when(finding.recorded_on)),
                        ),
                        ExportRecord.when(finding.recorded_on),
                        source="sickness.conflictfinding",
                    )
                )
        if category_level(actor, access, "D06") >= Level.READ:
            for diagnosis in report.diagnoses.order_by("recorded_at", "pk"):
                records.append(
                    ExportRecord(
                        "sickness.diagnosis",
                        _("Conflictdiagnose van de bedrijfsarts"),
                        fields(
                            ("conflict_type", _("Soort conflict"), diagnosis.conflict_type),
                            ("glasl_stage", _("Glasl-fase"), diagnosis.glasl_stage),
                            (
                                "style_employee",
                                _("Mijn conflictstijl"),
                                diagnosis.get_style_employee_display(),
                            ),
                        ),
                        ExportRecord.when(diagnosis.recorded_at),
                        source="sickness.conflictdiagnosis",
                    )
                )
        if category_level(actor, access, "D07") >= Level.READ:
            for capacity in report.capacity_assessments.order_by("recorded_at", "pk"):
                records.append(
                    ExportRecord(
                        "sickness.capacity",
                        _("Belastbaarheid"),
                        fields(
                            ("resilience", _("Draagkracht"), capacity.resilience),
                            ("problem_solving", _("Probleemoplossend vermogen"), capacity.problem_solving),
                            (
                                "able_to_converse",
                                _("In staat tot het gesprek"),
                                capacity.get_able_to_converse_display(),
                            ),
                            (
                                "medical_grounds",
                                _("Medische gronden"),
                                capacity_grounds_for(actor, access, capacity),
                            ),
                            ("strengthening_advice", _("Advies"), capacity.strengthening_advice),
                        ),
                        ExportRecord.when(capacity.recorded_at),
                        source="sickness.capacityassessment",
                    )
                )
        try:
            notes = medical_notes_for(actor, access, report)
        except AccessDenied:
            notes = []
        for opened in notes:
            records.append(
                ExportRecord(
                    "sickness.medical_note",
                    _("Medische aantekening"),
                    fields(("text", _("Tekst"), opened.text)),
                    ExportRecord.when(opened.note.created_at),
                    source="sickness.medicalnote",
                )
            )
        if category_level(actor, access, "D08") >= Level.READ:
            for advice in SentAdvice.objects.filter(case_id=report.case_id).order_by("sent_at", "pk"):
                if advice.sick_report_id not in (None, report.pk):
                    continue
                records.append(
                    ExportRecord(
                        "sickness.advice",
                        _("Advies van de bedrijfsarts: %(kind)s") % {"kind": advice.get_kind_display()},
                        fields(
                            ("kind", _("Soort advies"), advice.get_kind_display()),
                            ("solution_direction", _("Oplossingsrichting"), advice.solution_direction),
                            ("text", _("Tekst"), advice.text),
                            ("review_date", _("Evaluatiedatum"), ExportRecord.when(advice.review_date)),
                        ),
                        ExportRecord.when(advice.sent_on),
                        source="sickness.sentadvice",
                    )
                )
    if allowed(actor, "sickness.open_consult.view"):
        visits = [v for v in open_consults_for(actor) if v.visit.employee_id == actor.user_id]
    else:
        visits = []
    for visit in visits:
        records.append(
            ExportRecord(
                "sickness.open_consult",
                _("Bezoek aan het open spreekuur"),
                fields(
                    ("physician", _("Bedrijfsarts"), visit.visit.physician.full_name),
                    ("note", _("Aantekening"), visit.note),
                ),
                ExportRecord.when(visit.visit.held_on),
                source="sickness.openconsultation",
            )
        )
    return records + authored_records(actor)


# What a professional recorded: (model, its author field, its path to the organisation, its date field,
# title). The authorship is the author's data (ADR 0166); what they wrote is the employee's (ADR 0170,
# decision 3), so the record says what and when, not the content nor about whom.
_AUTHORED = (
    (SickReport, "created_by", "organisation", "created_at", gettext_lazy("Ziekmelding door mij vastgelegd")),
    (
        MedicalNote,
        "author",
        "sick_report__organisation",
        "created_at",
        gettext_lazy("Medische aantekening door mij geschreven"),
    ),
    (
        WorkCapacityVerdict,
        "recorded_by",
        "sick_report__organisation",
        "recorded_at",
        gettext_lazy("Oordeel door mij vastgelegd"),
    ),
    (
        ConflictFinding,
        "recorded_by",
        "sick_report__organisation",
        "recorded_at",
        gettext_lazy("Bevinding over het conflict door mij vastgelegd"),
    ),
    (
        ConflictDiagnosis,
        "author",
        "sick_report__organisation",
        "recorded_at",
        gettext_lazy("Conflictdiagnose door mij vastgelegd"),
    ),
    (
        CapacityAssessment,
        "author",
        "sick_report__organisation",
        "recorded_at",
        gettext_lazy("Belastbaarheid door mij vastgelegd"),
    ),
    (SentAdvice, "author", "case__organisation", "sent_on", gettext_lazy("Advies door mij verstuurd")),
    (
        OpenConsultation,
        "physician",
        "organisation",
        "held_on",
        gettext_lazy("Open spreekuur door mij gehouden"),
    ),
)


def authored_records(actor: Actor) -> list[ExportRecord]:
    records = []
    for model, author, organisation, when, title in _AUTHORED:
        rows = model._default_manager.filter(
            **{f"{author}_id": actor.user_id, f"{organisation}_id": actor.organisation_id}
        )
        for row in rows.order_by(when, "pk"):
            records.append(
                ExportRecord(
                    "sickness.recorded_by_me",
                    str(title),
                    [],
                    ExportRecord.when(getattr(row, when)),
                    source=model._meta.label_lower,
                )
            )
    return records


def _report_record(report: SickReport) -> ExportRecord:
    return ExportRecord(
        "sickness.report",
        _("Ziekmelding"),
        fields(
            ("state", _("Status"), report.get_state_display()),
            ("first_sick_day", _("Eerste ziektedag"), ExportRecord.when(report.first_sick_day)),
            ("recovery_date", _("Hersteldatum"), ExportRecord.when(report.recovery_date)),
            ("phone", _("Telefoonnummer"), report.phone),
            ("address", _("(Verpleeg)adres"), report.address),
            ("expected_duration", _("Verwachte duur"), report.expected_duration),
            ("ongoing_appointments", _("Lopende afspraken"), report.ongoing_appointments),
            ("ongoing_work", _("Lopend werk"), report.ongoing_work),
            ("safety_net_applies", _("Vangnetregeling"), report.safety_net_applies),
            ("work_accident", _("Arbeidsongeval"), report.work_accident),
            (
                "traffic_accident_liable_third_party",
                _("Verkeersongeval met aansprakelijke derde"),
                report.traffic_accident_liable_third_party,
            ),
        ),
        ExportRecord.when(report.first_sick_day),
        source="sickness.sickreport",
    )


SECTION = ExportSection(
    key="sickness",
    title=gettext_lazy("Ziekmelding en bedrijfsarts"),
    provider=sickness_records,
    order=30,
    scope="organisation",
    sources=(
        "sickness.sickreport",
        "sickness.workcapacityverdict",
        "sickness.conflictfinding",
        "sickness.conflictdiagnosis",
        "sickness.capacityassessment",
        "sickness.medicalnote",
        "sickness.sentadvice",
        "sickness.openconsultation",
    ),
    left_out=(),
)
