"""Reads of the sickness context. Every read starts from the actor and the case they may open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from werkvrede.audit.reads import role_basis
from werkvrede.cases.guideline_bridge import UNREADABLE, stored_case_advice
from werkvrede.cases.models import Case, CaseParticipant
from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import case_get_for
from werkvrede.core.access import object_from
from werkvrede.core.actor import Actor
from werkvrede.core.memo import once_while_reading
from werkvrede.core.policy import allowed, authorize, hidden
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
from werkvrede.sickness.policies import Level, category_level, read_basis, visible_fields
from werkvrede.vault.models import SealedContent
from werkvrede.vault.services import unseal


def section_access(actor: Actor, case_id: int, *, require: str | None = None) -> CaseAccess:
    """The case, if the actor may see its Ziekmelding part; a missing or forbidden one is a 404.

    With `require`, the actor must also be allowed that action on it (refused: AccessDenied, 403).
    """
    access = case_get_for(actor, case_id)
    if not allowed(actor, "sickness.section.view", access):
        raise hidden(actor, require or "sickness.section.view", access.case)
    if require is not None:
        authorize(actor, require, access)
    return access


def _load_section(actor: Actor, case_id: int) -> CaseAccess:
    return section_access(actor, case_id)


# The door of the Ziekmelding pages and operations: the case, if its sickness part is the actor's to see.
SECTION = object_from("case", "case_id", "access", _load_section)


@once_while_reading
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


@once_while_reading
def latest_verdict(report: SickReport) -> WorkCapacityVerdict | None:
    return report.verdicts.order_by("-recorded_at", "-pk").first()


@once_while_reading
def latest_finding(report: SickReport) -> ConflictFinding | None:
    return report.conflict_findings.order_by("-recorded_at", "-pk").first()


@once_while_reading
def latest_diagnosis(report: SickReport) -> ConflictDiagnosis | None:
    return report.diagnoses.order_by("-recorded_at", "-pk").first()


@once_while_reading
def latest_capacity(report: SickReport) -> CapacityAssessment | None:
    return report.capacity_assessments.order_by("-recorded_at", "-pk").first()


def advice_get_for(actor: Actor, access: CaseAccess, advice_id: int) -> SentAdvice:
    """One sent advice of the case that the actor may read (D08, `visible_fields`); else a 404."""
    advice = (
        SentAdvice.objects.filter(case=access.case, pk=advice_id)
        .select_related("author", "sick_report")
        .first()
    )
    if advice is None or not visible_fields(actor, access, advice):
        raise hidden(actor, "sickness.section.view", access.case)
    return advice


def advices_of(case: Case) -> list[SentAdvice]:
    return list(
        SentAdvice.objects.filter(case=case)
        .select_related("author", "sick_report")
        .order_by("-sent_at", "-pk")
    )


@dataclass(frozen=True)
class OpenedNote:
    note: MedicalNote
    text: str


def medical_notes_for(actor: Actor, access: CaseAccess, report: SickReport) -> list[OpenedNote]:
    """The medical notes of the report, opened (each read audited by the vault) — only for D01 readers."""
    notes = list(report.medical_notes.select_related("sealed", "author").order_by("created_at", "pk"))
    return [
        OpenedNote(
            note,
            unseal(
                actor=actor,
                sealed=note.sealed,
                action="sickness.medical_note.read",
                subjects=[report.employee_id],
                case_id=report.case_id,
                basis=read_basis(actor, access, "D01", report),
            ),
        )
        for note in notes
    ]


def access_for_sealed(actor: Actor, sealed: object) -> tuple[CaseAccess, SickReport] | None:
    """The case access behind a sealed medical note or sealed capacity grounds, or None when it is
    neither or not in the actor's organisation."""
    if not isinstance(sealed, SealedContent) or sealed.organisation_id != actor.organisation_id:
        return None
    if actor.user_id is None:
        return None
    holder = (
        MedicalNote.objects.select_related("sick_report__case").filter(sealed=sealed).first()
        if sealed.compartment == "D01"
        else CapacityAssessment.objects.select_related("sick_report__case")
        .filter(medical_grounds=sealed)
        .first()
    )
    if holder is None:
        return None
    case = holder.sick_report.case
    roles = frozenset(
        CaseParticipant.objects.filter(case=case, user_id=actor.user_id).values_list("role", flat=True)
    )
    return CaseAccess(case=case, case_roles=roles), holder.sick_report


def capacity_grounds_for(actor: Actor, access: CaseAccess, capacity: CapacityAssessment | None) -> str | None:
    """The sealed medical grounds of a capacity assessment, opened for a reader of all of D07 (not R°)."""
    sealed = capacity.medical_grounds if capacity is not None else None
    if capacity is None or sealed is None:
        return None
    if category_level(actor, access, "D07") < Level.READ:
        return None
    return unseal(
        actor=actor,
        sealed=sealed,
        action="sickness.capacity_grounds.read",
        subjects=[capacity.sick_report.employee_id],
        case_id=access.case.pk,
        basis=read_basis(actor, access, "D07"),
    )


def open_consults_for(actor: Actor) -> list[OpenedVisit]:
    """The open-spreekuur visits the actor held (BA) or made (the employee: their own D01, "R (own)"),
    each with its sealed note, opened (and so audited) for this reader."""
    if actor.organisation_id is None or actor.user_id is None:
        return []
    visits = (
        OpenConsultation.objects.filter(organisation_id=actor.organisation_id)
        .filter(Q(physician_id=actor.user_id) | Q(employee_id=actor.user_id))
        .select_related("employee", "physician", "sealed")
        .order_by("-held_on", "-pk")
    )
    return [
        OpenedVisit(
            visit,
            unseal(
                actor=actor,
                sealed=visit.sealed,
                action="sickness.open_consult_note.read",
                subjects=[visit.employee_id],
                basis=role_basis("BA" if visit.physician_id == actor.user_id else "WN"),
            )
            if visit.sealed is not None
            else "",
        )
        for visit in visits
    ]


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
