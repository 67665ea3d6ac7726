"""Writes of the sickness context: keyword-only, atomic, authorised again, judged by the guideline,
audited (`sickness.<entity>.<past-participle>`, ids and codes only) and on the case timeline.

After a change of the facts, the case's deadlines (T-01…T-13) are refreshed on commit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from werkvrede.accounts.models import Membership
from werkvrede.audit import services as audit
from werkvrede.cases.deadlines import case_deadlines_refresh_on_commit
from werkvrede.cases.extensions import announce_sick_report
from werkvrede.cases.guideline_bridge import case_situation_data
from werkvrede.cases.models import Case, CaseParty
from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.services import timeline_record
from werkvrede.consent.selectors import valid_consent
from werkvrede.core.actor import Actor
from werkvrede.core.gate import ALL, Decision, decide, findings_about
from werkvrede.core.policy import authorize, hidden
from werkvrede.core.refusals import Blocked, Invalid, MedicalTermsFound, NeedsAttention, StaleVersion
from werkvrede.core.versioning import check_version
from werkvrede.guideline import (
    Advice,
    Finding,
    InvalidSituation,
    Severity,
    Situation,
    evaluate,
    parse_situation,
)
from werkvrede.guideline.parse import MAX_INT as MAX_GUIDELINE_COUNT
from werkvrede.guideline.rules.privacy import scan_medical_terms
from werkvrede.sickness import facts, feedback, selectors
from werkvrede.sickness.models import (
    EMPLOYER_TEXT_FIELDS,
    R130_FIELDS,
    AbleToConverse,
    CapacityAssessment,
    ConflictDiagnosis,
    ConflictFinding,
    MedicalNote,
    OpenConsultation,
    SentAdvice,
    SickReport,
    SickReportState,
    WorkCapacityVerdict,
)
from werkvrede.sickness.policies import columns
from werkvrede.vault.services import seal

__all__ = ["Blocked", "MedicalTermsFound", "NeedsAttention"]

_VARIANT_STATES = {
    "A": SickReportState.VARIANT_A,
    "B": SickReportState.VARIANT_B,
    "C": SickReportState.VARIANT_C,
    "NONE": SickReportState.NO_VARIANT,
}
_BEFORE_CONSULT = ("REPORTED", "NOTIFIED_TO_BA", "CONSULT_SCHEDULED")
_CONSULT_PATH = (("REPORTED", "ba_notified"), ("NOTIFIED_TO_BA", "consult_scheduled"))


def _acting_role(actor: Actor, access: CaseAccess, prefer: tuple[str, ...]) -> str:
    cols = columns(actor, access)
    return next((c for c in prefer if c in cols), sorted(cols)[0] if cols else "")


def _situation_data(case: Case, today: date) -> dict[str, Any]:
    return case_situation_data(case, today=today)


# Where the guideline finds a date impossible (before the first sick day), the form field to name.
_BEFORE_FIRST_SICK_DAY = _lazy("Deze datum ligt vóór de eerste ziektedag.")
_AFTER_RECORDED_DATES = _lazy(
    "De eerste ziektedag ligt na een datum die al is vastgelegd (melding aan de bedrijfsarts, spreekuur, "
    "oordeel, probleemanalyse of plan van aanpak), of overlapt een eerdere ziekteperiode."
)
# The advice's fields as the guideline names them (facts.advice_facts), for a value it cannot count with.
_ADVICE_GUIDELINE_FIELDS = {"intervention_period.days": "ip_days"}
_TOO_LARGE = _lazy("Dit getal is groter dan de richtlijn kan verwerken: ten hoogste %(max)d.")


def _parse(situation: dict[str, Any], fields: dict[str, str], otherwise: str | None = None) -> Situation:
    """The situation, parsed; a date that makes it impossible is refused naming the field that was typed
    (422 in the API, the message on the form) — stored, it would break every later page of the case.

    `fields` maps the guideline's path to the field; any other impossibility names `otherwise`, or is a
    programming error when there is none."""
    try:
        return parse_situation(situation)
    except InvalidSituation as exc:
        if exc.path in fields:
            raise Invalid.of(fields[exc.path], str(_BEFORE_FIRST_SICK_DAY)) from exc
        if otherwise is None:
            raise
        raise Invalid.of(otherwise, str(_AFTER_RECORDED_DATES)) from exc


def _locked_report(access: CaseAccess, actor: Actor, action: str) -> SickReport:
    report = selectors.current_report(access.case)
    if report is None:
        raise Blocked((_no_report_finding(),))
    return SickReport.objects.select_for_update(no_key=True).get(pk=report.pk)


def _no_report_finding() -> Finding:
    from werkvrede.guideline.model import Message

    return Finding(
        code="SM-2",
        severity=Severity.BLOCK,
        message=Message(
            nl="Er is nog geen ziekmelding in deze zaak.", en="This case has no sick report yet."
        ),
        source="DESIGN",
    )


# --- Employer part (SM-2 rows 1-2) -----------------------------------------------------------------


@dataclass(frozen=True)
class ReportInput:
    first_sick_day: date
    notified_to_ba_on: date | None = None
    recovery_date: date | None = None
    phone: str = ""
    address: str = ""
    expected_duration: str = ""
    ongoing_appointments: str = ""
    ongoing_work: str = ""
    safety_net_applies: bool | None = None
    work_accident: bool | None = None
    traffic_accident_liable_third_party: bool | None = None


def _employer_terms(data: ReportInput) -> dict[str, tuple[str, ...]]:
    found = {name: scan_medical_terms(str(getattr(data, name))) for name in EMPLOYER_TEXT_FIELDS}
    return {name: terms for name, terms in found.items() if terms}


def _employee_user_id(case: Case) -> int | None:
    party = CaseParty.objects.filter(case=case, side=CaseParty.Side.EMPLOYEE, user__isnull=False).first()
    return party.user_id if party else None


@transaction.atomic
def report_save(
    *, actor: Actor, case_id: int, data: ReportInput, today: date, expected_version: int
) -> SickReport:
    """Record the employer part of the sick report, or update the open one (R-130, R-131, SM-2 rows 1-2).

    `expected_version` is the version of the report the person saw (0: none yet); a save from an older
    one is refused with the stored values (ADR 0146).
    """
    access = selectors.section_access(actor, case_id, require="sickness.report.write")
    terms = _employer_terms(data)
    if terms:
        raise MedicalTermsFound(terms)
    if data.recovery_date is not None and data.recovery_date < data.first_sick_day:
        raise Invalid.of("recovery_date", _("De hersteldatum ligt vóór de eerste ziektedag."))
    case = Case.objects.select_for_update(no_key=True).get(pk=access.case.pk)
    report = selectors.current_report(case)
    # The case's row lock serialises every save of its report, so this check cannot race.
    if report is None and expected_version != 0:
        raise StaleVersion(version=0, current={})
    if report is not None:
        check_version(report, expected_version, REPORT_FIELDS)
    creating = report is None or (
        report.recovery_date is not None and data.first_sick_day > report.recovery_date
    )
    values = {name: getattr(data, name) for name in R130_FIELDS}
    situation = _situation_data(case, today)
    proposed = {
        "first_sick_day": data.first_sick_day.isoformat(),
        "conflict_signalled": True,
        "employer_record": facts.employer_record(values),
    }
    if creating:
        situation["sick_report"] = proposed
        decide(situation, today=today, subject=None, machine="SM-2", state=None, event="sick_reported")
        report = SickReport(
            case=case,
            organisation_id=case.organisation_id,
            employee_id=_employee_user_id(case),
            created_by_id=actor.uid,
        )
    if report is None:  # pragma: no cover - `creating` covers it
        raise ValueError("no sick report")
    previous_state = report.state
    report.first_sick_day = data.first_sick_day
    report.notified_to_ba_on = data.notified_to_ba_on
    report.recovery_date = data.recovery_date
    for name, value in values.items():
        setattr(report, name, value if value is not None or name in _NULLABLE else "")
    if report.notified_to_ba_on is not None and report.state == SickReportState.REPORTED:
        report.state = SickReportState.NOTIFIED_TO_BA
    if report.recovery_date is not None and report.state in _RECOVERS:
        report.state = SickReportState.RECOVERED
    report.updated_at = timezone.now()
    if not creating:
        report.version += 1
    report.save()
    # The report as saved (in this transaction) with what was recorded before must still be possible.
    _parse(
        _situation_data(case, today),
        {"sick_report.notified_to_ba_on": "notified_to_ba_on", "sick_report.recovery_date": "recovery_date"},
        otherwise="first_sick_day",
    )
    role = _acting_role(actor, access, ("HR", "CM", "LG"))
    if creating:
        timeline_record(actor, case, "sickness.reported", role)
        audit.record_for(actor, "sickness.report.created", report, case=case)
        # a sick report ends a running interventieperiode or conflict leave.
        announce_sick_report(actor=actor, case_id=case.pk, sick_reported_on=report.first_sick_day)
    else:
        timeline_record(actor, case, "sickness.report_updated", role)
        audit.record_for(
            actor,
            "sickness.report.updated",
            report,
            case=case,
            data={"state_from": previous_state, "state_to": report.state},
        )
    case_deadlines_refresh_on_commit(case.pk)
    return report


# What a person edits in the report: the values a stale save is shown beside (ADR 0146).
REPORT_FIELDS = ("first_sick_day", "notified_to_ba_on", "recovery_date", *R130_FIELDS)
_NULLABLE = frozenset({"safety_net_applies", "work_accident", "traffic_accident_liable_third_party"})
_RECOVERS = frozenset(
    {
        SickReportState.WVP_TRACK,
        SickReportState.VARIANT_A,
        SickReportState.VARIANT_B,
        SickReportState.VARIANT_C,
        SickReportState.NO_VARIANT,
        SickReportState.STEP2_VERDICT,
    }
)


# --- Bedrijfsarts: step 1 (consult) and medical notes ----------------------------------------------


def _seal_note(actor: Actor, report: SickReport, text: str, role: str) -> MedicalNote:
    sealed = seal(actor=actor, organisation_id=report.organisation_id, compartment="D01", plaintext=text)
    return MedicalNote.objects.create(
        sick_report=report, sealed=sealed, author_id=actor.uid, author_role=role
    )


@transaction.atomic
def consult_record(*, actor: Actor, case_id: int, consult_on: date, note: str, today: date) -> SickReport:
    """Step 1: the consult took place (SM-2 rows 2-4; R-018, R-019 guard who held it)."""
    access = selectors.section_access(actor, case_id, require="sickness.consult.record")
    report = _locked_report(access, actor, "sickness.consult.record")
    if consult_on < report.first_sick_day:
        raise Invalid.of("consult_on", _("Het spreekuur ligt vóór de eerste ziektedag."))
    role = _acting_role(actor, access, ("BA", "TD"))
    situation = _situation_data(access.case, today)
    situation["sick_report"]["consult_on"] = consult_on.isoformat()
    situation["sick_report"]["consult_by"] = role
    parsed = parse_situation(situation)
    previous = report.state
    state = str(report.state)
    if state in _BEFORE_CONSULT:
        for source, event in (*_CONSULT_PATH, (None, "consult_held")):
            if source in (state, None):
                state = decide(
                    parsed, today=today, subject=None, machine="SM-2", state=state, event=event
                ).next_state
    else:
        decide(parsed, today=today, subject=None, block=("R-018", "R-019"))
    report.consult_on = consult_on
    report.consult_by_role = role
    report.state = state
    report.updated_at = timezone.now()
    report.save(update_fields=["consult_on", "consult_by_role", "state", "updated_at"])
    timeline_record(actor, access.case, "sickness.consulted", role)
    audit.record_for(
        actor,
        "sickness.consult.recorded",
        report,
        case=access.case,
        data={"state_from": previous, "state_to": state},
    )
    if note.strip():
        medical = _seal_note(actor, report, note.strip(), role)
        audit.record_for(actor, "sickness.medical_note.created", medical, case=access.case)
    case_deadlines_refresh_on_commit(access.case.pk)
    return report


@transaction.atomic
def medical_note_add(*, actor: Actor, case_id: int, text: str) -> MedicalNote:
    """A sealed medical note (D01) by the BA, or the TD under the BA's responsibility."""
    access = selectors.section_access(actor, case_id, require="sickness.medical_note.write")
    if not text.strip():
        raise Invalid.of("text", _("Schrijf de aantekening."))
    report = _locked_report(access, actor, "sickness.medical_note.write")
    medical = _seal_note(actor, report, text.strip(), _acting_role(actor, access, ("BA", "TD")))
    audit.record_for(actor, "sickness.medical_note.created", medical, case=access.case)
    return medical


# --- Step 2 (verdict, D04 + D03) and step 3 (conflict finding, variant) ----------------------------


@dataclass(frozen=True)
class VerdictInput:
    value: str
    degree_pct: int | None
    expected_duration: str
    no_work_capacity: bool
    limitations: str
    possibilities: str
    recorded_on: date


def _rederive_variant(report: SickReport, parsed_advice: Advice, actor: Actor, case: Case) -> None:
    """After a change of step 2 or 3, store the variant the guideline derives now (R-014)."""
    finding = selectors.latest_finding(report)
    variant = parsed_advice.variant.value if parsed_advice.variant else ""
    if finding is None or not variant:
        return
    if finding.variant != variant:
        previous = finding.variant
        finding.variant = variant
        finding.save(update_fields=["variant"])
        audit.record_for(
            actor,
            "sickness.variant.derived",
            finding,
            case=case,
            data={"variant_from": previous, "variant_to": variant},
        )
    if report.state in _VARIANT_STATES.values():
        report.state = _VARIANT_STATES[variant]


@transaction.atomic
def verdict_record(*, actor: Actor, case_id: int, data: VerdictInput, today: date) -> WorkCapacityVerdict:
    """Step 2: the AO verdict (SM-2 row 5). Only the BA (R-017); a change is kept as history."""
    access = selectors.section_access(actor, case_id, require="sickness.verdict.record")
    report = _locked_report(access, actor, "sickness.verdict.record")
    proposed = {
        "value": data.value,
        "recorded_on": data.recorded_on.isoformat(),
        # the verdict is recorded in the role the actor holds on the case.
        "author_role": _acting_role(actor, access, ("BA", "TD")) or "BA",
        "degree_pct": data.degree_pct,
        "no_work_capacity": data.no_work_capacity,
        # D03 as the employer reads it; R-133 refuses medical terms in it.
        "limitations": data.limitations.strip() or None,
        "possibilities": data.possibilities.strip() or None,
    }
    situation = _situation_data(access.case, today)
    situation["sick_report"]["verdict"] = proposed
    parsed = _parse(situation, {"sick_report.verdict.recorded_on": "recorded_on"})
    # about this verdict, before its state step (the words marked in the form).
    decide(parsed, today=today, subject="sick_report.verdict", block=("R-017", "R-018", "R-133"))
    previous = str(report.state)
    if report.state in _BEFORE_CONSULT or report.state == SickReportState.STEP1_CONSULTED:
        report.state = decide(
            parsed, today=today, subject=None, machine="SM-2", state=previous, event="verdict_recorded"
        ).next_state
    else:
        decide(parsed, today=today, subject=None, block=("R-013", "R-017", "R-018"))
    verdict = WorkCapacityVerdict.objects.create(
        sick_report=report,
        value=data.value,
        degree_pct=data.degree_pct,
        expected_duration=data.expected_duration.strip(),
        no_work_capacity=data.no_work_capacity,
        limitations=data.limitations.strip(),
        possibilities=data.possibilities.strip(),
        recorded_on=data.recorded_on,
        recorded_by_id=actor.uid,
    )
    _rederive_variant(report, evaluate(parsed, today=today), actor, access.case)
    report.updated_at = timezone.now()
    report.save(update_fields=["state", "updated_at"])
    timeline_record(actor, access.case, "sickness.verdict_recorded", "BA")
    audit.record_for(
        actor,
        "sickness.verdict.recorded",
        verdict,
        case=access.case,
        data={"state_from": previous, "state_to": report.state},
    )
    case_deadlines_refresh_on_commit(access.case.pk)
    return verdict


@transaction.atomic
def finding_record(
    *,
    actor: Actor,
    case_id: int,
    conflict: bool,
    recorded_on: date,
    today: date,
    prolongs_incapacity: bool = False,
) -> ConflictFinding:
    """Step 3 after the verdict (R-012): the guideline derives the variant (R-014), nobody types it."""
    access = selectors.section_access(actor, case_id, require="sickness.finding.record")
    report = _locked_report(access, actor, "sickness.finding.record")
    situation = _situation_data(access.case, today)
    situation["sick_report"]["conflict_finding"] = {
        "conflict": conflict,
        "prolongs_incapacity": prolongs_incapacity,
        "recorded_on": recorded_on.isoformat(),
        "author_role": "BA",
    }
    parsed = parse_situation(situation)
    advice = evaluate(parsed, today=today)
    previous = str(report.state)
    blocks = ("R-012", "R-014", "R-018")
    if report.state in _VARIANT_STATES.values() or report.state == SickReportState.WVP_TRACK:
        decide(parsed, today=today, subject=None, block=blocks)  # a finding again, the variant re-derived
    else:
        report.state = decide(
            parsed, today=today, subject=None, machine="SM-2", state=previous,
            event="conflict_finding_recorded", block=blocks,
        ).next_state  # fmt: skip
    variant = advice.variant.value if advice.variant else ""
    finding = ConflictFinding.objects.create(
        sick_report=report,
        conflict=conflict,
        prolongs_incapacity=prolongs_incapacity,
        variant=variant,
        recorded_on=recorded_on,
        recorded_by_id=actor.uid,
    )
    if report.state in _VARIANT_STATES.values():
        report.state = _VARIANT_STATES[variant]
    report.updated_at = timezone.now()
    report.save(update_fields=["state", "updated_at"])
    timeline_record(actor, access.case, "sickness.conflict_assessed", "BA")
    audit.record_for(
        actor,
        "sickness.finding.recorded",
        finding,
        case=access.case,
        data={"variant": variant, "state_to": report.state},
    )
    case_deadlines_refresh_on_commit(access.case.pk)
    return finding


# --- D06 and D07 -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DiagnosisInput:
    conflict_type: str
    glasl_stage: int
    style_employee: str
    style_other: str
    occupational_disease_assessed: bool


@transaction.atomic
def diagnosis_record(*, actor: Actor, case_id: int, data: DiagnosisInput) -> ConflictDiagnosis:
    """The conflict diagnosis (D06): BA, or TD (a draft the BA validates)."""
    if not 1 <= data.glasl_stage <= 9:
        raise Invalid.of("glasl_stage", _("De escalatietrede volgens Glasl is 1 tot en met 9."))
    access = selectors.section_access(actor, case_id, require="sickness.diagnosis.record")
    report = _locked_report(access, actor, "sickness.diagnosis.record")
    role = _acting_role(actor, access, ("BA", "TD"))
    diagnosis = ConflictDiagnosis.objects.create(
        sick_report=report,
        conflict_type=data.conflict_type,
        glasl_stage=data.glasl_stage,
        style_employee=data.style_employee,
        style_other=data.style_other,
        occupational_disease_assessed=data.occupational_disease_assessed,
        author_id=actor.uid,
        author_role=role,
    )
    timeline_record(actor, access.case, "sickness.diagnosis_recorded", role)
    audit.record_for(
        actor, "sickness.diagnosis.recorded", diagnosis, case=access.case, data={"author_role": role}
    )
    return diagnosis


@dataclass(frozen=True)
class CapacityInput:
    resilience: str
    problem_solving: str
    able_to_converse: str
    medical_grounds: str
    review_date: date | None
    strengthening_advice: str


@transaction.atomic
def capacity_record(*, actor: Actor, case_id: int, data: CapacityInput) -> CapacityAssessment:
    """The capacity assessment (D07): only the BA. "Not able to converse" needs grounds and a review date."""
    access = selectors.section_access(actor, case_id, require="sickness.capacity.record")
    if data.able_to_converse not in AbleToConverse.values:
        raise Invalid.of("able_to_converse", _("Kies een antwoord."))
    if data.able_to_converse == AbleToConverse.NO_MEDICAL_GROUNDS and (
        not data.medical_grounds.strip() or data.review_date is None
    ):
        raise Invalid(
            {
                "medical_grounds": (_("Vul de medische gronden in."),),
                "review_date": (_("Kies de datum waarop je opnieuw beoordeelt."),),
            }
        )
    report = _locked_report(access, actor, "sickness.capacity.record")
    grounds = data.medical_grounds.strip()
    assessment = CapacityAssessment.objects.create(
        sick_report=report,
        resilience=data.resilience.strip(),
        problem_solving=data.problem_solving.strip(),
        able_to_converse=data.able_to_converse,
        medical_grounds=seal(
            actor=actor, organisation_id=access.organisation_id, compartment="D07", plaintext=grounds
        )
        if grounds
        else None,
        review_date=data.review_date,
        strengthening_advice=data.strengthening_advice.strip(),
        author_id=actor.uid,
    )
    timeline_record(actor, access.case, "sickness.capacity_recorded", "BA")
    audit.record_for(
        actor,
        "sickness.capacity.recorded",
        assessment,
        case=access.case,
        data={"able_to_converse": data.able_to_converse},
    )
    case_deadlines_refresh_on_commit(access.case.pk)
    return assessment


# --- D08: the advice, judged by the guideline before it is sent -------------------------------------


@dataclass(frozen=True)
class AdviceInput:
    kind: str
    content: tuple[str, ...]
    resumption_condition: str
    reintegration_condition: str
    recommends_termination: bool
    recommends_resignation: bool
    not_able_to_converse: bool
    not_able_medical_grounds: bool
    review_date: date | None
    solution_direction: str
    text: str
    employer_recipients: tuple[str, ...]
    ip_form: str = ""
    ip_start_on: date | None = None
    ip_days: int | None = None
    ip_contact_person: str = ""
    acknowledged: tuple[str, ...] = ()
    justifications: dict[str, str] = field(default_factory=dict)


def _advice_draft(access: CaseAccess, actor: Actor, data: AdviceInput, today: date) -> SentAdvice:
    report = selectors.current_report(access.case)
    return SentAdvice(
        case=access.case,
        sick_report=report,
        kind=data.kind,
        content=sorted(set(data.content)),
        resumption_condition=data.resumption_condition,
        reintegration_condition=data.reintegration_condition,
        recommends_termination=data.recommends_termination,
        recommends_resignation=data.recommends_resignation,
        not_able_to_converse=data.not_able_to_converse,
        not_able_medical_grounds=data.not_able_medical_grounds,
        review_date=data.review_date,
        ip_form=data.ip_form,
        ip_start_on=data.ip_start_on,
        ip_days=data.ip_days,
        ip_contact_person=data.ip_contact_person.strip(),
        solution_direction=data.solution_direction.strip(),
        text=data.text.strip(),
        # the employee always receives the same advice; there is no way to leave them out.
        recipients=sorted({*data.employer_recipients, "WN"}),
        acknowledged=sorted(set(data.acknowledged)),
        justifications={k: v.strip() for k, v in sorted(data.justifications.items()) if v.strip()},
        sent_on=today,
        author_id=actor.uid,
    )


def advice_check(
    *, actor: Actor, case_id: int, data: AdviceInput, today: date
) -> tuple[tuple[Finding, ...], tuple[str, ...]]:
    """What the guideline says about this advice if it were sent today, and the codes that would stop
    it (BLOCKs, WARNs not acknowledged, WARN+Js without a reason). Nothing is stored."""
    access = selectors.section_access(actor, case_id, require="sickness.advice.send")
    situation, subjects = _advice_situation(access, actor, data, today)
    findings = findings_about(situation, today=today, subject=subjects)
    try:
        _advice_gate(situation, subjects, data, today)
    except Blocked as exc:
        return findings, exc.codes
    except NeedsAttention as exc:
        return findings, exc.missing
    return findings, ()


def _advice_situation(
    access: CaseAccess, actor: Actor, data: AdviceInput, today: date
) -> tuple[Situation, tuple[str, ...]]:
    """The case's situation with this advice added, and the subjects its check is about (R-030…R-039)."""
    draft = _advice_draft(access, actor, data, today)
    situation = _situation_data(access.case, today)
    advices = situation.setdefault("ba_advice", [])
    index = len(advices)
    advices.append(facts.advice_facts(draft, employee_consent=_employee_consent(access, draft, today)))
    subject = f"ba_advice[{index}]"
    try:
        parsed = parse_situation(situation)
    except InvalidSituation as exc:
        # A count past the guideline's range (e.g. 1,001 days of interventieperiode): refused naming the
        # field, not a server error (found by `make fuzz`).
        field = _ADVICE_GUIDELINE_FIELDS.get(exc.path.removeprefix(f"{subject}."))
        if field is None:
            raise
        raise Invalid.of(field, str(_TOO_LARGE) % {"max": MAX_GUIDELINE_COUNT}) from exc
    return parsed, (subject, "assessment")


def _advice_gate(situation: Situation, subjects: tuple[str, ...], data: AdviceInput, today: date) -> Decision:
    """Every BLOCK about the advice stops it; every WARN is acknowledged, every WARN+J justified."""
    return decide(
        situation,
        today=today,
        subject=subjects,
        block=ALL,
        acknowledge=ALL,
        justify=ALL,
        acknowledged=data.acknowledged,
        justifications=data.justifications,
    )


def _employee_consent(access: CaseAccess, draft: SentAdvice, today: date) -> bool | None:
    """CC-1: without a sick report, the BA advises the employer only with the employee's consent (R-038)."""
    if draft.sick_report is not None:
        return None
    employee = _employee_user_id(access.case)
    if employee is None:
        return False
    employer = frozenset(r for r in draft.recipients if r != "WN")
    found = valid_consent(
        organisation_id=access.organisation_id,
        data_subject_id=employee,
        recipient_roles=employer,
        category="D08",
        on=today,
    )
    return found is not None


@transaction.atomic
def advice_send(*, actor: Actor, case_id: int, data: AdviceInput, today: date) -> SentAdvice:
    """Send the advice to employer and employee at once (R-021), after the guideline's check (R-030…R-039)."""
    access = selectors.section_access(actor, case_id, require="sickness.advice.send")
    situation, subjects = _advice_situation(access, actor, data, today)
    decision = _advice_gate(situation, subjects, data, today)
    warned = {f.code for f in decision.warnings if f.severity == Severity.WARN}
    justified = {f.code for f in decision.warnings if f.severity == Severity.WARN_J}
    advice = _advice_draft(access, actor, data, today)
    advice.acknowledged = sorted(warned)
    advice.justifications = {k: v for k, v in advice.justifications.items() if k in justified}
    advice.save()
    # D08 / R-021: the written feedback, one document that employer and employee both receive.
    feedback.feedback_create(actor=actor, case=access.case, advice=advice)
    timeline_record(actor, access.case, "sickness.advice_sent", "BA", advice_kind=data.kind)
    audit.record_for(
        actor,
        "sickness.advice.sent",
        advice,
        case=access.case,
        data={
            "kind": data.kind,
            "recipients": ",".join(advice.recipients),
            "acknowledged": ",".join(advice.acknowledged),
            "justified": ",".join(sorted(advice.justifications)),
        },
    )
    case_deadlines_refresh_on_commit(access.case.pk)
    return advice


# --- Open spreekuur (R-135, R-136, CC-5) -----------------------------------------------------------


@transaction.atomic
def open_consult_record(
    *,
    actor: Actor,
    employee_membership_id: int,
    held_on: date,
    note: str,
    employer_consulted_role: str = "",
) -> OpenConsultation:
    """A visit outside any sick report: no case, no timeline, nothing the employer can reach.

    CC-1 / CC-5: recording that the employer was consulted needs the employee's valid consent for that
    employer role (the consent covering the advice, D08, as for the advice's recipients, R-038)."""
    authorize(actor, "sickness.open_consult.record")
    organisation_id = actor.organisation_id
    membership = (
        Membership.objects.filter(pk=employee_membership_id, organisation_id=organisation_id).first()
        if organisation_id is not None
        else None
    )
    if membership is None or organisation_id is None:
        raise hidden(actor, "sickness.open_consult.record")
    if employer_consulted_role:
        if employer_consulted_role not in facts.EMPLOYER_RECIPIENTS:
            raise Invalid.of("employer_consulted_role", _("Kies leidinggevende, HR-adviseur of casemanager."))
        consent = valid_consent(
            organisation_id=organisation_id,
            data_subject_id=membership.user_id,
            recipient_roles=frozenset({employer_consulted_role}),
            category="D08",
            on=held_on,
        )
        if consent is None:
            raise Invalid.of(
                "employer_consulted_role",
                _(
                    "CC-1 / R-038: vóór een ziekmelding raadpleeg je de werkgever alleen met geldige "
                    "toestemming van de werknemer voor die rol. Die toestemming is er niet (of is "
                    "ingetrokken of verlopen)."
                ),
            )
    sealed = (
        seal(actor=actor, organisation_id=organisation_id, compartment="D01", plaintext=note.strip())
        if note.strip()
        else None
    )
    visit = OpenConsultation.objects.create(
        organisation_id=organisation_id,
        employee_id=membership.user_id,
        physician_id=actor.uid,
        held_on=held_on,
        sealed=sealed,
        employer_consulted_role=employer_consulted_role,
    )
    audit.record(
        "sickness.open_consult.recorded",
        organisation_id=organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="sickness.openconsultation",
        object_id=str(visit.pk),
        legal_basis="R-136",
    )
    return visit
