# ruff: noqa: E501
"""Reference data behind the codes: actors, data categories and their permission matrix, consent
conditions, separation of duties, severities, time conventions, product decisions, readings where the
sources disagree, scenarios and the source keys. Rendered into docs/rules.md (`werkvrede rules --format md`).

Written in the notation of the permission matrix: RW read and write · R read · R° a restricted subset
only · W→ supply to the named recipient only · P as a participant, inside the procedure · N neutral
status only · A anonymised aggregate · C only with documented consent (CC-x) · own only one's own ·
— no access; "fn N" points to footnote N of the matrix.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    code: str
    name: str
    does: str
    never: str


@dataclass(frozen=True, slots=True)
class DataCategory:
    code: str
    name: str
    holds: str
    authors: str


@dataclass(frozen=True, slots=True)
class Condition:
    """A coded statement with its normative basis and source keys (CC-x, SOD-x)."""

    code: str
    text: str
    basis: str
    source: str


@dataclass(frozen=True, slots=True)
class Reading:
    """Where sources disagree (X-x): what each side says and what Werkvrede does."""

    code: str
    topic: str
    side_a: str
    side_b: str
    decision: str


@dataclass(frozen=True, slots=True)
class Scenario:
    code: str
    title: str
    files: tuple[str, ...]


# --- Severities and normative basis ------------------------------------------------------------

SEVERITIES: tuple[tuple[str, str], ...] = (
    ("BLOCK", "The action is refused; the user sees the rule code and text."),
    (
        "BLOCK*",
        "Refused by default. An organisation may turn it into WARN+J for the bedrijfsarts role only (Q-3), because professional guidelines let a physician deviate with documented reasons (W79). Used for professional rules about medical advice.",
    ),
    (
        "WARN",
        "Allowed; the user must acknowledge; the acknowledgement (user, time, optional justification) is stored.",
    ),
    ("WARN+J", "Allowed only with a free-text justification stored with the record."),
    ("TIMER", "Creates a deadline with reminders; an overdue deadline is visible on the case."),
    ("INFO", "Guidance shown to the user; no enforcement."),
)

BASES: tuple[tuple[str, str], ...] = (
    (
        "LAW",
        "Dutch statute (BW, Arbowet, Wet bescherming klokkenluiders, WIA/WVP regulations): a hard constraint.",
    ),
    (
        "REG",
        'Supervisory-authority policy (Autoriteit Persoonsgegevens, "Beleidsregels De zieke werknemer", 2016): a hard constraint.',
    ),
    (
        "PROF",
        "Professional standard (STECR Werkwijzer, NVAB guideline, MfN rules, LVV code): enforced by default, see BLOCK*.",
    ),
    (
        "POLICY",
        "The employer's own protocol (arbeidsconflictenprotocol): a switch and parameters per organisation.",
    ),
    ("DESIGN", "A design decision of Werkvrede, derived from the sources' intent."),
)

# --- Actors (roles) and separation of duties ------------------------------------------------------

ACTORS: tuple[Actor, ...] = tuple(
    Actor(*row)
    for row in (
        (
            "WN",
            "Werknemer / employee (data subject; usually the melder/party)",
            "Performs agreed work; equal responsibility with employer for solving the conflict; co-responsible for return to work; must accept suitable work (S3). May end mediation at any time (S0).",
            "—",
        ),
        (
            "LG",
            "Werkgever / leidinggevende — employer / line manager",
            "Final responsibility for absence handling; equal responsibility for solving the conflict; must offer (other) suitable work when AO; appoints prevention officer (S3). Decides on (paid) interventieperiode (W59).",
            "Determines AO or its degree (W18); registers diagnosis (W14, W15).",
        ),
        (
            "HR",
            "HR-/P&O-adviseur",
            "Advises employer and employee on labour-law aspects; applies the Werkwijzer; may act as casemanager; guides dismissal cases; prevention advice (S3).",
            "Same limits as LG. Not a suitable channel for reports of undesirable behaviour: employees fear it ends up in their personnel file (LVV chair quoted in W81); policy should route such reports to the VP (S1).",
        ),
        (
            "CM",
            "Casemanager (employer side, non-medical)",
            "Advises on applying the Werkwijzer; follows cases, reports; coordinates return; communicates with all parties within the AVG (S3).",
            "Medical data; AO verdict.",
        ),
        (
            "TD",
            "Professional onder taakdelegatie (arbodienst, under BA)",
            "Inventories/collects data; may advise on interventions only if agreed and after consulting the BA (S3).",
            "Interprets medical information independently; gives AO verdict; writes probleemanalyse without BA's personal contact; writes WIA eindoordeel (S3; W13).",
        ),
        (
            "BA",
            "Bedrijfsarts / occupational physician",
            "AO verdict (R-010…R-028); conflict diagnosis; advice (re-integration, werkhervatting, interventieplan); open spreekuur; occupational-disease assessment (S3).",
            "Advising that work resumes only after conflict is solved; advising termination or resignation (S3).",
        ),
        (
            "HA",
            "Huisarts / treating physician",
            "Treats; explores work relation of complaints; informs BA with consent; reticent about statements on AO to the employee (S3).",
            "Deciding AO for the employer.",
        ),
        (
            "BMW",
            "Bedrijfsmaatschappelijk werker",
            "Psychosocial support; may mediate if both parties support it; prevention training (S3).",
            "Mediate once a party has legal assistance (S3).",
        ),
        (
            "MED",
            "Arbeidsmediator",
            "Neutral for all parties; informs parties about relevant rules; safe setting; guides confidential talks to an agreement signed by parties; closes unsuccessful mediation with neutral notice (S3; S0).",
            "Take decisions for parties (S2); report content or reasons to referrer (S3; W32).",
        ),
        (
            "WP",
            "Wederpartij — the other party in the conflict (colleague or manager as person)",
            "Takes part in conversations/mediation.",
            "Access the employee's health/absence data.",
        ),
        (
            "SUP",
            "Partijbegeleider / supporter of one party (e.g. LegalBacking)",
            "Prepares the party; present (e.g. by video) to support (S0).",
            "Act as mediator; speak instead of the party — communication is direct between parties (S0).",
        ),
        (
            "VP",
            "Vertrouwenspersoon",
            "Hears the melder; helps find solutions; supports formal complaint; keeps secrecy; refers (S1, S3).",
            "Lead the conflict conversation / mediate (S3); investigate facts [UNVERIFIED].",
        ),
        (
            "ADV",
            "Advocaat / jurist of a party",
            "Informs about rules; proposes independent third party (S3).",
            "—",
        ),
        (
            "UWV",
            "Employee insurance agency",
            "Receives 42e-weeksmelding, RIV, WIA application; deskundigenoordeel (W4, W6, W9).",
            "Receive medical info from employer (W6).",
        ),
        (
            "DO",
            "Designated officer for whistleblower reports",
            "Receives internal reports; acknowledges ≤ 7 days; feedback ≤ 3 months (W44).",
            "—",
        ),
        (
            "ADM",
            "System administrator / privacy officer (FG) / auditor",
            "Operates system; reads audit metadata (DESIGN).",
            "Read case content (DESIGN).",
        ),
    )
)

SEPARATION_OF_DUTIES: tuple[Condition, ...] = (
    Condition(
        "SOD-1",
        "A VP assigned to a report may not hold the LG, HR or CM role on a case concerning the same melder.",
        "DESIGN",
        "W83; W52",
    ),
    Condition(
        "SOD-2",
        "A mediator may not hold any other role (LG, HR, CM, BA, VP, SUP, ADV) in the same case, and declares impartiality before the agreement (MfN gedragsregels art. 5). BLOCK.",
        "PROF",
        "W32",
    ),
    Condition(
        "SOD-3",
        'The BMW who mediates may not be the person who gives individual psychosocial support to only one of the parties in the same conflict (reading of "meerpartijdig"). WARN.',
        "PROF",
        "S3",
    ),
    Condition(
        "SOD-4",
        "A bedrijfsarts giving a second opinion must be a different bedrijfsarts. BLOCK.",
        "LAW",
        "W58; W73",
    ),
)

# --- Data categories and the permission matrix -----------------------------------------------------

DATA_CATEGORIES: tuple[DataCategory, ...] = tuple(
    DataCategory(*row)
    for row in (
        (
            "D01",
            "Medical details",
            "diagnosis, complaints, treatment, medication, pregnancy, info from huisarts/specialist, BA's medical reasoning",
            "BA (and TD under BA), HA (to BA), WN",
        ),
        (
            "D02",
            "Sick-report administrative data",
            "first sick day, recovery date, phone & (care) address, expected duration, ongoing appointments/work, vangnet yes/no, work accident yes/no, traffic accident with liable third party yes/no",
            "LG/HR/CM",
        ),
        (
            "D03",
            "Functional limitations & possibilities",
            "what the employee can/cannot do, remaining capacity, implications for type of work, needed adjustments/facilities",
            "BA",
        ),
        ("D04", "Work-incapacity verdict", "AO / NOT_AO, degree, expected duration, STECR variant", "BA"),
        (
            "D05",
            "Conflict facts & accounts",
            "parties, domain, history, incidents, previous attempts, each party's view",
            "WN, LG/HR, WP, BMW, TD, BA",
        ),
        (
            "D06",
            "BA conflict diagnosis",
            "conflict type, Glasl stage/phase, conflict styles of both parties",
            "BA (TD inventories)",
        ),
        (
            "D07",
            "BA capacity assessment",
            'draagkracht, problem-solving capacity, "able to have the conversation" + medical grounds',
            "BA",
        ),
        (
            "D08",
            "BA advice documents",
            "interventieadvies, re-integratieadvies, werkhervattingsadvies, written feedback (terugkoppeling)",
            "BA",
        ),
        (
            "D09",
            "Interventieperiode / arbeidsconflictenverlof records",
            "dates, form, approval, appointment, evaluation",
            "LG/HR/CM (BA advice as input)",
        ),
        (
            "D10",
            "WVP documents",
            "PA (non-medical part), PA updates, PvA, PvA updates, progress reviews, 42e-weeksmelding, EJE, actueel oordeel, eindevaluatie, RIV",
            "BA, LG/CM + WN",
        ),
        (
            "D11",
            "Mediation session content",
            "statements, session notes, flip-overs, documents exchanged, mediator's notes",
            "MED, parties",
        ),
        (
            "D12",
            "Mediation agreement (mediationovereenkomst)",
            "signatures, scope, fees, confidentiality clause",
            "MED + all parties",
        ),
        (
            "D13",
            "Mediation outcome agreement",
            "VSO / afsprakenregeling / gedragsplan",
            "MED drafts, parties sign",
        ),
        (
            "D14",
            "Mediation status notices",
            '"mediation started on …", neutral termination notice, end-of-mediation statement with date',
            "MED",
        ),
        ("D15", "VP report content", "melder's story, VP notes, advice given, referrals", "VP (+ melder)"),
        ("D16", "VP annual report", "anonymised counts per category, trends, recommendations", "VP"),
        ("D17", "Supporter's preparation notes", "preparation, talking points, rights explained", "SUP"),
        ("D18", "Whistleblower report", "report, acknowledgement, assessment, follow-up", "DO, melder"),
        (
            "D19",
            "Termination agreement & dissolution notice",
            "beëindigingsovereenkomst, bedenktermijn data, written dissolution",
            "LG/HR, WN, MED, ADV",
        ),
        (
            "D20",
            "Consent records",
            "scope, recipient, purpose, validity, withdrawal",
            "WN (or melder), recorded by the actor who asked",
        ),
        ("D21", "Audit log", "who accessed/disclosed what, when, on which basis", "system"),
    )
)

#: The columns of the permission matrix, in order.
MATRIX_ACTORS: tuple[str, ...] = (
    "WN",
    "LG",
    "HR",
    "CM",
    "TD",
    "BA",
    "HA",
    "BMW",
    "MED",
    "WP",
    "SUP",
    "VP",
    "ADV",
    "UWV",
    "ADM",
)

#: Per data category, what each actor of `MATRIX_ACTORS` may do.
PERMISSION_MATRIX: dict[str, tuple[str, ...]] = {
    "D01": (
        "R (own)",
        "—",
        "—",
        "—",
        "RW° fn 1",
        "RW",
        "W→BA (C)",
        "—",
        "— fn 2",
        "—",
        "— fn 2",
        "— fn 2",
        "C",
        "R fn 3",
        "—",
    ),
    "D02": ("R", "RW", "RW", "RW", "R", "R", "—", "—", "—", "—", "—", "—", "C", "R fn 4", "— fn 5"),
    "D03": ("R", "R", "R", "R", "RW fn 6", "RW", "—", "C", "C", "—", "C", "—", "C", "R fn 7", "—"),
    "D04": (
        "R",
        "R fn 8",
        "R fn 8",
        "R fn 8",
        "R fn 8",
        "RW",
        "—",
        "C",
        "C",
        "—",
        "C",
        "—",
        "C",
        "R fn 7",
        "—",
    ),
    "D05": (
        "RW own, R shared",
        "RW own, R shared",
        "RW",
        "R",
        "RW",
        "RW",
        "C",
        "RW fn 9",
        "R fn 10",
        "RW own, R shared",
        "C",
        "— fn 11",
        "C",
        "R° fn 7",
        "—",
    ),
    "D06": ("R", "R°", "R°", "R°", "RW fn 6", "RW", "—", "C", "C", "—", "C", "—", "C", "R° fn 7", "—"),
    "D07": ("R", "R° fn 12", "R° fn 12", "R° fn 12", "R°", "RW", "—", "—", "C", "—", "C", "—", "C", "—", "—"),
    "D08": ("R fn 13", "R", "R", "R", "R (drafts W)", "RW", "—", "C", "C", "—", "C", "—", "C", "R fn 7", "—"),
    "D09": ("R", "RW", "RW", "RW", "R", "R", "—", "R fn 14", "—", "N", "C", "R fn 14", "C", "—", "—"),
    "D10": (
        "R fn 15 (co-signs PvA/EJE)",
        "RW fn 16",
        "RW fn 16",
        "RW fn 16",
        "R (drafts W)",
        "RW fn 17",
        "—",
        "—",
        "—",
        "—",
        "C",
        "—",
        "C",
        "R fn 3",
        "—",
    ),
    "D11": (
        "P",
        "P fn 18",
        "P fn 18",
        "—",
        "—",
        "—",
        "—",
        "—",
        "RW",
        "P",
        "P fn 19",
        "—",
        "P fn 19",
        "—",
        "—",
    ),
    "D12": (
        "R (signs)",
        "R (signs if party)",
        "R (signs if party)",
        "N",
        "—",
        "N fn 20",
        "—",
        "N fn 20",
        "RW",
        "R (signs)",
        "R fn 19",
        "N fn 20",
        "R fn 19",
        "—",
        "—",
    ),
    "D13": (
        "R (signs)",
        "R (signs if party; else C° fn 21)",
        "R (if party; else C° fn 21)",
        "C° fn 21",
        "—",
        "C° fn 21",
        "—",
        "—",
        "RW (drafts)",
        "R (signs if party)",
        "C",
        "—",
        "R (advises own client)",
        "C° fn 22",
        "—",
    ),
    "D14": ("R", "R", "R", "N", "N", "N", "—", "N", "RW", "R", "R", "N", "R", "—", "—"),
    "D15": (
        "RW (melder)",
        "C fn 23",
        "C fn 23",
        "C fn 23",
        "—",
        "C fn 23",
        "—",
        "C fn 23",
        "C fn 23",
        "—",
        "—",
        "RW",
        "C fn 23",
        "—",
        "—",
    ),
    "D16": ("—", "A", "A", "—", "—", "—", "—", "—", "—", "—", "—", "RW", "—", "—", "—"),
    "D17": (
        "R (supported party)",
        "—",
        "—",
        "—",
        "—",
        "—",
        "—",
        "—",
        "— fn 24",
        "—",
        "RW",
        "—",
        "—",
        "—",
        "—",
    ),
    "D18": (
        "RW (melder)",
        "— fn 25",
        "— fn 25",
        "—",
        "—",
        "—",
        "—",
        "—",
        "—",
        "—",
        "—",
        "R (C) fn 26",
        "C",
        "—",
        "—",
    ),
    "D19": (
        "RW (signs)",
        "RW",
        "RW",
        "R",
        "—",
        "— fn 27",
        "—",
        "—",
        "RW fn 28",
        "—",
        "C",
        "—",
        "RW (own client)",
        "R fn 29",
        "—",
    ),
    "D20": (
        "RW",
        "R fn 30",
        "R fn 30",
        "R fn 30",
        "R",
        "R",
        "R fn 30",
        "R fn 30",
        "R fn 30",
        "—",
        "R fn 30",
        "RW (melder consents)",
        "R fn 30",
        "—",
        "R (metadata)",
    ),
    "D21": ("R (own) fn 31", "—", "—", "—", "—", "—", "—", "—", "—", "—", "—", "—", "—", "—", "R"),
}

MATRIX_FOOTNOTES: dict[int, str] = {
    1: "TD collects under the BA's responsibility; may not interpret medical data or derive conclusions (S3; W13, W70).",
    2: "What a party chooses to tell a mediator/supporter/VP becomes D11/D17/D15 content of that process; it never flows back into D01.",
    3: 'UWV receives medical information only from the employee (form "Medische informatie") / via BA, never from the employer (W6).',
    4: "42e-weeksmelding fields (W4).",
    5: "ADM sees metadata only (record IDs, timestamps), never values (DESIGN).",
    6: "Draft only; the BA validates and signs; TD may not decide (S3; W13).",
    7: "Only as included in the RIV (W6, W11).",
    8: "Read-only; no role except BA may write or alter AO or its degree; an employee's self-assessed percentage may not be entered (W18 — Abrona finding).",
    9: "Only when engaged in the case (bemiddeling or support).",
    10: "As supplied by the parties at intake.",
    11: "The VP does not receive the conflict file; if the melder tells the VP, it is D15.",
    12: 'Only: "able to conduct the conflict conversation: yes/no", review date, and advice on strengthening capacity. Not the medical grounds (S3; W16).',
    13: "Employee receives an identical written copy of everything the BA sends the employer (W17).",
    14: "Only the appointment details if that person is the appointed contact for the appointment (S3).",
    15: "Employee must get copies of all RIV documents by the end of week 91 (W6).",
    16: "LG/CM write PvA (jointly with WN; both sign), EJE, eindevaluatie, 42e-weeksmelding (W1, W2, W4, W7, W8).",
    17: "BA writes PA, PA updates, actueel oordeel (W1, W7, W13).",
    18: "Only the person who is the employer's representative in that mediation; the wider organisation has no access.",
    19: "Only if admitted to the mediation by all parties and bound by a signed confidentiality statement (W36).",
    20: 'The referrer gets only "mediation agreed/started on <date>" (DESIGN, consistent with W38).',
    21: "Only the parts the parties jointly release (e.g. agreed re-integration steps) (W67 principle: mediation info usable only if jointly agreed).",
    22: "Via the employee, only termination elements UWV needs for a WW claim (W42).",
    23: "Only with the melder's written consent naming the recipient, or under the documented conflict-of-duties exception / statutory reporting duty (W52, W53).",
    24: "Unless the supported party shares them.",
    25: "Only the designated officer(s) (DO); the manager concerned never (W44; DESIGN).",
    26: "Only if the melder involves the VP as adviser in confidence (W44).",
    27: "The BA has no role in termination (S3).",
    28: "Only when drafted within mediation.",
    29: "Via the employee, for WW (W42).",
    30: "Only consent records addressed to that actor (existence, scope, validity), DESIGN.",
    31: "Right of access under the AVG; DESIGN (W55 shows courts grant AVG access even to confidential dossiers).",
}

_FOOTNOTE = re.compile(r"\bfn (\d+)")


def footnotes_of(cell: str) -> tuple[int, ...]:
    """The footnote numbers a matrix cell points to (footnotes of the matrix in docs/rules.md)."""
    return tuple(int(n) for n in _FOOTNOTE.findall(cell))


def footnote_categories(number: int) -> tuple[str, ...]:
    """The data categories whose row points to footnote ``number`` (docs/rules.md)."""
    return tuple(
        code for code, row in PERMISSION_MATRIX.items() if any(number in footnotes_of(c) for c in row)
    )


# --- Consent conditions ----------------------------------------------------------------------------

CONSENT_CONDITIONS: tuple[Condition, ...] = tuple(
    Condition(*row)
    for row in (
        (
            "CC-1",
            "Before a sick report (open spreekuur, conflict without ziekmelding), the BA may consult the employer and may advise the employer on solution directions only with the employee's consent.",
            "PROF",
            "S3 (rol bedrijfsarts zonder ziekmelding)",
        ),
        (
            "CC-2",
            "After a sick report, that consent is no longer needed for BA–employer consultation about the conflict/re-integration; content stays limited to D03, D04, D06°, D07°, D08.",
            "PROF + REG",
            "S3; W16, W17",
        ),
        (
            "CC-3",
            "Huisarts/specialist gives information to the BA only with the employee's consent (usually written authorisation).",
            "LAW (WGBO)",
            "S3; W19, W20",
        ),
        (
            "CC-4",
            "Medical details beyond D03/D04 may go to the employer only exceptionally, with explicit consent, and only when necessary (e.g. colleagues must know what to do in an epileptic emergency). The employer may still not register diagnosis/cause, not even with consent.",
            "REG",
            "W19, W15",
        ),
        (
            "CC-5",
            "During an open spreekuur the BA does not tell the employer anything — not even that the employee came — without consent.",
            "LAW (secrecy)",
            "W20, W57",
        ),
        (
            "CC-6",
            "VP content (D15) is disclosed only with the melder's written consent naming recipient and scope. Exceptions: statutory reporting duty, or the LVV conflict-of-duties protocol (R-103).",
            "PROF",
            "W52, W53",
        ),
        (
            "CC-7",
            "Mediation content (D11) may be used outside the mediation only if all parties jointly agree.",
            "PROF (MfN art. 7)",
            "W33, W35, W67",
        ),
        (
            "CC-8",
            "A supporter/adviser may attend mediation only if all parties (and the mediator) agree and the supporter signs confidentiality.",
            "PROF",
            "W36; S0",
        ),
        (
            "CC-9",
            "Registration of a VP report in any system requires the melder's informed, explicit consent (AVG basis for special-category data such as sexual behaviour or health).",
            "LAW (AVG)",
            "W82",
        ),
        (
            "CC-10",
            "Consent must record: data subject, requesting actor, recipient, categories, purpose, date, expiry (optional), and withdrawal; withdrawal stops future disclosures but does not undo past ones.",
            "DESIGN",
            "—",
        ),
    )
)


# --- Time conventions -------------------------------------------------------------------------------

TIME_CONVENTIONS: tuple[tuple[str, str], ...] = (
    (
        "First sick day",
        "The first working day on which the employee did not work because of illness (W76): sick-day 1 (FSD).",
    ),
    (
        "Week k of sickness",
        'Sick-days 7(k−1)+1 … 7k. "At the latest in week k" is due on FSD + 7k − 1, the last day of week k (Q-1). A due date on a weekend or holiday also shows the preceding working day as the practical due date.',
    ),
    (
        "Samentelling",
        "Sick periods with an interruption of fewer than four weeks are added together (art. 7:629 lid 10 BW; W5): an interruption of at most 27 healthy days (strictly between the last sick day of one period and the first of the next) aggregates; 28 or more starts a new first sick day. Healthy days never count as sick days (R-160).",
    ),
    (
        "Working days",
        "Monday to Friday, without Dutch public holidays (Nieuwjaarsdag, Easter, Koningsdag, Ascension, Whitsun, Christmas; Bevrijdingsdag per the organisation's protocol: every year, lustrum years or never). The engine receives the non-working dates as input.",
    ),
    (
        "Interventieperiode and leave lengths",
        'Calendar days, start and end inclusive (end − start + 1); "one week" = 7, "two weeks" = 14.',
    ),
    ("Arbeidsconflictenverlof length", 'Working days (the sources say "days", often at most 3).'),
    ("Within N days after X", "The last allowed day is X + N calendar days."),
    (
        "Once per 2 years",
        "A rolling window: a new start is at least 24 months after the previous start (a parameter).",
    ),
)

# --- Product decisions --------------------------------------------------------------------------------

PRODUCT_DECISIONS: tuple[tuple[str, str], ...] = (
    (
        "Q-1",
        "Week counting: the end of week k is FSD + 7k − 1; the weekend-adjusted practical date is shown beside it.",
    ),
    (
        "Q-2",
        "Arbeidsconflictenverlof (conflict_leave.enabled) is off for a new organisation until its conflict protocol turns it on. The demo organisation has it on (3 working days, 24 months).",
    ),
    (
        "Q-3",
        "An organisation-level setting lets the bedrijfsarts role turn BLOCK* rules into WARN+J. The default is BLOCK. Each override stores the written justification and is audited.",
    ),
    (
        "Q-4",
        "Retention defaults (parameters, shown in the privacy statement): mediation dossier 2 years after the mediation ended; supporter notes 3 months after the engagement ended; whistleblower file 2 years after closure; a legal hold overrides every deletion.",
    ),
    (
        "Q-5",
        "Enumerations (conflict types, VP categories) are data, extensible per organisation; the guideline's lists are the defaults.",
    ),
    (
        "Q-6",
        '"Person with whom the conflict is to be discussed" is a required field with no default. The pages suggest the line manager, or the manager\'s manager when the line manager is the other party.',
    ),
    ("Q-7", "The progress-review interval is a parameter, default 42 days."),
)

# --- Where the sources disagree -------------------------------------------------------------------------

READINGS: tuple[Reading, ...] = tuple(
    Reading(*row)
    for row in (
        (
            "X-1",
            "When does mediation end?",
            "S0: the mediator drafts the consensus agreement; signing it ends the mediator's task.",
            "MfN (since 1-2-2017, art. 8): signing the VSO no longer ends the mediation automatically; the end is a written statement (by mediator or withdrawing party) with a date, unless the VSO says explicitly that it ends the mediation (W31).",
            "R-082: the end must be explicit and dated.",
        ),
        (
            "X-2",
            "Harassment/bullying: VP or mediator?",
            "S1: reports of transgressive behaviour always go to the VP first; a mediator who discovers it at intake refers to the VP.",
            'S3: "conflict arose from bullying or (sexual) harassment" is one of the 8 mediation indications.',
            "VP first (R-100), mediation only afterwards and by the melder's choice (I-6 gated, R-077).",
        ),
        (
            "X-3",
            "Status of STECR vs NVAB",
            "STECR Werkwijzer (2022) is widely used; courts and UWV policy refer to it (W59, W74, W60).",
            "NVAB rejected STECR v6 in 2015 as too legalistic (W62), withdrew that in a joint statement (Nov 2015, W61), then issued its own authorised guideline (July 2019) which is the BA's professional standard; STECR is not NVAB-authorised (W64). BAs may deviate from guidelines with documented reasons (W79).",
            "STECR advice rules are enforced as BLOCK* (an organisation may switch them to WARN+J for the BA role only, Q-3).",
        ),
        (
            "X-4",
            'Arbeidsconflictenverlof appointment with a "(vertrouwens)persoon"',
            "S3 (leave section): appointment with a (confidential) person within the organisation with whom the conflict and a solution are to be discussed.",
            "S3 (VP role): the VP's role is explicitly not to lead conversations.",
            "Allowed with WARN when the VP is named (R-054).",
        ),
        (
            "X-5",
            "Probleemanalyse in every long absence?",
            "Standard WVP timelines: PA by week 6 (W1–W3).",
            "A BA columnist: a PA is only due when the BA has established a medical cause (W12).",
            "PA timer only for variants A/B (AO); none for C.",
        ),
        (
            "X-6",
            '"WVP prescribes mediation within 6 weeks"',
            "A mediation firm claims the BA must propose mediation within 6 weeks of a conflict-related sick report (W69).",
            "No statutory source found; STECR only lists indications.",
            "Not implemented as a rule; mediation is a recommendation (R-065).",
        ),
        (
            "X-7",
            "Start of the bedenktermijn",
            'Statute: 14 days after the agreement "came into being" (W41); UWV: within 2 weeks after signing (W42).',
            "Kantonrechter Leiden 2016: starts when essentials were agreed in writing (W43); another firm's write-up of the same case headlines the opposite (W86).",
            "Default = last signature; WARN when an earlier written agreement on essentials exists (R-093).",
        ),
        (
            "X-8",
            "Scale of the problem",
            'S0: "more than a third of all workers in the Netherlands report sick due to workplace conflicts".',
            "Practitioners: roughly 70,000–100,000 conflict-related sick reports per year nationally (W60, W85).",
            "S0's figure is treated as marketing; not used in logic.",
        ),
        (
            "X-9",
            "Who drafts the outcome agreement",
            "S0/S3: the mediator records agreements.",
            "Practice: in exit cases the employer often drafts the VSO and the employee has it checked (W84).",
            "The mediator drafts by default; a party-drafted VSO may be uploaded; all parties sign (R-079).",
        ),
        (
            "X-10",
            "Law name",
            'S0–S3: "Wet Huis voor Klokkenluiders".',
            "Since 18-02-2023: Wet bescherming klokkenluiders; the 7-day/3-month terms come from that revision (W44, W45).",
            "Use the new name (R-120).",
        ),
        (
            "X-11",
            "Medical file retention",
            "Sources from 2018 still list 15 years for the medical treatment file (W88).",
            "Arbodiensten and absence-software vendors now use 20 years (W22, W23).",
            "A parameter, default 20 years (R-144).",
        ),
    )
)

# --- Scenarios (examples played by the tests) -----------------------------------------------------------

SCENARIOS: tuple[Scenario, ...] = (
    Scenario("SC-01", "Late consult, variant C, interventieperiode", ("sc01.json",)),
    Scenario("SC-02", "Variant B, blocked advice, employer free-text violation", ("sc02.json",)),
    Scenario("SC-03", "Variant A becomes B; samentelling", ("sc03.json",)),
    Scenario("SC-04", "Interventieperiode edge cases", ("sc04.json", "sc04_parallel.json")),
    Scenario("SC-05", "Arbeidsconflictenverlof limits", ("sc05.json", "sc05_ahmed.json", "sc05_pim.json")),
    Scenario("SC-06", "Sexual harassment; HR wants mediation", ("sc06.json", "sc06_later.json")),
)

#: Where the scenario files live, relative to the repository.
SCENARIO_DIR = "src/werkvrede/guideline/tests/scenarios"

# --- Rule groups ----------------------------------------------------------------------------------------

#: (first rule code of the group, title); a rule belongs to the last group whose first code is not after it.
RULE_GROUPS: tuple[tuple[str, str], ...] = (
    ("R-001", "Conflict definition, classification, escalation"),
    ("R-010", "Sick report and bedrijfsarts assessment"),
    ("R-030", "Advice validation (every advice of the bedrijfsarts, D08)"),
    ("R-040", "Interventieperiode"),
    ("R-050", "Arbeidsconflictenverlof (an option of the organisation's protocol)"),
    ("R-060", "Choice of intervention and third parties"),
    ("R-070", "Mediation"),
    ("R-090", "Settlement and termination agreements"),
    ("R-100", "Vertrouwenspersoon"),
    ("R-115", "Whistleblower reports"),
    ("R-130", 'Privacy (AP "De zieke werknemer", medical secrecy)'),
    ("R-140", "Retention (parameters; a legal hold overrides deletion)"),
    ("R-150", "Wet verbetering Poortwachter (timers T-01…T-13)"),
    ("R-170", "Audit and consent"),
)

#: Titles of state machines that are part of another machine's catalogue entry.
SUB_MACHINES: dict[str, tuple[str, str]] = {
    "SM-5T": (
        "Termination agreement (beëindigingsovereenkomst), also outside a mediation; part of SM-5.",
        "Beëindigingsovereenkomst, ook buiten een mediation; onderdeel van SM-5.",
    ),
}

# --- Sources --------------------------------------------------------------------------------------------

#: Source keys that are not web pages.
SOURCE_KEYS: tuple[tuple[str, str], ...] = (
    (
        "S0",
        "English page of a mediation-support service (LegalBacking): supports an employee during mediation by video call; mediation agreement, confidentiality, restoration vs exit mediation, endings.",
    ),
    (
        "S1",
        "Dutch blog: vertrouwenspersoon vs mediator — roles, overlap, when to use which, escalation best practices.",
    ),
    (
        "S2",
        "Dutch SME mediation page (QenA verzuimadvies): mediation for conflicts with (threatening) absence, intake, neutrality.",
    ),
    (
        "S3",
        "Summary of the STECR Werkwijzer Arbeidsconflicten (April 2022): conflict definition, protocol, arbeidsconflictenverlof, interventieperiode, the 3-step sick-report flow with variants a/b/c, advice rules, the 8 mediation indications, actor roles.",
    ),
    (
        "DESIGN",
        "A design decision of Werkvrede, derived from the sources' intent (for example audit logging).",
    ),
    (
        "INTERPRETATION",
        'The source is vague (for example "a few days"); Werkvrede picks a concrete, testable value.',
    ),
    (
        "UNVERIFIED",
        "Plausible and commonly stated, but not confirmed in the sources: therefore a parameter, never hard-coded.",
    ),
)

#: Public web pages: (key, what it is used for, address).
WEB_SOURCES: tuple[tuple[str, str, str], ...] = (
    (
        "W1",
        "PA after 6 weeks; PvA by week 8 on UWV form, signed by both; casemanager",
        "https://www.scolea.nl/actueel/wet-verbetering-poortwachter-plan-van-aanpak/",
    ),
    (
        "W2",
        "PA week 6, PvA ≤ week 8 and 2 weeks after PA; bijstelling",
        "https://www.enroutebv.nl/over-enroute/blogs-en-meer/artikelen/78/Het-Plan-van-Aanpak-bij-re-integratie%3A-een-goed-begin-is-het-halve-werk%21.html",
    ),
    (
        "W3",
        "WVP steps; progress reviews in principle every 6 weeks; EJE",
        "https://www.verzuimservices.nl/help-en-services/poortwachter-stappenplan/",
    ),
    (
        "W4",
        "42e-weeksmelding deadline",
        "https://www.uwv.nl/werkgevers/werknemer-is-ziek/loondoorbetaling/werknemer-is-langdurig-ziek/detail/ziek-melden-bij-uwv",
    ),
    (
        "W5",
        "report to arbodienst within a week; week-44 confirmation; fine max €455; <28 days aggregation",
        "https://www.randstad.nl/werkgevers/werkpocket/gezond-en-gemotiveerd-personeel/ziekteverzuim-en-reintegratie/ziekmelding-door-de-werkgever",
    ),
    (
        "W6",
        "week 88 letter; copies by week 91; application by week 93; employer may not send medical info; 14 days / 8 weeks",
        "https://www.uwv.nl/werkgevers/werknemer-is-ziek/loondoorbetaling/werknemer-is-langdurig-ziek/detail/aanvraag-wia-door-werknemer",
    ),
    (
        "W7",
        "actueel oordeel & eindevaluatie ~2 weeks before WIA application",
        "https://www.poortwachtersloket.nl/Informatie/Re-integratie/Wia_aanvraag",
    ),
    ("W8", "EJE between week 46 and 52", "https://reactiva.nl/?page_id=577"),
    ("W9", "104 weeks; deskundigenoordeel", "https://www.verzuimservices.nl/help-en-services/uwv/"),
    (
        "W10",
        "RIV; loonsanctie up to one year",
        "https://vangelderen.nl/arbeidsrecht/ziekte/re-integratie/wia-aanvraag-en-re-integratieverslag/",
    ),
    (
        "W11",
        "RIV document list (PvA, bijstellingen, EJE, eindevaluatie; PA, bijstellingen, actueel oordeel)",
        "http://www.wvp-trace.nl/bespreken-wia-aanvraag/",
    ),
    (
        "W12",
        "view that PA is due only with a medical cause",
        "https://www.medischcontact.nl/opinie/blogs-columns/blog/probleemanalyse.htm",
    ),
    (
        "W13",
        "taakdelegatie; non-delegable BA tasks",
        "https://nvab-online.nl/veelgestelde-vragen/taakdelegatie-supervisie",
    ),
    (
        "W14",
        "AP list of allowed sick-report data; no medical fields/options in systems",
        "https://www.aantjeszevenberg.nl/blog/2016/05/17/privacy-van-de-zieke-werknemer/",
    ),
    (
        "W15",
        "not even with consent",
        "https://www.boelszanders.nl/nieuwe-beleidsregels-zieke-werknemer-en-uitvoeringsproblemen/",
    ),
    (
        "W16",
        "what employer may ask; what BA may communicate",
        "https://www.humancapitalcare.nl/nl/nieuws/wat-mag-u-wel-of-niet-vragen-en-vastleggen/",
    ),
    (
        "W17",
        "KNMG code: 4 categories without consent; same info + written copy to employee",
        "http://ohcbv.nl/sociale-wetgeving/gegevens-verstrekking-aan-werkgever-door-bedrijfsarts",
    ),
    (
        "W18",
        "AP Abrona case: no nature/cause, no pregnancy; AO only by BA",
        "https://www.occure.nl/nieuws/1966-wat-u-wel-en-niet-mag-vragenregistreren-bij-ziekmelding.html",
    ),
    (
        "W19",
        "huisarts info with consent; exceptional extra info with explicit consent",
        "https://www.salarisvanmorgen.nl/2023/02/10/privacy-zieke-werknemer-en-gegevens-arbodienst-of-bedrijfsarts/",
    ),
    (
        "W20",
        "scope of medical secrecy (Wet BIG 88, WGBO 7:457)",
        "https://adoc.pub/reikwijdte-medisch-beroepsgeheim-onderschat-ra-heida-1.html",
    ),
    (
        "W21",
        "AP retention: 2 years; longer in conflict; re-integration file; ERD 5 years",
        "https://www.rendement.nl/re-integratie/nieuws/verzuimgegevens-niet-te-lang-bewaren.html",
    ),
    (
        "W22",
        "retention practice: ERD 5, WGA 10, medical 20 years",
        "https://help.verzuimsignaal.nl/wet-en-regelgeving/bewaartermijnen-dossiers",
    ),
    (
        "W23",
        "medical file 20 years",
        "https://www.gjpersoneelsdiensten.nl/faq-arbodienst/bewaartermijnen-klant-en-medewerker",
    ),
    (
        "W24",
        "NVAB guideline July 2019; conflict as dynamic process",
        "https://www.tbv-online.nl/magazine-artikelen/richtlijn-conflicten-in-de-werksituatie/",
    ),
    (
        "W25",
        "NVAB conflict characteristics/types",
        "https://kuijer-arbeidsrechtadvies.nl/de-bedrijfsarts-en-conflicten-in-de-werksituatie/",
    ),
    (
        "W26",
        "conflict diagnosis: type, style, stage",
        "https://www.quintesse-online.nl/tijdschrift/editie/artikel/t/advisering-bij-arbeidsconflicten",
    ),
    (
        "W27",
        "NVAB: BA knows own style, recognises others'; professional standard",
        "https://resultmediation.nl/kennis/nieuwe-richtlijn-conflicten-in-de-werksfeer-nvab/",
    ),
    (
        "W28",
        "Glasl 9 stages / 3 phases; mediation possible up to stage 6",
        "http://antilliaansdagblad.com/nieuws-menu/lezers/5617-escalatieladder",
    ),
    (
        "W29",
        "Glasl phases (rational phase = stages 1–3, win-win)",
        "http://coach.vico-design.nl/conflict.html",
    ),
    (
        "W30",
        "five conflict modes",
        "https://en.wikipedia.org/wiki/Thomas%E2%80%93Kilmann_Conflict_Mode_Instrument",
    ),
    (
        "W31",
        "MfN art. 8: ways of ending; 2017 change",
        "https://mfnregister.nl/login-registermediator/onderhoudseisen/best-practices/best-practice-nr-8-beeindiging-mediation/",
    ),
    (
        "W32",
        "neutral termination; no reasons",
        "https://mfnregister.nl/login-registermediator/onderhoudseisen/best-practices/best-practice-nr-6-neutraal-beeindigen/",
    ),
    (
        "W33",
        "MfN art. 7 confidentiality incl. documents and the agreement",
        "https://mfnregister.nl/vertrouwelijkheid-mediationdossier/",
    ),
    (
        "W34",
        "essentialia: confidentiality and voluntariness",
        "https://mfnregister.nl/signalering-praktijk-model-mediationovereenkomst-mfn-registermediator/",
    ),
    (
        "W35",
        "evidence agreement; mediator not a witness (Hof Amsterdam 2020)",
        "https://alettarenken.nl/blogs/de-mediator-en-vertrouwelijkheid",
    ),
    (
        "W36",
        "advisers sign confidentiality; independently available info",
        "http://losmediation.nl/vertrouwelijkheid.html",
    ),
    (
        "W37",
        "MfN mediators must have a written agreement before starting; contents",
        "https://www.al-lex.nl/2018/09/03/mfn-mediationovereenkomst/",
    ),
    (
        "W38",
        "neutral final message readable by referrer",
        "https://www.mediatorsvereniging.nl/nieuws-detail/2022/01/17/Be%C3%ABindiging-mediation-zonder-overeenstemming-tussen-partijen",
    ),
    ("W39", "art. 7:900 BW", "https://www.letselschade.nl/nieuws/vaststellingsovereenkomst-inhoudelijk"),
    (
        "W40",
        "VSO formless; result of mediation",
        "https://www.legalance.nl/artikelen-en-blog/contractenrecht/de-vaststellingsovereenkomst/",
    ),
    (
        "W41",
        "art. 7:670b BW: written, 14/21 days, 6 months, exceptions",
        "http://www.herziening-ontslagrecht.nl/ontslagrecht/beeindiging-met-wederzijds-goedvinden.php",
    ),
    (
        "W42",
        "UWV: 2/3 weeks; required contents",
        "https://www.uwv.nl/particulieren/ontslag/ik-word-ontslagen/detail/ontslag-met-wederzijds-goedvinden-of-instemming/ontslag-met-wederzijds-goedvinden/beeindigingsovereenkomst",
    ),
    (
        "W43",
        "start of term (Leiden 2016)",
        "https://www.advocatenkantoorboja.nl/wanneer-gaat-de-bedenktermijn-van-artikel-7670b-bw-lopen/",
    ),
    ("W44", "≥ 50 workers; 7 days; 3 months; adviser in confidence", "https://trustool.nl/klokkenluiders/"),
    (
        "W45",
        "Wet bescherming klokkenluiders in force 18-02-2023",
        "https://wetten.overheid.nl/BWBR0037852/2023-02-18",
    ),
    (
        "W46",
        "misstand requires public interest",
        "http://www.gelderlander.nl/binnenland/huis-voor-klokkenluiders-populair~ada2f98a/",
    ),
    (
        "W47",
        "Arbowet 3(2) PSA; Arbobesluit 2.15",
        "https://werkenincontractcatering.nl/arbocatalogus/wat-zegt-de-arbowet/",
    ),
    (
        "W48",
        "PSA factors incl. discrimination",
        "https://www.vcanieuws.nl/vcapraktijk/vraag-en-antwoord/als-de-rie-het-begrip-psychosociale-arbeidsbelasting-psa-voorkomt-wat",
    ),
    (
        "W49",
        "annual report contents and categories",
        "https://trustlr.nl/vertrouwenspersoon/jaarverslag-vertrouwenspersoon/",
    ),
    (
        "W50",
        "VP not legally mandatory; anonymous registration; annual reporting",
        "https://meeuwsen.cc/vertrouwenspersoon/",
    ),
    (
        "W51",
        "LVV: annual report to management; unsolicited advice",
        "https://www.zeelandnet.nl/nieuws/hooguit-helft-van-de-bedrijven-heeft-een-vertrouwenspersoon",
    ),
    (
        "W52",
        "no legal privilege; conditions to breach",
        "https://striktvertrouwelijk.com/informatie/omgaan-met-vertrouwelijkheid-voor-vertrouwenspersonen/",
    ),
    (
        "W53",
        "LVV protocol (ALV 23-05-2016)",
        "https://bureauvanesrbb.nl/protocol-doorbreken-geheimhoudingvertrouwelijkheid-vp",
    ),
    (
        "W54",
        "VP dossier storage and destruction",
        "https://www.schoolenveiligheid.nl/po-vo/kennisbank/klachten-registratie-en-privacy/",
    ),
    (
        "W55",
        "LVV code on dossiers; AVG access case",
        "https://www.merlijngroep.nl/actueel/de-vertrouwenspersoon-en-vertrouwelijkheid-een-drieluik-deel-3/",
    ),
    (
        "W56",
        "VP tasks incl. referral to BA/mediator; registration",
        "https://rkwjuridischadvies.nl/vertrouwenspersoon/ongewenst-gedrag/",
    ),
    ("W57", "open spreekuur without employer permission", "https://arbovita.nl/nieuws/open-spreekuur/"),
    (
        "W58",
        "second opinion; complaint procedure",
        "https://www.arboportaal.nl/onderwerpen/second-opinion/vraag-en-antwoord/wat-als-ik-niet-tevreden-ben-over-het-advies-van-de-bedrijfsarts",
    ),
    (
        "W59",
        "time-out = interventieperiode; exception; ≤ 2 weeks; paid leave needing employer consent",
        "https://www.andersopgelost.nl/veel-gestelde-vragen/19-richtlijn-bedrijfsarts-bij-arbeidsconflict",
    ),
    (
        "W60",
        "2022 Werkwijzer: stay active, max 1 (2) weeks, doing nothing no option; ~100,000 sick reports",
        "https://adxpert.nl/kennisbank/wat-te-doen-bij-een-arbeidsconflict-en-een-ziekmelding-/",
    ),
    (
        "W61",
        "joint NVAB–STECR statement 2015; hoor en wederhoor",
        "https://nvab-online.nl/actueel/nieuws/gezamenlijke-verklaring-nvab-en-stecr",
    ),
    (
        "W62",
        "NVAB 2015 rejection of STECR v6",
        "https://nvab-online.nl/actueel/nieuws/standpunt-nvab-bestuur-over-stecr-werkwijzer-arbeidsconflicten",
    ),
    (
        "W63",
        "situational incapacity (HR 27-06-2008)",
        "https://www.gca.nl/een-werknemer-die-zich-bij-een-dreigend-conflict-ziek-meldt-wat-nu/",
    ),
    (
        "W64",
        "NVAB guideline = professional standard; STECR not NVAB-authorised",
        "https://www.vanhallarbeidsrecht.nl/nieuws-item/conflicten-op-het-werk-fmjwy",
    ),
    (
        "W65",
        "wage suspension/stop as last resort (art. 7:629)",
        "https://www.personeelsnet.nl/bericht/loon-stopzetten-als-werknemer-niet-meewerkt-aan-re-integratie",
    ),
    (
        "W66",
        "70 % wage (art. 7:629)",
        "https://bd-advocaten.nl/insights/ziek-is-ziek-de-loonaanspraak-tijdens-de-eerste-twee-ziektejaren-bij-gedeeltelijke-werkhervatting/",
    ),
    (
        "W67",
        "mediation info used only if jointly agreed",
        "https://www.uwv.nl/particulieren/overige-onderwerpen/mediation/detail/mediation-werkt-niet",
    ),
    (
        "W68",
        "disciplinary case: non-neutral ending after one-sided info",
        "https://www.mfn-tuchtrechtupdates.nl/commentaar/212320",
    ),
    (
        "W69",
        'unsupported "mediation within 6 weeks" claim',
        "https://geschiktmediation.nl/blog/mediation-bij-rentegratie/",
    ),
    (
        "W70",
        "taakdelegatie framework; employer agrees adjustments based on BA advice",
        "https://www.triageexpert.nl/post/taakdelegatie-door-de-bedrijfsarts-bij-verzuimbegeleiding-en-re-integratie-deel-1",
    ),
    (
        "W71",
        "EJE contents (look back / look forward)",
        "https://energieherstel.nl/2023/04/25/eerste-jaarsevaluatie/",
    ),
    (
        "W72",
        "EJE week 46–52; spoor 2 orientation",
        "https://verzuimnavigatorinretail.acceptatie.indicia.nl/stappenplan-ik-heb-een-zieke-medewerker-wat-nu/eerstejaars-evaluatie",
    ),
    (
        "W73",
        "Arbobesluit 2017: second opinion & complaint procedure",
        "https://zoek.officielebekendmakingen.nl/stb-2017-255.html",
    ),
    ("W74", "three-variant model; IP 1 (2) weeks", "https://www.dearbeidsmediators.nl/stecr-richtlijn/"),
    (
        "W75",
        "notification within a week; BA judgement at 6 weeks",
        "https://praktijkgidsarbeidsrecht.nl/publicaties/praktijkgids-arbeidsrecht/37277",
    ),
    ("W76", "definition first sick day", "https://www.heikenshumancapital.nl/eerste-ziektedag/"),
    (
        "W77",
        "Glasl stage names",
        "https://www.sueddeutsche.de/wissen/skala-der-eskalation-die-neun-stufen-eines-konflikts-1.631888",
    ),
    (
        "W78",
        "no PvA while no capacity; employer keeps re-integration file",
        "https://www.wijzerwerkengezondheid.nl/re-integratie/plan-van-aanpak/",
    ),
    (
        "W79",
        "BA may deviate from guidelines with reasons",
        "https://nvab-online.nl/werknemer-faq-bedrijfsarts-bedrijfsartsbezoek-nvab-richtlijn",
    ),
    (
        "W80",
        "AP 2016 beleidsregels; a bare sick report is health data",
        "https://kvdl.nl/nieuws/autoriteit-persoonsgegevens-publiceert-beleidsregels-zieke-werknemer/",
    ),
    (
        "W81",
        "P&O not suitable for such reports (LVV chair)",
        "https://www.ad.nl/ad-werkt/bedrijven-stellen-vaker-vertrouwens-persoon-aan-na-metoo~a2555143/",
    ),
    (
        "W82",
        "VP records: explicit consent as AVG basis",
        "https://www.complianceinsightsacademy.nl/nl/nieuws/avg-en-het-vertrouwenswerk-zo-richt-je-je-dossiervoering-veilig-in",
    ),
    ("W83", "external VP lowers threshold; PSA duty", "https://www.vp-innovare.nl/werkgever"),
    (
        "W84",
        "practice: employer drafts VSO in exit mediation, employee has it checked",
        "https://resolute-mediation.nl/author/resolute/",
    ),
    (
        "W85",
        "70,000–100,000 conflict-related sick reports per year",
        "https://ak-advocaten.eu/mediation-de-stecr-richtlijn-bij-arbeidsconflicten/",
    ),
    (
        "W86",
        "contradictory write-up of the Leiden bedenktermijn case",
        "https://www.aantjeszevenberg.nl/blog/2016/08/31/bedenktermijn/",
    ),
    (
        "W87",
        "42e-weeksmelding also to private WIA/WGA-ERD insurers; fine up to €455",
        "https://www.vanbredanl.com/a-511/langdurig-zieke-werknemer-vergeet-de-42e-weeksmelding-niet",
    ),
    (
        "W88",
        "2018 overview listing 15 years for the medical treatment file",
        "https://vandijkadvocaten.nl/blog/algemene-verordening-gegevensbescherminggeneral-data-protection-regulation-bewaartermijnen-deel-6-mr-ynke-m-m-ooykaas/",
    ),
)
