"""State machines SM-1…SM-8 (docs/rules.md) as transition tables.

A transition row names its guard rules. :func:`transition` evaluates the situation and returns the
blocking findings (BLOCK, or BLOCK* not turned into WARN+J) of those rules; no findings means the
transition may happen. A (state, event) pair that is not in the table is refused (DESIGN).
The application owns the stored state; this module only says what is allowed.
"""

from dataclasses import dataclass
from datetime import date

from werkvrede.guideline.catalogue import CATALOGUE
from werkvrede.guideline.engine import evaluate
from werkvrede.guideline.model import BLOCKING, Finding, Message, Severity, Situation
from werkvrede.guideline.rules.context import Context

#: Source state of a row that creates the object.
NEW = "—"
#: Source wildcard: any state that is not terminal.
ANY_ACTIVE = "*"


@dataclass(frozen=True, slots=True)
class Transition:
    row: str
    sources: tuple[str, ...]
    event: str
    target: str
    guards: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Machine:
    code: str
    states: tuple[str, ...]
    terminal: frozenset[str]
    transitions: tuple[Transition, ...]

    def allowed_events(self, state: str | None) -> tuple[str, ...]:
        """Events that have a row for ``state`` (``None`` = not created yet)."""
        return tuple(dict.fromkeys(t.event for t in self.transitions if self._matches(t, state)))

    def _matches(self, t: Transition, state: str | None) -> bool:
        if state is None:
            return NEW in t.sources
        return state in t.sources or (ANY_ACTIVE in t.sources and state not in self.terminal)

    def find(self, state: str | None, event: str) -> Transition | None:
        for t in self.transitions:
            if t.event == event and self._matches(t, state):
                return t
        return None


def _m(code: str, states: str, terminal: str, rows: list[tuple[str, str, str, str, str]]) -> Machine:
    return Machine(
        code=code,
        states=tuple(states.split()),
        terminal=frozenset(terminal.split()),
        transitions=tuple(
            Transition(row, tuple(src.split("|")), event, target, tuple(g.split()) if g else ())
            for row, src, event, target, g in rows
        ),
    )


SM1 = _m(
    "SM-1",
    "SIGNALLED INTAKE OWN_CONVERSATION FACILITATED_CONVERSATION MEDIATION RESOLVED_CONTINUED RESOLVED_EXIT "
    "LEGAL_ROUTE CLOSED_UNRESOLVED CLOSED",
    "CLOSED",
    [
        ("1", NEW, "conflict_signalled", "SIGNALLED", ""),
        ("2", "SIGNALLED", "intake_done", "INTAKE", "R-002 R-003"),
        ("3", "INTAKE", "undesirable_behaviour_suspected", "INTAKE", ""),
        ("4", "INTAKE", "misstand_suspected", "INTAKE", "R-118"),
        ("5", "INTAKE", "parties_agree_to_talk", "OWN_CONVERSATION", "R-100"),
        (
            "6",
            "OWN_CONVERSATION|INTAKE",
            "third_party_needed",
            "FACILITATED_CONVERSATION",
            "R-062 R-063 R-064 R-100",
        ),
        ("7", ANY_ACTIVE, "mediation_started", "MEDIATION", "R-070 R-100 R-064"),
        ("8", ANY_ACTIVE, "distance_needed", "", "R-043 R-044 R-046 R-050 R-051 R-052 R-054 R-056"),
        ("9", ANY_ACTIVE, "sick_reported", "", ""),
        ("10", "MEDIATION", "mediation_ended_agreement_restoration", "RESOLVED_CONTINUED", "R-079 R-082"),
        ("11", "MEDIATION", "mediation_ended_agreement_exit", "RESOLVED_EXIT", "R-079 R-082 R-090 R-091"),
        ("12", "MEDIATION", "mediation_ended_no_agreement", "FACILITATED_CONVERSATION", "R-080 R-081"),
        ("12", "MEDIATION", "mediation_ended_no_agreement_legal", "LEGAL_ROUTE", "R-080 R-081"),
        ("12", "MEDIATION", "mediation_ended_no_agreement_close", "CLOSED_UNRESOLVED", "R-080 R-081"),
        ("13", ANY_ACTIVE, "legal_assistance_engaged", "", "R-063"),
        ("14", "OWN_CONVERSATION|FACILITATED_CONVERSATION", "resolved", "RESOLVED_CONTINUED", ""),
        ("15", "RESOLVED_CONTINUED|RESOLVED_EXIT|LEGAL_ROUTE|CLOSED_UNRESOLVED", "close", "CLOSED", ""),
    ],
)

SM2 = _m(
    "SM-2",
    "REPORTED NOTIFIED_TO_BA CONSULT_SCHEDULED STEP1_CONSULTED STEP2_VERDICT VARIANT_A VARIANT_B VARIANT_C "
    "NO_VARIANT WVP_TRACK RECOVERED WIA_APPLIED EMPLOYMENT_ENDED CLOSED",
    "CLOSED",
    [
        ("1", NEW, "sick_reported", "REPORTED", "R-130 R-131"),
        ("2", "REPORTED", "ba_notified", "NOTIFIED_TO_BA", ""),
        ("3", "NOTIFIED_TO_BA", "consult_scheduled", "CONSULT_SCHEDULED", ""),
        ("4", "CONSULT_SCHEDULED", "consult_held", "STEP1_CONSULTED", "R-019"),
        ("5", "STEP1_CONSULTED", "verdict_recorded", "STEP2_VERDICT", "R-013 R-017 R-021"),
        ("6", "STEP2_VERDICT", "conflict_finding_recorded", "VARIANT_*", "R-012 R-014 R-018"),
        ("7", "VARIANT_A", "start_track", "WVP_TRACK", ""),
        ("8", "VARIANT_B", "start_track", "WVP_TRACK", "R-016 R-034 R-161"),
        ("9", "VARIANT_C", "return_to_work", "RECOVERED", "R-030 R-031 R-032 R-033 R-035 R-036"),
        ("10", "NO_VARIANT", "return_to_work", "RECOVERED", ""),
        ("11", "WVP_TRACK", "conflict_identified", "WVP_TRACK", "R-016 R-161"),
        ("12", "WVP_TRACK", "verdict_disputed", "WVP_TRACK", ""),
        ("13", "WVP_TRACK", "recovery_reported", "RECOVERED", ""),
        ("14", "WVP_TRACK", "wia_applied", "WIA_APPLIED", ""),
        ("15", ANY_ACTIVE, "employment_ended", "EMPLOYMENT_ENDED", ""),
        ("16", "RECOVERED|WIA_APPLIED|EMPLOYMENT_ENDED", "close", "CLOSED", ""),
    ],
)

SM3 = _m(
    "SM-3",
    "PROPOSED EMPLOYER_COMMITTED APPOINTMENT_PLANNED ACTIVE EXTENDED ENDED EVALUATED REJECTED "
    "ABORTED_SICK_REPORT",
    "EVALUATED REJECTED ABORTED_SICK_REPORT",
    [
        ("1", NEW, "proposed", "PROPOSED", "R-035 R-036"),
        ("2", "PROPOSED", "employer_approves", "EMPLOYER_COMMITTED", "R-043"),
        ("3", "PROPOSED", "employer_refuses", "REJECTED", ""),
        ("4", "EMPLOYER_COMMITTED", "appointment_recorded", "APPOINTMENT_PLANNED", "R-044 R-064"),
        ("5", "APPOINTMENT_PLANNED", "start_reached", "ACTIVE", "R-040 R-041 R-043 R-044 R-045 R-046"),
        ("6", "ACTIVE", "extension_requested", "EXTENDED", "R-041"),
        ("7", "ACTIVE|EXTENDED", "sick_reported", "ABORTED_SICK_REPORT", ""),
        ("8", "ACTIVE|EXTENDED", "end_passed", "ENDED", ""),
        ("9", "ENDED", "evaluation_recorded", "EVALUATED", ""),
    ],
)

SM4 = _m(
    "SM-4",
    "REQUESTED ELIGIBILITY_CHECKED APPROVED ACTIVE ENDED FOLLOWED_UP CLOSED REJECTED",
    "CLOSED REJECTED",
    [
        ("1", NEW, "requested", "REQUESTED", ""),
        ("2", "REQUESTED", "eligibility_check", "ELIGIBILITY_CHECKED", "R-050 R-051 R-052 R-056"),
        ("2", "REQUESTED", "ineligible", "REJECTED", ""),
        ("3", "ELIGIBILITY_CHECKED", "approve", "APPROVED", "R-053 R-054"),
        ("4", "APPROVED", "first_leave_day", "ACTIVE", ""),
        ("5", "ACTIVE", "sick_reported", "ENDED", ""),
        ("6", "ACTIVE", "last_leave_day_passed", "ENDED", ""),
        ("7", "ENDED", "conversation_held", "FOLLOWED_UP", ""),
        ("8", "FOLLOWED_UP", "close", "CLOSED", ""),
    ],
)

SM5 = _m(
    "SM-5",
    "REFERRED INTAKE PAUSED_VP_REFERRAL AGREEMENT_PENDING AGREEMENT_SIGNED IN_SESSION OUTCOME_DRAFTED "
    "OUTCOME_SIGNED ENDED_WITH_AGREEMENT WITHDRAWN_BY_PARTY ENDED_BY_MEDIATOR NEUTRAL_NOTICE_SENT "
    "ENDED_NO_AGREEMENT",
    "ENDED_WITH_AGREEMENT ENDED_NO_AGREEMENT",
    [
        ("1", NEW, "referral", "REFERRED", "R-084 R-100"),
        ("2", "REFERRED", "intake_held", "INTAKE", "R-071 R-070"),
        ("3", "INTAKE", "undesirable_behaviour_surfaces", "PAUSED_VP_REFERRAL", ""),
        ("4", "PAUSED_VP_REFERRAL", "melder_continues", "INTAKE", ""),
        ("5", "INTAKE", "parties_willing", "AGREEMENT_PENDING", "R-070 R-077"),
        ("6", "AGREEMENT_PENDING", "all_signed", "AGREEMENT_SIGNED", "R-072 R-073 R-076"),
        ("7", "AGREEMENT_SIGNED", "first_session", "IN_SESSION", "R-072 R-077"),
        ("8", "IN_SESSION", "track_change", "IN_SESSION", ""),
        ("9", "IN_SESSION", "consensus_reached", "OUTCOME_DRAFTED", ""),
        ("10", "OUTCOME_DRAFTED", "all_parties_sign", "OUTCOME_SIGNED", "R-079 R-090"),
        ("11", "OUTCOME_SIGNED", "outcome_terminates_employment", "OUTCOME_SIGNED", "R-091 R-097"),
        ("12", "OUTCOME_SIGNED", "end_confirmed", "ENDED_WITH_AGREEMENT", "R-082 R-084"),
        ("13", "ENDED_WITH_AGREEMENT", "termination_dissolved", "ENDED_WITH_AGREEMENT", ""),
        (
            # a party may leave at any time, also while referred or paused (ADR 0115).
            "15",
            "REFERRED|INTAKE|PAUSED_VP_REFERRAL|AGREEMENT_PENDING|AGREEMENT_SIGNED|IN_SESSION|OUTCOME_DRAFTED",
            "party_withdraws",
            "WITHDRAWN_BY_PARTY",
            "R-081",
        ),
        (
            "16",
            "INTAKE|AGREEMENT_PENDING|AGREEMENT_SIGNED|IN_SESSION|OUTCOME_DRAFTED",
            "mediator_ends",
            "ENDED_BY_MEDIATOR",
            "R-081",
        ),
        (
            "17",
            "WITHDRAWN_BY_PARTY|ENDED_BY_MEDIATOR",
            "neutral_notice_sent",
            "NEUTRAL_NOTICE_SENT",
            "R-080 R-084",
        ),
        ("17", "NEUTRAL_NOTICE_SENT", "close", "ENDED_NO_AGREEMENT", ""),
    ],
)

SM5T = _m(
    "SM-5T",
    "CONCLUDED COOLING_OFF FINAL DISSOLVED",
    "FINAL DISSOLVED",
    [
        ("T1", NEW, "signed", "CONCLUDED", "R-090 R-091 R-097"),
        ("T2", "CONCLUDED", "reflection_applies", "COOLING_OFF", ""),
        ("T3", "CONCLUDED", "no_reflection_period", "FINAL", ""),
        ("T4", "COOLING_OFF", "dissolution_received", "DISSOLVED", "R-092"),
        ("T5", "COOLING_OFF", "term_end_passed", "FINAL", ""),
    ],
)

SM6 = _m(
    "SM-6",
    "CONTACT INTAKE ADVICE INFORMAL_SOLUTION_SUPPORT REFERRED FORMAL_COMPLAINT_SUPPORT AFTERCARE CLOSED "
    "IN_ANNUAL_REPORT DOSSIER_DESTROYED CONFIDENTIALITY_BREACH_REVIEW",
    "DOSSIER_DESTROYED",
    [
        ("1", NEW, "melder_contacts_vp", "CONTACT", ""),
        ("2", "CONTACT", "intake", "INTAKE", ""),
        ("3", "INTAKE", "vp_listens", "ADVICE", ""),
        ("4", "ADVICE", "informal_route", "INFORMAL_SOLUTION_SUPPORT", "R-064"),
        ("5", "ADVICE", "referral_accepted", "REFERRED", "R-103"),
        ("6", "ADVICE", "formal_complaint", "FORMAL_COMPLAINT_SUPPORT", ""),
        ("7", ANY_ACTIVE, "breach_considered", "CONFIDENTIALITY_BREACH_REVIEW", "R-103"),
        ("8", "INFORMAL_SOLUTION_SUPPORT|REFERRED|FORMAL_COMPLAINT_SUPPORT", "follow_up", "AFTERCARE", ""),
        ("9", "AFTERCARE", "close", "CLOSED", ""),
        ("10", "CLOSED", "annual_report_compiled", "IN_ANNUAL_REPORT", "R-105"),
        ("11", "IN_ANNUAL_REPORT", "retention_reached", "DOSSIER_DESTROYED", ""),
    ],
)

SM7 = _m(
    "SM-7",
    "PENDING DUE_SOON OVERDUE DONE DONE_LATE NOT_APPLICABLE",
    "DONE DONE_LATE NOT_APPLICABLE",
    [
        ("1", "PENDING", "due_soon", "DUE_SOON", ""),
        ("2", "PENDING|DUE_SOON", "due_passed", "OVERDUE", ""),
        # OVERDUE may still end in DONE: a weekend due date is met on the next working day (ADR 0100).
        ("3", "PENDING|DUE_SOON|OVERDUE", "done", "DONE", "R-151"),
        ("4", "PENDING|DUE_SOON|OVERDUE", "not_applicable", "NOT_APPLICABLE", ""),
        # Done after the due date: the step stays late (ADR 0100); only a passed due date leads here.
        ("5", "OVERDUE", "done_late", "DONE_LATE", "R-151"),
    ],
)

SM8 = _m(
    "SM-8",
    "RECEIVED ACKNOWLEDGED ASSESSED FOLLOW_UP FEEDBACK_GIVEN CLOSED NOT_A_MISSTAND ROUTED",
    "CLOSED ROUTED",
    [
        ("1", NEW, "received", "RECEIVED", "R-118"),
        ("2", "RECEIVED", "acknowledged", "ACKNOWLEDGED", ""),
        ("3", "ACKNOWLEDGED", "assessed", "ASSESSED", ""),
        ("4", "ASSESSED", "follow_up", "FOLLOW_UP", ""),
        ("5", "FOLLOW_UP", "feedback_given", "FEEDBACK_GIVEN", ""),
        ("6", "FEEDBACK_GIVEN", "close", "CLOSED", ""),
        ("7", "ASSESSED", "not_a_misstand", "NOT_A_MISSTAND", ""),
        ("8", "NOT_A_MISSTAND", "routed_with_consent", "ROUTED", "R-118"),
    ],
)

MACHINES: dict[str, Machine] = {m.code: m for m in (SM1, SM2, SM3, SM4, SM5, SM5T, SM6, SM7, SM8)}


@dataclass(frozen=True, slots=True)
class TransitionResult:
    allowed: bool
    target: str | None
    row: str | None
    findings: tuple[Finding, ...]


def _refused(machine: str, state: str | None, event: str) -> Finding:
    src = state or "new"
    return Finding(
        code=machine,
        severity=Severity.BLOCK,
        message=Message(
            nl=f"Overgang niet toegestaan: gebeurtenis '{event}' in toestand {src}.",
            en=f"Transition not allowed: event '{event}' in state {src}.",
        ),
        source="DESIGN",
        subject=None,
    )


def transition(
    machine: str,
    state: str | None,
    event: str,
    situation: Situation,
    *,
    today: date | None,
    subject: str | None = None,
) -> TransitionResult:
    """May ``event`` happen in ``state``? Guards return the blocking findings of their rules.

    ``subject`` limits the guard findings to one object (e.g. ``intervention_periods[0]``).
    The target ``VARIANT_*`` of SM-2 row 6 is resolved from the derived variant (R-014).
    """
    m = MACHINES[machine]
    t = m.find(state, event)
    if t is None:
        return TransitionResult(False, None, None, (_refused(machine, state, event),))
    advice = evaluate(situation, today=today)
    blocking = tuple(
        f
        for f in advice.findings
        if f.code in t.guards
        and f.severity in BLOCKING
        and (subject is None or f.subject is None or f.subject.startswith(subject))
    )
    target = t.target or state
    if target == "VARIANT_*":
        target = f"VARIANT_{advice.variant.value}" if advice.variant else None
        if target == "VARIANT_NONE":
            target = "NO_VARIANT"
    return TransitionResult(not blocking and target is not None, target, t.row, blocking)


def completion_event(due: date, done_on: date, situation: Situation) -> str:
    """SM-7: the event a completion on ``done_on`` is, "done" or "done_late" (ADR 0100)."""
    late = Context.build(situation, done_on).working_days_late(due, done_on)
    return "done_late" if late else "done"


def guard_codes() -> frozenset[str]:
    """Every rule code used as a guard (all must exist in the catalogue)."""
    return frozenset(g for m in MACHINES.values() for t in m.transitions for g in t.guards if g in CATALOGUE)
