"""The content keys of every kind of document, as TypedDicts; each template renders exactly these.

Content is stored as JSON and hashed, so it holds only JSON values: dates are ISO strings
("2026-03-01"), amounts are text ("€ 150 per uur, excl. btw"), enumerations are codes whose labels
the templates translate (the label tables below). `validate` refuses unknown and missing keys; the
neutral termination notice (R-080) is checked value by value, because it may hold no free text.
"""

import re
from collections.abc import Mapping
from typing import Any, Literal, NotRequired, TypedDict

from django.utils.translation import gettext_lazy as _

from werkvrede.documents.models import DocumentKind

# --- Building blocks ------------------------------------------------------------------------------


class Person(TypedDict):
    """A person named in a document; `user_id` links to the account when there is one."""

    user_id: int | None
    name: str


class Party(Person):
    """A party to a mediation or agreement; `role` is a case-role code (WN, WP, LG, HR, ...)."""

    role: str
    address: NotRequired[str]


class Mediator(Person):
    registration: NotRequired[str]  # e.g. MfN-register number


AttendeeKind = Literal["SUPPORTER", "LAWYER"]


class Attendee(Person):
    """An adviser or supporter admitted to the sessions (R-076): only with everyone's consent and an NDA."""

    kind: AttendeeKind
    for_party: str  # name of the party they accompany


class Costs(TypedDict):
    fees: str  # the mediator's fees, as agreed ("€ 150 per uur, excl. btw")
    paid_by: str  # who pays ("de werkgever")


# --- D12: mediationovereenkomst (R-073) -------------------------------------------------------------


class MediationAgreementContent(TypedDict):
    mediation_reference: str
    case_reference: NotRequired[str]
    parties: list[Party]
    mediator: Mediator
    subject: str  # subject and nature of the conflict; the scope of the mediation
    voluntary: bool  # essential: participation is voluntary, anyone may end it
    confidential: bool  # essential: the template prints the full clause
    neutrality: bool  # the mediator is neutral and decides nothing
    reglement: str  # e.g. "MfN-mediationreglement 2023"
    costs: Costs
    reporting: str  # what is reported to whom (the referrer gets only status notices, R-084)
    interim_agreements: str  # how interim agreements are handled
    attendees: list[Attendee]  # admitted advisers/supporters; empty: only parties and mediator attend
    ending: NotRequired[str]  # any extra agreement on ending; the template always states
    place: NotRequired[str]
    drafted_on: str


# --- D12: geheimhoudingsverklaring (CC-8, R-076) ----------------------------------------------------


class ConfidentialityStatementContent(TypedDict):
    mediation_reference: str
    person: Person
    kind: AttendeeKind
    for_party: NotRequired[str]
    signed_place: NotRequired[str]


# --- D13: slotovereenkomst (R-079) ----------------------------------------------------------------

OutcomeType = Literal["BEHAVIOUR_PLAN", "ARRANGEMENT", "SETTLEMENT"]


class AgreedPoint(TypedDict):
    text: str
    by_whom: NotRequired[str]
    due_on: NotRequired[str]


class OutcomeAgreementContent(TypedDict):
    mediation_reference: str
    case_reference: NotRequired[str]
    agreement_type: OutcomeType  # gedragsplan / afsprakenregeling / vaststellingsovereenkomst
    parties: list[Party]
    mediator: NotRequired[Mediator]
    points: list[AgreedPoint]
    ends_mediation: bool  # signing ends the mediation only if the agreement says so ...
    ended_on: NotRequired[str]  # ... and states the date
    place: NotRequired[str]
    # Exit track only: the employment ends on this date; signed, it drafts the termination agreement
    # (SM-5 row 11, R-091).
    employment_ends_on: NotRequired[str]


# --- D14: status notices (R-080, R-081, R-082) --------------------------------------------------------


class NeutralNoticeContent(TypedDict):
    """R-080: fixed fields only — no reasons, no assessment, no free text of any kind."""

    mediation_reference: str
    ended_on: str
    case_reference: NotRequired[str]
    started_on: NotRequired[str]
    parties: NotRequired[list[str]]  # the parties' names
    confidentiality_reminder: NotRequired[bool]


EndedBy = Literal["PARTY", "MEDIATOR", "AGREEMENT"]


class EndStatementContent(TypedDict):
    mediation_reference: str
    ended_on: str
    ended_by: EndedBy
    by_whom: NotRequired[str]  # the name of the party or mediator who ended it


class WithdrawalStatementContent(TypedDict):
    """R-081: a party ends the mediation by a written statement; no reasons are asked (R-070)."""

    mediation_reference: str
    party: Party
    on: str


# --- D19: beëindigingsovereenkomst and ontbinding (R-091..R-096) --------------------------------------

ChecklistCode = Literal[
    "NAMES_ADDRESSES",
    "EMPLOYER_INITIATIVE_AND_REASON",
    "NO_URGENT_REASON",
    "MUTUAL_CONSENT",
    "END_DATE_NOTICE_PERIOD",
    "FINAL_SETTLEMENT_DATE",
    "PLACE_AND_DATE",
]
R096_ITEMS: tuple[str, ...] = (
    "NAMES_ADDRESSES",
    "EMPLOYER_INITIATIVE_AND_REASON",
    "NO_URGENT_REASON",
    "MUTUAL_CONSENT",
    "END_DATE_NOTICE_PERIOD",
    "FINAL_SETTLEMENT_DATE",
    "PLACE_AND_DATE",
)


class ChecklistItem(TypedDict):
    item: ChecklistCode
    done: bool


class TerminationAgreementContent(TypedDict):
    parties: list[Party]
    employment_ends_on: str
    concluded_on: str  # defaults to the date of the last signature
    reflection_days: Literal[14, 21]  # 14, or 21 when the agreement does not mention the right
    checklist: list[ChecklistItem]
    mediation_reference: NotRequired[str]
    employer_reason: NotRequired[str]
    final_settlement_on: NotRequired[str]
    place: NotRequired[str]
    agreed_terms: NotRequired[list[AgreedPoint]]  # from the signed exit outcome (SM-5 row 11)


class DissolutionNoticeContent(TypedDict):
    dissolved_on: str
    employee: NotRequired[Party]
    agreement_concluded_on: NotRequired[str]
    agreement_reference: NotRequired[str]


# --- D08: schriftelijke terugkoppeling van de bedrijfsarts (R-021, R-030…R-039) ----------------------


class InterventionPeriod(TypedDict):
    form: str  # ALT_WORKPLACE | RELEASED_FROM_WORK
    start_on: str | None
    days: int | None
    contact_person: str


class BaFeedbackContent(TypedDict):
    """The advice as sent: the same for employer and employee (R-021); never the BA's own notes."""

    case_reference: str
    physician: str
    advice_kind: str  # sickness AdviceKind code
    sent_on: str
    recipients: list[str]
    content: list[str]  # sickness AdviceContent codes
    resumption_condition: str
    reintegration_condition: str
    recommends_termination: bool
    recommends_resignation: bool
    not_able_to_converse: bool
    not_able_medical_grounds: bool
    review_date: str | None
    intervention_period: InterventionPeriod | None
    solution_direction: str
    text: str


# --- D10: the Poortwachter documents (R-150…R-158) ----------------------------------------


class WvpHeader(TypedDict):
    """What every Poortwachter document states first, pre-filled from the case."""

    case_reference: str
    employee: Person
    employer: str  # the organisation's name
    first_sick_day: str  # after samentelling
    drafted_on: str


class ProblemAnalysisContent(WvpHeader):
    """The employer-facing (non-medical) part only; the medical part is sealed apart (D01)."""

    physician: Person
    personal_contact: bool  # the BA saw the employee in person
    functional_limitations: str
    possibilities: str
    expected_duration: str
    reintegration_advice: str
    conflict_advice: str  # variant B: the advice on the conflict


class ProblemAnalysisUpdateContent(ProblemAnalysisContent):
    reason: str  # what changed


class ActionPlanContent(WvpHeader):
    casemanager: Person  # a casemanager is appointed
    goal: str
    activities: str
    agreements: str


class ActionPlanUpdateContent(ActionPlanContent):
    reason: str


class UwvSicknessNoticeContent(WvpHeader):
    """R-154: the fields UWV asks (W4); nothing medical, no free text besides the expected duration."""

    expected_duration: str
    expected_return_on: str | None
    work_accident: bool | None
    safety_net: bool | None


class FirstYearEvaluationContent(WvpHeader):
    look_back: str
    look_forward: str
    track_two: str  # the decision on spoor 2


class CurrentAssessmentContent(WvpHeader):
    physician: Person
    functional_limitations: str
    possibilities: str
    prognosis: str


class FinalEvaluationContent(WvpHeader):
    summary: str
    results: str
    employee_cosigns: bool


class BundledDocument(TypedDict):
    document_id: int
    kind: str
    version: int
    title: str
    content_hash: str
    signed_on: str


class ReintegrationReportContent(WvpHeader):
    """The RIV: the signed Poortwachter documents it bundles, each by id, version and hash."""

    documents: list[BundledDocument]


CONTENT_TYPES: dict[str, type] = {
    DocumentKind.MEDIATION_AGREEMENT: MediationAgreementContent,
    DocumentKind.CONFIDENTIALITY_STATEMENT: ConfidentialityStatementContent,
    DocumentKind.OUTCOME_AGREEMENT: OutcomeAgreementContent,
    DocumentKind.NEUTRAL_NOTICE: NeutralNoticeContent,
    DocumentKind.END_STATEMENT: EndStatementContent,
    DocumentKind.WITHDRAWAL_STATEMENT: WithdrawalStatementContent,
    DocumentKind.TERMINATION_AGREEMENT: TerminationAgreementContent,
    DocumentKind.DISSOLUTION_NOTICE: DissolutionNoticeContent,
    DocumentKind.BA_FEEDBACK: BaFeedbackContent,
    DocumentKind.PROBLEM_ANALYSIS: ProblemAnalysisContent,
    DocumentKind.PROBLEM_ANALYSIS_UPDATE: ProblemAnalysisUpdateContent,
    DocumentKind.ACTION_PLAN: ActionPlanContent,
    DocumentKind.ACTION_PLAN_UPDATE: ActionPlanUpdateContent,
    DocumentKind.UWV_SICKNESS_NOTICE: UwvSicknessNoticeContent,
    DocumentKind.FIRST_YEAR_EVALUATION: FirstYearEvaluationContent,
    DocumentKind.CURRENT_ASSESSMENT: CurrentAssessmentContent,
    DocumentKind.FINAL_EVALUATION: FinalEvaluationContent,
    DocumentKind.REINTEGRATION_REPORT: ReintegrationReportContent,
}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,39}$")


class ContentError(ValueError):
    """The content does not fit its kind (a programming error of the caller, not a user's mistake)."""


def validate(kind: str, content: Mapping[str, Any]) -> None:
    """Refuse unknown and missing top-level keys; R-080's notice is checked value by value."""
    typed = CONTENT_TYPES.get(kind)
    if typed is None:
        raise ContentError(f"unknown document kind {kind!r}")
    required: frozenset[str] = typed.__required_keys__  # type: ignore[attr-defined]
    optional: frozenset[str] = typed.__optional_keys__  # type: ignore[attr-defined]
    keys = set(content)
    if missing := sorted(required - keys):
        raise ContentError(f"{kind}: missing content keys {missing}")
    if unknown := sorted(keys - required - optional):
        raise ContentError(f"{kind}: unknown content keys {unknown}")
    if kind == DocumentKind.NEUTRAL_NOTICE:
        _validate_neutral_notice(content)


def _validate_neutral_notice(content: Mapping[str, Any]) -> None:
    """R-080: references, dates, names and one flag — nothing that could carry reasons or blame."""

    def fail(key: str) -> ContentError:
        return ContentError(f"NEUTRAL_NOTICE: {key} has a value that is not allowed (R-080)")

    for key in ("mediation_reference", "case_reference"):
        if key in content and not (isinstance(content[key], str) and _REFERENCE.match(content[key])):
            raise fail(key)
    for key in ("ended_on", "started_on"):
        if key in content and not (isinstance(content[key], str) and _ISO_DATE.match(content[key])):
            raise fail(key)
    names = content.get("parties", [])
    if not isinstance(names, list) or not all(
        isinstance(n, str) and 0 < len(n) <= 200 and "\n" not in n for n in names
    ):
        raise fail("parties")
    if "confidentiality_reminder" in content and not isinstance(content["confidentiality_reminder"], bool):
        raise fail("confidentiality_reminder")


# --- Labels of the codes in content (templates translate them) ---------------------------------------

PARTY_ROLE_LABELS = {
    "WN": _("Werknemer"),
    "WP": _("Wederpartij"),
    "LG": _("Leidinggevende"),
    "HR": _("HR-adviseur"),
    "CM": _("Casemanager"),
    "EMPLOYER": _("Werkgever"),
}
ATTENDEE_KIND_LABELS = {"SUPPORTER": _("Ondersteuner"), "LAWYER": _("Advocaat")}
OUTCOME_TYPE_LABELS = {
    "BEHAVIOUR_PLAN": _("Gedragsplan"),
    "ARRANGEMENT": _("Afsprakenregeling"),
    "SETTLEMENT": _("Vaststellingsovereenkomst"),
}
ENDED_BY_LABELS = {
    "PARTY": _("een partij"),
    "MEDIATOR": _("de mediator"),
    "AGREEMENT": _("de slotovereenkomst"),
}
CHECKLIST_LABELS = {
    "NAMES_ADDRESSES": _("Namen en adressen van partijen"),
    "EMPLOYER_INITIATIVE_AND_REASON": _("De werkgever nam het initiatief, met de reden"),
    "NO_URGENT_REASON": _("Er is geen dringende reden"),
    "MUTUAL_CONSENT": _("Beëindiging met wederzijds goedvinden"),
    "END_DATE_NOTICE_PERIOD": _("Einddatum met inachtneming van de opzegtermijn"),
    "FINAL_SETTLEMENT_DATE": _("Datum van de eindafrekening"),
    "PLACE_AND_DATE": _("Plaats en datum van ondertekening"),
}
# The same Dutch texts as the sickness context's choices (so they share one translation).
ADVICE_KIND_LABELS = {
    "REINTEGRATION": _("Re-integratieadvies"),
    "WORK_RESUMPTION": _("Werkhervattingsadvies"),
    "INTERVENTION_PLAN": _("Interventieadvies"),
    "INTERVENTION_PERIOD": _("Advies interventieperiode"),
    "FEEDBACK": _("Terugkoppeling"),
}
CONDITION_LABELS = {
    "NONE": _("Geen voorwaarde"),
    "CONFLICT_RESOLVED": _("Pas als het conflict is opgelost"),
    "FULL_RECOVERY": _("Pas na volledig herstel"),
}
ADVICE_CONTENT_LABELS = {
    "WORK_EXPECTATION": _("Verwachting dat er gewerkt wordt"),
    "SOLUTION_DIRECTION": _("Oplossingsrichting"),
    "INTERVENTION_PERIOD": _("Interventieperiode"),
    "CONVERSATION": _("Gesprek tussen partijen"),
    "MEDIATION": _("Mediation"),
    "OTHER_INTERVENTION": _("Andere interventie"),
    "REINTEGRATION": _("Re-integratie"),
    "GRADED_RETURN": _("Opbouw van werk"),
    "WORK_ADJUSTMENTS": _("Aanpassingen in het werk"),
}
INTERVENTION_FORM_LABELS = {
    "ALT_WORKPLACE": _("Andere werkplek"),
    "RELEASED_FROM_WORK": _("Vrijgesteld van werk"),
}

# The Poortwachter documents' own fields (the header is shown apart), in the order they are shown.
WVP_FIELD_LABELS = {
    "reason": _("Wat is er veranderd"),
    "physician": _("Bedrijfsarts"),
    "personal_contact": _("Persoonlijk contact met de werknemer"),
    "casemanager": _("Casemanager"),
    "functional_limitations": _("Functionele beperkingen"),
    "possibilities": _("Mogelijkheden"),
    "expected_duration": _("Verwachte duur"),
    "expected_return_on": _("Verwachte datum van herstel of werkhervatting"),
    "reintegration_advice": _("Advies over re-integratie"),
    "conflict_advice": _("Advies over het conflict"),
    "prognosis": _("Prognose"),
    "goal": _("Doel"),
    "activities": _("Activiteiten"),
    "agreements": _("Afspraken"),
    "work_accident": _("Arbeidsongeval"),
    "safety_net": _("Vangnetregeling"),
    "look_back": _("Terugblik"),
    "look_forward": _("Vooruitblik"),
    "track_two": _("Besluit over spoor 2"),
    "summary": _("Samenvatting"),
    "results": _("Resultaat van de re-integratie"),
    "employee_cosigns": _("De werknemer ondertekent mee"),
}
