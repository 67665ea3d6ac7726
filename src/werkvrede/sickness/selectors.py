"""Reads of the sickness context. Every read starts from the actor and the case they may open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from werkvrede.cases.guideline_bridge import UNREADABLE, stored_case_advice
from werkvrede.cases.models import Case, CaseParticipant
from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import case_get_for
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, hidden
from werkvrede.guideline import Finding
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
from werkvrede.sickness.policies import visible_fields
from werkvrede.vault.models import SealedContent
from werkvrede.vault.services import unseal


def section_access(actor: Actor, case_id: int, *, action: str = "sickness.section.view") -> CaseAccess:
    """The case, if the actor may see its Ziekmelding part; a missing or forbidden one is a 404."""
    access = case_get_for(actor, case_id)
    if not allowed(actor, "sickness.section.view", access):
        raise hidden(actor, action, access.case)
    return access


def current_report(case: Case) -> SickReport | None:
    """The case's newest sick report (one indexed query)."""
    return SickReport.objects.filter(case=case).order_by("-first_sick_day", "-pk").first()


def earlier_reports(report: SickReport) -> list[SickReport]:
    """The same employee's earlier, ended sick periods in the organisation (facts for R-160)."""
    if report.employee_id is None:
        return []
    return list(
        SickReport.objects.filter(
            organisation_id=report.organisation_id,
            employee_id=report.employee_id,
            first_sick_day__lt=report.first_sick_day,
            recovery_date__isnull=False,
        )
        .exclude(pk=report.pk)
        .order_by("first_sick_day")
    )


def latest_verdict(report: SickReport) -> WorkCapacityVerdict | None:
    return report.verdicts.order_by("-recorded_at", "-pk").first()


def latest_finding(report: SickReport) -> ConflictFinding | None:
    return report.conflict_findings.order_by("-recorded_at", "-pk").first()


def latest_diagnosis(report: SickReport) -> ConflictDiagnosis | None:
    return report.diagnoses.order_by("-recorded_at", "-pk").first()


def latest_capacity(report: SickReport) -> CapacityAssessment | None:
    return report.capacity_assessments.order_by("-recorded_at", "-pk").first()


def advice_get_for(actor: Actor, access: CaseAccess, advice_id: int) -> SentAdvice:
    """One sent advice of the case that the actor may read (D08, `visible_fields`); else a 404."""
    advice = SentAdvice.objects.filter(case=access.case, pk=advice_id).select_related("author").first()
    if advice is None or not visible_fields(actor, access, advice):
        raise hidden(actor, "sickness.section.view", access.case)
    return advice


def advices_of(case: Case) -> list[SentAdvice]:
    return list(SentAdvice.objects.filter(case=case).select_related("author").order_by("-sent_at", "-pk"))


@dataclass(frozen=True)
class OpenedNote:
    note: MedicalNote
    text: str


def medical_notes_for(actor: Actor, report: SickReport) -> list[OpenedNote]:
    """The medical notes of the report, opened (each read audited by the vault) — only for D01 readers."""
    notes = list(report.medical_notes.select_related("sealed", "author").order_by("created_at", "pk"))
    return [
        OpenedNote(note, unseal(actor=actor, sealed=note.sealed, action="sickness.medical_note.read"))
        for note in notes
    ]


def access_for_sealed(actor: Actor, sealed: object) -> tuple[CaseAccess, SickReport] | None:
    """The case access behind a sealed medical note, or None when it is not one or not the actor's."""
    if not isinstance(sealed, SealedContent) or sealed.organisation_id != actor.organisation_id:
        return None
    note = MedicalNote.objects.select_related("sick_report__case").filter(sealed=sealed).first()
    if note is None or actor.user_id is None:
        return None
    case = note.sick_report.case
    roles = frozenset(
        CaseParticipant.objects.filter(case=case, user_id=actor.user_id).values_list("role", flat=True)
    )
    return CaseAccess(case=case, case_roles=roles), note.sick_report


def open_consults_for(actor: Actor) -> list[OpenedVisit]:
    """The open-spreekuur visits the actor held (BA, with the sealed note) or made (employee, dates only)."""
    if actor.organisation_id is None or actor.user_id is None:
        return []
    visits = OpenConsultation.objects.filter(organisation_id=actor.organisation_id).select_related(
        "employee", "physician", "sealed"
    )
    held = visits.filter(physician_id=actor.user_id)
    made = visits.filter(employee_id=actor.user_id)
    result = [
        OpenedVisit(
            visit,
            unseal(actor=actor, sealed=visit.sealed, action="sickness.open_consult_note.read")
            if visit.sealed is not None
            else "",
        )
        for visit in held
    ]
    result += [OpenedVisit(visit, "") for visit in made if visit.physician_id != actor.user_id]
    return result


@dataclass(frozen=True)
class OpenedVisit:
    visit: OpenConsultation
    note: str


def sick_report_findings(access: CaseAccess, *, today: date) -> list[Finding]:
    """What the guideline says about the sick report now (e.g. R-011: the consult came late).

    For the bedrijfsarts and the delegated professional only: the messages speak of the verdict and
    the consult, which are not the employer's to read in this form.
    """
    advice = stored_case_advice(access.case, today=today)
    subjects = ("sick_report", "assessment", "ba_advice")
    return [
        f
        for f in advice.findings
        if f.code == UNREADABLE
        or (f.subject and f.subject.startswith(subjects) and f.severity.value != "INFO")
    ]


def reads_sick_report_findings(actor: Actor, access: CaseAccess) -> bool:
    return allowed(actor, "sickness.consult.record", access) or allowed(
        actor, "sickness.verdict.record", access
    )
