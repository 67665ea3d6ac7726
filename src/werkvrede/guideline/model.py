"""Facts (input) and advice (output) of the guideline engine.

All classes are frozen value objects. Field names are English; Dutch legal terms follow the
glossary in ``docs/guideline.md``. Every fact that a person records but might not have recorded
yet is optional: ``None`` means "unknown", and a rule never fires on an unknown fact.
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

# --------------------------------------------------------------------------------------------
# Enumerations (the codes of docs/guideline.md §3)
# --------------------------------------------------------------------------------------------


class Severity(StrEnum):
    BLOCK = "BLOCK"
    BLOCK_STAR = "BLOCK*"
    WARN_J = "WARN+J"
    WARN = "WARN"
    TIMER = "TIMER"
    INFO = "INFO"


SEVERITY_ORDER: dict[Severity, int] = {s: i for i, s in enumerate(Severity)}
BLOCKING: frozenset[Severity] = frozenset({Severity.BLOCK, Severity.BLOCK_STAR})


class Role(StrEnum):
    WN = "WN"
    LG = "LG"
    HR = "HR"
    CM = "CM"
    TD = "TD"
    BA = "BA"
    HA = "HA"
    BMW = "BMW"
    MED = "MED"
    WP = "WP"
    SUP = "SUP"
    VP = "VP"
    ADV = "ADV"
    UWV = "UWV"
    DO = "DO"
    ADM = "ADM"


EMPLOYER_ROLES: frozenset[Role] = frozenset({Role.LG, Role.HR, Role.CM})


class Variant(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    NONE = "NONE"


class Domain(StrEnum):
    WORK_CONTENT = "WORK_CONTENT"
    RELATIONS = "RELATIONS"
    CONDITIONS = "CONDITIONS"
    TERMS = "TERMS"


class Configuration(StrEnum):
    INDIVIDUAL_INDIVIDUAL = "INDIVIDUAL_INDIVIDUAL"
    INDIVIDUAL_GROUP = "INDIVIDUAL_GROUP"
    GROUP_GROUP = "GROUP_GROUP"


class ConflictType(StrEnum):
    EMPLOYEE_EMPLOYEE = "EMPLOYEE_EMPLOYEE"
    EMPLOYEE_MANAGER = "EMPLOYEE_MANAGER"
    EMPLOYEE_ORGANISATION = "EMPLOYEE_ORGANISATION"
    UNDESIRABLE_BEHAVIOUR_BASED = "UNDESIRABLE_BEHAVIOUR_BASED"


class ConflictStyle(StrEnum):
    COMPETING = "COMPETING"
    COLLABORATING = "COLLABORATING"
    COMPROMISING = "COMPROMISING"
    AVOIDING = "AVOIDING"
    ACCOMMODATING = "ACCOMMODATING"
    UNKNOWN = "UNKNOWN"


class GlaslPhase(StrEnum):
    """Glasl phases: stages 1-3 are phase I, 4-6 phase II, 7-9 phase III."""

    I_WIN_WIN = "I"
    II_WIN_LOSE = "II"
    III_LOSE_LOSE = "III"


class UBCategory(StrEnum):
    """Undesirable behaviour / VP categories (R-100, RT-2; extensible per organisation, Q-5)."""

    SEXUAL_HARASSMENT = "SEXUAL_HARASSMENT"
    BULLYING = "BULLYING"
    AGGRESSION_VIOLENCE = "AGGRESSION_VIOLENCE"
    DISCRIMINATION = "DISCRIMINATION"
    OTHER_INTIMIDATION = "OTHER_INTIMIDATION"
    ABUSE_OF_POWER = "ABUSE_OF_POWER"
    INTEGRITY = "INTEGRITY"
    OTHER = "OTHER"


TRANSGRESSIVE: frozenset[UBCategory] = frozenset(
    {
        UBCategory.SEXUAL_HARASSMENT,
        UBCategory.BULLYING,
        UBCategory.AGGRESSION_VIOLENCE,
        UBCategory.DISCRIMINATION,
        UBCategory.OTHER_INTIMIDATION,
        UBCategory.ABUSE_OF_POWER,
    }
)


class MelderChoice(StrEnum):
    VP = "VP"
    FORMAL_COMPLAINT = "FORMAL_COMPLAINT"
    INFORMAL_ROUTE = "INFORMAL_ROUTE"
    DECLINED_VP = "DECLINED_VP"


class SignalKind(StrEnum):
    """Escalation signals (R-005, R-006)."""

    INCIDENTS_INCREASING = "INCIDENTS_INCREASING"
    IMPORTANCE_INCREASING = "IMPORTANCE_INCREASING"
    PARTIES_INCREASING = "PARTIES_INCREASING"
    ORIGINAL_ISSUE_DENIED_OR_UNCLEAR = "ORIGINAL_ISSUE_DENIED_OR_UNCLEAR"
    SICK_REPORT = "SICK_REPORT"


class AttemptKind(StrEnum):
    OWN_CONVERSATION = "OWN_CONVERSATION"
    FACILITATED_CONVERSATION = "FACILITATED_CONVERSATION"


class Facilitator(StrEnum):
    HR = "HR"
    BMW = "BMW"
    OMBUDSMAN = "OMBUDSMAN"
    VP = "VP"
    LG = "LG"
    OTHER = "OTHER"


class Outcome(StrEnum):
    RESOLVED = "RESOLVED"
    NOT_RESOLVED = "NOT_RESOLVED"
    PENDING = "PENDING"


class VerdictValue(StrEnum):
    AO = "AO"
    NOT_AO = "NOT_AO"


class AdviceLocation(StrEnum):
    PA = "PA"
    PA_UPDATE = "PA_UPDATE"
    FEEDBACK = "FEEDBACK"
    NOTES_ONLY = "NOTES_ONLY"


class AdviceKind(StrEnum):
    REINTEGRATION = "REINTEGRATION"
    WORK_RESUMPTION = "WORK_RESUMPTION"
    INTERVENTION_PLAN = "INTERVENTION_PLAN"
    INTERVENTION_PERIOD = "INTERVENTION_PERIOD"
    FEEDBACK = "FEEDBACK"


class Condition(StrEnum):
    NONE = "NONE"
    CONFLICT_RESOLVED = "CONFLICT_RESOLVED"
    FULL_RECOVERY = "FULL_RECOVERY"


class AdviceContent(StrEnum):
    """What an advice contains (R-031 lists the items allowed for a NOT_AO employee)."""

    WORK_EXPECTATION = "WORK_EXPECTATION"
    SOLUTION_DIRECTION = "SOLUTION_DIRECTION"
    INTERVENTION_PERIOD = "INTERVENTION_PERIOD"
    CONVERSATION = "CONVERSATION"
    MEDIATION = "MEDIATION"
    OTHER_INTERVENTION = "OTHER_INTERVENTION"
    REINTEGRATION = "REINTEGRATION"
    GRADED_RETURN = "GRADED_RETURN"
    WORK_ADJUSTMENTS = "WORK_ADJUSTMENTS"
    REST = "REST"


NOT_AO_ALLOWED_CONTENT: frozenset[AdviceContent] = frozenset(
    {
        AdviceContent.WORK_EXPECTATION,
        AdviceContent.SOLUTION_DIRECTION,
        AdviceContent.INTERVENTION_PERIOD,
        AdviceContent.CONVERSATION,
        AdviceContent.MEDIATION,
        AdviceContent.OTHER_INTERVENTION,
    }
)


class DataCategory(StrEnum):
    """Data categories D01…D21 (docs/rules.md)."""

    D01 = "D01"
    D02 = "D02"
    D03 = "D03"
    D04 = "D04"
    D05 = "D05"
    D06 = "D06"
    D07 = "D07"
    D08 = "D08"
    D09 = "D09"
    D10 = "D10"
    D11 = "D11"
    D12 = "D12"
    D13 = "D13"
    D14 = "D14"
    D15 = "D15"
    D16 = "D16"
    D17 = "D17"
    D18 = "D18"
    D19 = "D19"
    D20 = "D20"
    D21 = "D21"


class InterventionForm(StrEnum):
    ALT_WORKPLACE = "ALT_WORKPLACE"
    RELEASED_FROM_WORK = "RELEASED_FROM_WORK"


class AbsenceRegistration(StrEnum):
    PAID_LEAVE = "PAID_LEAVE"
    SICK = "SICK"


class EvaluationOutcome(StrEnum):
    RESUMED_OWN_WORK = "RESUMED_OWN_WORK"
    OTHER_SUITABLE_WORK = "OTHER_SUITABLE_WORK"
    MEDIATION_STARTED = "MEDIATION_STARTED"
    OTHER_INTERVENTION = "OTHER_INTERVENTION"
    LEGAL_ROUTE = "LEGAL_ROUTE"


class DayUnit(StrEnum):
    WORKING = "WORKING"
    CALENDAR = "CALENDAR"


class OverrideMode(StrEnum):
    """Q-3: whether the BA role may turn BLOCK* into WARN+J."""

    BLOCK = "BLOCK"
    WARN_J = "WARN_J"


class InterventionKind(StrEnum):
    CONVERSATION = "CONVERSATION"
    HR_BEMIDDELING = "HR_BEMIDDELING"
    BMW_BEMIDDELING = "BMW_BEMIDDELING"
    INDIVIDUAL = "INDIVIDUAL"
    CAREER = "CAREER"
    ORGANISATIONAL = "ORGANISATIONAL"
    MEDICAL = "MEDICAL"
    LEGAL = "LEGAL"


CONFRONTING_KINDS: frozenset[InterventionKind] = frozenset(
    {InterventionKind.CONVERSATION, InterventionKind.HR_BEMIDDELING, InterventionKind.BMW_BEMIDDELING}
)


class InterventionStatus(StrEnum):
    PROPOSED = "PROPOSED"
    RUNNING = "RUNNING"
    ENDED = "ENDED"


class MediationStatus(StrEnum):
    REFERRED = "REFERRED"
    INTAKE = "INTAKE"
    PAUSED_VP_REFERRAL = "PAUSED_VP_REFERRAL"
    AGREEMENT_PENDING = "AGREEMENT_PENDING"
    AGREEMENT_SIGNED = "AGREEMENT_SIGNED"
    IN_SESSION = "IN_SESSION"
    OUTCOME_DRAFTED = "OUTCOME_DRAFTED"
    OUTCOME_SIGNED = "OUTCOME_SIGNED"
    ENDED_WITH_AGREEMENT = "ENDED_WITH_AGREEMENT"
    WITHDRAWN_BY_PARTY = "WITHDRAWN_BY_PARTY"
    ENDED_BY_MEDIATOR = "ENDED_BY_MEDIATOR"
    NEUTRAL_NOTICE_SENT = "NEUTRAL_NOTICE_SENT"
    ENDED_NO_AGREEMENT = "ENDED_NO_AGREEMENT"


MEDIATION_ACTIVE: frozenset[MediationStatus] = frozenset(
    {
        MediationStatus.REFERRED,
        MediationStatus.INTAKE,
        MediationStatus.PAUSED_VP_REFERRAL,
        MediationStatus.AGREEMENT_PENDING,
        MediationStatus.AGREEMENT_SIGNED,
        MediationStatus.IN_SESSION,
        MediationStatus.OUTCOME_DRAFTED,
        MediationStatus.OUTCOME_SIGNED,
    }
)


class Track(StrEnum):
    RESTORATION = "RESTORATION"
    EXIT = "EXIT"


class Clause(StrEnum):
    """Contents of the mediation agreement (R-073)."""

    IDENTITIES = "IDENTITIES"
    SUBJECT = "SUBJECT"
    VOLUNTARINESS = "VOLUNTARINESS"
    CONFIDENTIALITY = "CONFIDENTIALITY"
    NEUTRALITY = "NEUTRALITY"
    REGLEMENT = "REGLEMENT"
    FEES = "FEES"
    REPORTING = "REPORTING"
    INTERIM_AGREEMENTS = "INTERIM_AGREEMENTS"
    ADMITTED_ADVISERS = "ADMITTED_ADVISERS"


ESSENTIAL_CLAUSES: frozenset[Clause] = frozenset({Clause.VOLUNTARINESS, Clause.CONFIDENTIALITY})


class OutcomeKind(StrEnum):
    VSO = "VSO"
    ARRANGEMENT = "ARRANGEMENT"
    BEHAVIOUR_PLAN = "BEHAVIOUR_PLAN"


class EndKind(StrEnum):
    WITHDRAWN_BY_PARTY = "WITHDRAWN_BY_PARTY"
    ENDED_BY_MEDIATOR = "ENDED_BY_MEDIATOR"
    AGREEMENT = "AGREEMENT"


class NoticeField(StrEnum):
    """Fields a neutral termination notice may carry (R-080) plus the ones it may not."""

    CASE_REFERENCE = "CASE_REFERENCE"
    PARTIES = "PARTIES"
    START_DATE = "START_DATE"
    END_DATE = "END_DATE"
    ENDED_STATEMENT = "ENDED_STATEMENT"
    CONFIDENTIALITY_REMINDER = "CONFIDENTIALITY_REMINDER"
    REASON = "REASON"
    ASSESSMENT = "ASSESSMENT"
    FREE_TEXT = "FREE_TEXT"


NOTICE_ALLOWED: frozenset[NoticeField] = frozenset(
    {
        NoticeField.CASE_REFERENCE,
        NoticeField.PARTIES,
        NoticeField.START_DATE,
        NoticeField.END_DATE,
        NoticeField.ENDED_STATEMENT,
        NoticeField.CONFIDENTIALITY_REMINDER,
    }
)


class DisclosureTarget(StrEnum):
    EMPLOYER_HR_FILE = "EMPLOYER_HR_FILE"
    BA_FILE = "BA_FILE"
    COMPLAINT_FILE = "COMPLAINT_FILE"
    LITIGATION = "LITIGATION"
    PARTIES_JOINTLY_RELEASED = "PARTIES_JOINTLY_RELEASED"


class ChecklistItem(StrEnum):
    """Termination-agreement checklist for WW protection (R-096)."""

    NAMES_ADDRESSES = "NAMES_ADDRESSES"
    EMPLOYER_INITIATIVE_AND_REASON = "EMPLOYER_INITIATIVE_AND_REASON"
    NO_URGENT_REASON = "NO_URGENT_REASON"
    MUTUAL_CONSENT = "MUTUAL_CONSENT"
    END_DATE_RESPECTS_NOTICE = "END_DATE_RESPECTS_NOTICE"
    FINAL_SETTLEMENT_DATE = "FINAL_SETTLEMENT_DATE"
    PLACE_AND_DATE_OF_SIGNING = "PLACE_AND_DATE_OF_SIGNING"


class BreachCondition(StrEnum):
    """LVV conflict-of-duties conditions (R-103)."""

    CONSENT_SOUGHT = "CONSENT_SOUGHT"
    SERIOUS_DILEMMA = "SERIOUS_DILEMMA"
    NO_OTHER_WAY = "NO_OTHER_WAY"
    NEAR_CERTAIN_SERIOUS_HARM = "NEAR_CERTAIN_SERIOUS_HARM"
    DISCLOSURE_PREVENTS_HARM = "DISCLOSURE_PREVENTS_HARM"
    MELDER_INFORMED = "MELDER_INFORMED"
    REFERRED_TO_OTHER_VP = "REFERRED_TO_OTHER_VP"
    VP_CAN_JUSTIFY = "VP_CAN_JUSTIFY"


class AssessmentItem(StrEnum):
    """BA checklist before a conflict advice (R-022)."""

    CONFLICT_PER_DEFINITION = "CONFLICT_PER_DEFINITION"
    TYPE_AND_PHASE = "TYPE_AND_PHASE"
    STYLES_BOTH_PARTIES = "STYLES_BOTH_PARTIES"
    RESILIENCE_AND_PROBLEM_SOLVING = "RESILIENCE_AND_PROBLEM_SOLVING"
    INTERVENTION_PERIOD_INDICATED = "INTERVENTION_PERIOD_INDICATED"
    OCCUPATIONAL_DISEASE = "OCCUPATIONAL_DISEASE"
    WORK_CAPACITY = "WORK_CAPACITY"
    ADAPTED_WORK = "ADAPTED_WORK"
    ABLE_TO_CONVERSE = "ABLE_TO_CONVERSE"


# --------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------


def _p(key: str, description: str = "", **extra: object) -> dict[str, object]:
    """Field metadata: JSON key and description (used by parse and the JSON Schema)."""
    meta: dict[str, object] = {"key": key, "description": description}
    meta.update(extra)
    return meta


@dataclass(frozen=True, slots=True)
class Tenant:
    """Tenant parameters with their defaults (docs/rules.md, parameters)."""

    ba_notify_within_days: int = field(default=7, metadata=_p("ba.notify_within_days", "R-010", minimum=0))
    ba_consult_warn_after_days: int = field(
        default=7, metadata=_p("ba.consult_warn_after_days", "R-011", minimum=0)
    )
    ip_normal_max_days: int = field(default=7, metadata=_p("ip.normal_max_days", "R-041", minimum=1))
    ip_exceptional_max_days: int = field(
        default=14, metadata=_p("ip.exceptional_max_days", "R-041", minimum=1)
    )
    ip_evaluation_due_working_days: int = field(
        default=5, metadata=_p("ip.evaluation_due_working_days", "R-048", minimum=0)
    )
    conflict_leave_enabled: bool = field(default=False, metadata=_p("conflict_leave.enabled", "R-050"))
    conflict_leave_max_days: int = field(
        default=3, metadata=_p("conflict_leave.max_days", "R-052", minimum=0)
    )
    conflict_leave_window_months: int = field(
        default=24, metadata=_p("conflict_leave.window_months", "R-051", minimum=0)
    )
    conflict_leave_day_unit: DayUnit = field(
        default=DayUnit.WORKING, metadata=_p("conflict_leave.day_unit", "R-052")
    )
    not_able_max_review_days: int = field(
        default=42, metadata=_p("advice.not_able_to_converse.max_review_days", "R-032", minimum=0)
    )
    inhouse_max_glasl: int = field(
        default=3, metadata=_p("routing.inhouse_max_glasl", "R-061", minimum=1, maximum=9)
    )
    mediation_max_glasl: int = field(
        default=6, metadata=_p("routing.mediation_max_glasl", "R-068", minimum=1, maximum=9)
    )
    i1_min_case_age_days: int = field(
        default=28, metadata=_p("indication.I1_min_case_age_days", "I-1", minimum=0)
    )
    i4_signal_window_days: int = field(
        default=30, metadata=_p("indication.I4_signal_window_days", "I-4", minimum=0)
    )
    no_intervention_after_days: int = field(
        default=42, metadata=_p("nudge.no_intervention_after_days", "R-069", minimum=0)
    )
    aggregation_gap_days: int = field(default=28, metadata=_p("wvp.aggregation_gap_days", "R-160", minimum=1))
    review_interval_days: int = field(default=42, metadata=_p("wvp.review_interval_days", "R-153", minimum=1))
    cooling_off_days: int = field(default=14, metadata=_p("settlement.cooling_off_days", "R-092", minimum=0))
    cooling_off_days_without_clause: int = field(
        default=21, metadata=_p("settlement.cooling_off_days_without_clause", "R-092", minimum=0)
    )
    repeat_window_months: int = field(
        default=6, metadata=_p("settlement.repeat_window_months", "R-094", minimum=0)
    )
    whistleblower_min_workers: int = field(
        default=50, metadata=_p("whistleblower.min_workers", "R-115", minimum=0)
    )
    whistleblower_ack_days: int = field(default=7, metadata=_p("whistleblower.ack_days", "R-116", minimum=0))
    whistleblower_feedback_months: int = field(
        default=3, metadata=_p("whistleblower.feedback_months", "R-117", minimum=0)
    )
    vp_min_cell: int = field(default=3, metadata=_p("vp.annual_report.min_cell", "R-105", minimum=1))
    retention_admin_absence_years: int = field(
        default=2, metadata=_p("retention.admin_absence_years_after_employment", "R-140", minimum=0)
    )
    retention_reintegration_years: int = field(
        default=2, metadata=_p("retention.reintegration_file_years_after_end", "R-141", minimum=0)
    )
    retention_erd_zw_years: int = field(default=5, metadata=_p("retention.erd_zw_years", "R-142", minimum=0))
    retention_erd_wga_years: int = field(
        default=10, metadata=_p("retention.erd_wga_years", "R-143", minimum=0)
    )
    retention_ba_medical_years: int = field(
        default=20, metadata=_p("retention.ba_medical_years", "R-144", minimum=0)
    )
    retention_mediation_years: int = field(
        default=2, metadata=_p("retention.mediation_years", "R-146, Q-4", minimum=0)
    )
    retention_supporter_notes_months: int = field(
        default=3, metadata=_p("retention.supporter_notes_months", "R-147", minimum=0)
    )
    retention_whistleblower_years: int = field(
        default=2, metadata=_p("retention.whistleblower_years", "R-148, Q-4", minimum=0)
    )
    ba_override_mode: OverrideMode = field(
        default=OverrideMode.BLOCK, metadata=_p("professional_rules.ba_override_mode", "BLOCK*, Q-3")
    )
    due_soon_working_days: int = field(
        default=5, metadata=_p("timers.due_soon_working_days", "SM-7", minimum=0)
    )
    workers: int | None = field(default=None, metadata=_p("organisation.workers", "R-115", minimum=0))
    internal_reporting_procedure: bool | None = field(
        default=None, metadata=_p("organisation.internal_reporting_procedure", "R-115")
    )


@dataclass(frozen=True, slots=True)
class EscalationSignal:
    kind: SignalKind
    on: date | None = None


@dataclass(frozen=True, slots=True)
class UndesirableBehaviour:
    """Suspected transgressive behaviour (R-100, RT-2, I-6)."""

    categories: tuple[UBCategory, ...] = ()
    vp_offered_on: date | None = None
    melder_choice: MelderChoice | None = None
    consents_to_mediation: bool = False


@dataclass(frozen=True, slots=True)
class Attempt:
    kind: AttemptKind
    on: date | None = None
    facilitator: Facilitator | None = None
    outcome: Outcome = Outcome.PENDING


@dataclass(frozen=True, slots=True)
class Conflict:
    """The conflict case facts (R-001…R-007, R-060…R-069, RT-x, I-x)."""

    signalled_on: date | None = None
    perceived_by: tuple[Role, ...] = ()
    acknowledged_by_other: bool | None = None
    configuration: Configuration | None = None
    same_organisation: bool = True
    domains: tuple[Domain, ...] = ()
    intake_completed: bool = False
    conflict_type: ConflictType | None = None
    glasl_stage: int | None = field(default=None, metadata=_p("glasl_stage", "1-9", minimum=1, maximum=9))
    style_employee: ConflictStyle | None = None
    style_other: ConflictStyle | None = None
    escalation_signals: tuple[EscalationSignal, ...] = ()
    undesirable_behaviour: UndesirableBehaviour | None = None
    misstand_suspected: bool = False
    public_interest: bool | None = None
    legal_assistance_employee: bool = False
    legal_assistance_employer: bool = False
    third_parties_involved: bool = False
    lawyer_as_problem_solver: bool = False
    termination_discussion: bool = False
    undesirable_work_situation: bool = False
    parties_willing_to_mediate: bool | None = None
    heavy_emotions: bool = False
    wants_distance: bool = False
    wants_doctor_without_employer: bool = False
    ba_termination_advice_requested: bool = False
    attempts: tuple[Attempt, ...] = ()

    @property
    def established(self) -> bool:
        """R-001: a conflict exists once at least one party feels obstructed or irritated."""
        return bool(self.perceived_by)

    @property
    def legally_assisted(self) -> bool:
        return self.legal_assistance_employee or self.legal_assistance_employer


@dataclass(frozen=True, slots=True)
class SickPeriod:
    first_sick_day: date
    last_sick_day: date


@dataclass(frozen=True, slots=True)
class Verdict:
    """Step 2: work-incapacity verdict (D04)."""

    value: VerdictValue
    recorded_on: date | None = None
    author_role: Role = Role.BA
    degree_pct: int | None = field(default=None, metadata=_p("degree_pct", "", minimum=0, maximum=100))
    no_work_capacity: bool = False
    self_assessed: bool = False
    # D03 as the employer reads it: functional limitations and possibilities, scanned by R-133.
    limitations: str | None = None
    possibilities: str | None = None


@dataclass(frozen=True, slots=True)
class ConflictFinding:
    """Step 3: the BA's conflict finding."""

    conflict: bool
    recorded_on: date | None = None
    author_role: Role = Role.BA
    prolongs_incapacity: bool = False
    during_reintegration: bool = False


@dataclass(frozen=True, slots=True)
class ProblemAnalysisUpdate:
    on: date
    contains_conflict_advice: bool = False


@dataclass(frozen=True, slots=True)
class ProblemAnalysis:
    on: date
    author_role: Role = Role.BA
    personal_contact: bool | None = None
    contains_conflict_advice: bool = False
    updates: tuple[ProblemAnalysisUpdate, ...] = ()


@dataclass(frozen=True, slots=True)
class ActionPlan:
    on: date | None = None
    signed_by_employer: bool = False
    signed_by_employee: bool = False
    not_applicable: bool = False


@dataclass(frozen=True, slots=True)
class MedicalDisclosure:
    """Extra medical information to the employer (R-134)."""

    via_ba: bool = False
    explicit_consent: bool = False
    necessity_recorded: bool = False


@dataclass(frozen=True, slots=True)
class SickReport:
    """Sick report and the WVP record (R-010…R-028, R-130…R-139, R-150…R-162)."""

    first_sick_day: date
    recovery_date: date | None = None
    previous_periods: tuple[SickPeriod, ...] = ()
    conflict_signalled: bool = False
    notified_to_ba_on: date | None = None
    consult_on: date | None = None
    consult_by: Role | None = None
    verdict: Verdict | None = None
    conflict_finding: ConflictFinding | None = None
    claimed_variant: Variant | None = None
    employer_record: tuple[tuple[str, str], ...] = field(
        default=(), metadata=_p("employer_record", "employer-side sick-report fields (R-130)", kv=True)
    )
    employer_notes: str | None = None
    gp_information_received: bool = False
    gp_information_consent: bool = False
    problem_analysis: ProblemAnalysis | None = None
    conflict_advice_recorded_in: AdviceLocation | None = None
    action_plan: ActionPlan | None = None
    progress_reviews: tuple[date, ...] = ()
    uwv_notified_on: date | None = None
    first_year_evaluation_on: date | None = None
    riv_copies_on: date | None = None
    current_assessment_on: date | None = None
    current_assessment_author: Role | None = None
    final_evaluation_on: date | None = None
    planned_wia_application_on: date | None = None
    wia_applied_on: date | None = None
    verdict_disputed: bool = False
    second_opinion_same_ba: bool = False
    wage_suspended: bool = False
    wages_stopped_on_not_ao: bool = False
    medical_disclosures: tuple[MedicalDisclosure, ...] = ()
    uwv_medical_info_sent_by: Role | None = None


@dataclass(frozen=True, slots=True)
class ConflictAssessment:
    """BA checklist before a conflict advice (R-022): items answered, or N/A with a reason."""

    answered: tuple[AssessmentItem, ...] = ()
    not_applicable: tuple[AssessmentItem, ...] = ()


@dataclass(frozen=True, slots=True)
class AdvisedInterventionPeriod:
    form: InterventionForm | None = None
    start_on: date | None = None
    days: int | None = field(default=None, metadata=_p("days", "", minimum=0))
    contact_person: str | None = None
    explanation: bool = False


@dataclass(frozen=True, slots=True)
class BAAdvice:
    """A bedrijfsarts advice (D08) with the structured fields of R-030…R-039."""

    kind: AdviceKind
    author_role: Role = Role.BA
    issued_on: date | None = None
    recipients: tuple[Role, ...] = ()
    content: tuple[AdviceContent, ...] = ()
    resumption_condition: Condition | None = None
    reintegration_condition: Condition | None = None
    conversation_condition: Condition | None = None
    recommends_termination: bool = False
    recommends_resignation: bool = False
    not_able_to_converse: bool = False
    not_able_medical_grounds: bool = False
    review_date: date | None = None
    addresses_reintegration: bool | None = None
    addresses_conflict: bool | None = None
    intervention_period: AdvisedInterventionPeriod | None = None
    heavy_emotions_or_imminent_complaints: bool | None = None
    employer_consulted: bool | None = None
    employee_consent: bool | None = None
    employee_view_in_file: bool | None = None
    employer_view_in_file: bool | None = None
    other_party_informed_how: str | None = None
    disclosed_categories: tuple[DataCategory, ...] = ()
    delegation_agreement: bool | None = None
    prior_ba_consultation: bool | None = None
    free_text: str | None = None
    justification: str | None = None


@dataclass(frozen=True, slots=True)
class Appointment:
    """The appointment with the person with whom the conflict will be discussed (R-044, R-054)."""

    with_role: Role | None = None
    with_person: str | None = None
    recorded_on: date | None = None
    meeting_on: date | None = None
    chaired_by: Role | None = None


@dataclass(frozen=True, slots=True)
class InterventionPeriod:
    """Interventieperiode (SM-3, R-040…R-049)."""

    initiated_by: Role | None = None
    form: InterventionForm | None = None
    released_reason: str | None = None
    start_on: date | None = None
    end_on: date | None = None
    exceptional_reason: str | None = None
    employer_approved_on: date | None = None
    appointment: Appointment | None = None
    extension_end_on: date | None = None
    extension_reason: str | None = None
    registered_as: AbsenceRegistration | None = None
    has_verdict: bool = False
    evaluated_on: date | None = None
    evaluation_outcome: EvaluationOutcome | None = None
    sick_reported_on: date | None = None


@dataclass(frozen=True, slots=True)
class LeavePeriod:
    start_on: date
    end_on: date | None = None


@dataclass(frozen=True, slots=True)
class ConflictLeaveRequest:
    """Arbeidsconflictenverlof request (SM-4, R-050…R-056)."""

    start_on: date
    end_on: date
    appointment: Appointment | None = None
    paid: bool | None = None
    registered_as: AbsenceRegistration | None = None


@dataclass(frozen=True, slots=True)
class Intervention:
    """A conversation, bemiddeling or other intervention (R-060…R-069)."""

    kind: InterventionKind
    status: InterventionStatus = InterventionStatus.PROPOSED
    chair_role: Role | None = None
    support_employee: bool | None = None
    support_other: bool | None = None
    started_on: date | None = None


@dataclass(frozen=True, slots=True)
class MediationAgreement:
    signed_by_all_parties: bool = False
    signed_by_mediator: bool = False
    signed_on: date | None = None
    clauses: tuple[Clause, ...] = ()


@dataclass(frozen=True, slots=True)
class Attendee:
    role: Role
    all_parties_agree: bool = False
    nda_signed: bool = False


@dataclass(frozen=True, slots=True)
class MediationOutcome:
    kind: OutcomeKind
    signed_by_all_parties: bool = False
    written: bool = True
    ends_mediation_explicitly: bool = False
    dated: bool = False


@dataclass(frozen=True, slots=True)
class MediationEnd:
    kind: EndKind
    written_statement: bool = False
    end_on: date | None = None


@dataclass(frozen=True, slots=True)
class Mediation:
    """Arbeidsmediation (SM-5, R-070…R-085)."""

    status: MediationStatus = MediationStatus.REFERRED
    referred_on: date | None = None
    referrer_role: Role | None = None
    chair_role: Role = Role.MED
    all_parties_willing: bool | None = None
    forced_enrolment: bool = False
    mediator_other_roles: tuple[Role, ...] = ()
    mediator_signs_as_party: bool = False
    agreement: MediationAgreement | None = None
    sessions: tuple[date, ...] = ()
    paused_on: date | None = None
    undesirable_behaviour_at_intake: bool = False
    track: Track | None = None
    attendees: tuple[Attendee, ...] = ()
    outcome: MediationOutcome | None = None
    end: MediationEnd | None = None
    neutral_notice_fields: tuple[NoticeField, ...] | None = None
    one_sided_messages: int = field(default=0, metadata=_p("one_sided_messages", "", minimum=0))
    referrer_receives: tuple[DataCategory, ...] = ()
    outcome_released_jointly: bool = False
    content_disclosures: tuple[DisclosureTarget, ...] = ()


@dataclass(frozen=True, slots=True)
class Dissolution:
    sent_on: date | None = None
    received_on: date | None = None
    written: bool = True


@dataclass(frozen=True, slots=True)
class TerminationAgreement:
    """Beëindigingsovereenkomst / VSO (SM-5T, R-090…R-097)."""

    written: bool = True
    terminates_employment: bool = True
    signed_by_employer: bool = False
    signed_by_employee: bool = False
    concluded_on: date | None = None
    essentials_agreed_in_writing_on: date | None = None
    mentions_dissolution_right: bool = True
    statutory_director: bool = False
    court_settlement: bool = False
    previous_dissolution_on: date | None = None
    dissolution: Dissolution | None = None
    checklist: tuple[ChecklistItem, ...] | None = None
    drafted_by: Role | None = None
    ba_involved: bool = False


@dataclass(frozen=True, slots=True)
class VPDisclosure:
    recipient_role: Role
    written_consent: bool = False
    statutory_duty: bool = False
    breach_conditions: tuple[BreachCondition, ...] = ()


@dataclass(frozen=True, slots=True)
class VPReport:
    """Vertrouwenspersoon report (SM-6, R-100…R-110)."""

    category: UBCategory | None = None
    intake_on: date | None = None
    confidentiality_explained: bool | None = None
    privilege_limits_explained: bool | None = None
    registration_consent: bool | None = None
    disclosures: tuple[VPDisclosure, ...] = ()
    mediator_proposed: bool = False
    melder_consents_mediator: bool | None = None
    closed_on: date | None = None
    in_annual_report_on: date | None = None
    destroyed_on: date | None = None


@dataclass(frozen=True, slots=True)
class AnnualReportCell:
    category: UBCategory
    unit: str | None = None
    count: int = field(default=0, metadata=_p("count", "", minimum=0))
    suppressed: bool = False


@dataclass(frozen=True, slots=True)
class VPAnnualReport:
    cells: tuple[AnnualReportCell, ...] = ()
    contains_identifiers: bool = False


@dataclass(frozen=True, slots=True)
class WhistleblowerReport:
    """Internal whistleblower report (SM-8, R-115…R-120)."""

    received_on: date | None = None
    acknowledged_on: date | None = None
    feedback_on: date | None = None
    public_interest: bool | None = None
    data_in_conflict_case: bool = False


class LegalHoldCategory(StrEnum):
    """Why records are kept past their retention term (R-140: "longer only with a legal-hold reason")."""

    PENDING_LITIGATION = "PENDING_LITIGATION"
    AUTHORITY_REQUEST = "AUTHORITY_REQUEST"
    OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class LegalHold:
    """A legal hold with its reason (R-140); it suspends every T-24 deletion."""

    category: LegalHoldCategory
    reason: str = ""
    since: date | None = None


@dataclass(frozen=True, slots=True)
class Retention:
    """Dates from which retention terms run (R-140…R-148).

    ``hold`` is a legal hold with its reason; the older ``legal_hold: true`` is still accepted and
    reads as a hold without a stated reason (docs/guideline.md).
    """

    legal_hold: bool = False
    hold: LegalHold | None = None
    employment_ended_on: date | None = None
    reintegration_ended_on: date | None = None
    erd_zw_file_closed_on: date | None = None
    erd_wga: bool = False
    medical_file_last_changed_on: date | None = None
    mediation_ended_on: date | None = None
    supporter_engagement_ended_on: date | None = None
    whistleblower_closed_on: date | None = None


@dataclass(frozen=True, slots=True)
class Situation:
    """Everything the engine knows about one case at one moment."""

    today: date | None = None
    tenant: Tenant = field(default_factory=Tenant)
    non_working_dates: tuple[date, ...] = field(
        default=(), metadata=_p("non_working_dates", "Public holidays (weekends are always non-working)")
    )
    conflict: Conflict | None = None
    sick_report: SickReport | None = None
    assessment: ConflictAssessment | None = None
    ba_advice: tuple[BAAdvice, ...] = ()
    intervention_periods: tuple[InterventionPeriod, ...] = ()
    conflict_leave_history: tuple[LeavePeriod, ...] = ()
    conflict_leave_requests: tuple[ConflictLeaveRequest, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    mediation: Mediation | None = None
    termination_agreements: tuple[TerminationAgreement, ...] = ()
    vp_report: VPReport | None = None
    vp_annual_report: VPAnnualReport | None = None
    whistleblower_report: WhistleblowerReport | None = None
    retention: Retention | None = None


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Message:
    nl: str
    en: str


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    message: Message
    source: str
    subject: str | None = None
    configured_from: Severity | None = None
    justified: bool | None = None
    # The words or sentences of the subject's text the finding is about.
    matches: tuple[str, ...] = ()


class DeadlineStatus(StrEnum):
    PENDING = "PENDING"
    DUE_SOON = "DUE_SOON"
    OVERDUE = "OVERDUE"
    DONE = "DONE"
    # Done after the due date (or window end) and after the first working day on or after it
    # (ADR 0100): a late step stays late.
    DONE_LATE = "DONE_LATE"
    NOT_APPLICABLE = "NOT_APPLICABLE"


@dataclass(frozen=True, slots=True)
class Deadline:
    code: str
    owner: tuple[Role, ...]
    basis: str
    source: str
    status: DeadlineStatus
    due: date | None = None
    practical_due: date | None = None
    window_start: date | None = None
    window_end: date | None = None
    done_on: date | None = None
    subject: str | None = None
    note: str | None = None
    # Working days after the first working day on or after the due date (DONE_LATE only; ADR 0100).
    late_working_days: int | None = None


@dataclass(frozen=True, slots=True)
class Advice:
    guideline_version: str
    today: date
    variant: Variant | None
    glasl_phase: GlaslPhase | None
    routes: tuple[str, ...]
    indications: tuple[str, ...]
    findings: tuple[Finding, ...]
    deadlines: tuple[Deadline, ...]
    aggregated_first_sick_day: date | None = None
    sick_days_before_current_period: int = 0

    @property
    def blocked(self) -> bool:
        return any(f.severity in BLOCKING for f in self.findings)
