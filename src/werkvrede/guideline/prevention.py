# ruff: noqa: E501
"""The prevention scan: the risk factors for workplace conflicts (PF-x), the statements of the
anonymous team pulse (PS-x) with their 5-point scale, the advice per factor, and the pure scoring,
suppression and comparison of pulse results. Rendered into docs/rules.md; docs/prevention.md
explains how the application uses it.

The factors follow the Werkwijzer's literature summary (source key S3): personal factors,
task and organisation factors, the physical environment, and the factors that lower the risk.
A score is a risk score from 1 (low) to 5 (high): a statement whose agreement means protection
(`protective=True`) is reversed (6 - answer) before it counts.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum


class FactorGroup(Enum):
    PERSONAL = "personal"
    TASK_ORGANISATION = "task/organisation"
    PHYSICAL = "physical environment"
    PROTECTIVE = "protective"


@dataclass(frozen=True, slots=True)
class RiskFactor:
    code: str
    group: FactorGroup
    name_nl: str
    name_en: str
    source: str  # what the source names, in its own words (translated)
    advice_nl: str
    advice_en: str


@dataclass(frozen=True, slots=True)
class PulseStatement:
    code: str
    factor: str
    text_nl: str
    text_en: str
    protective: bool  # agreeing lowers the risk: the answer is reversed


SCALE_MIN = 1
SCALE_MAX = 5
SCALE: tuple[tuple[int, str, str], ...] = (
    (1, "Helemaal oneens", "Strongly disagree"),
    (2, "Oneens", "Disagree"),
    (3, "Neutraal", "Neutral"),
    (4, "Eens", "Agree"),
    (5, "Helemaal eens", "Strongly agree"),
)
# A factor whose mean risk score reaches this is "high" and gets its advice.
HIGH_RISK = 3.5

FACTORS: tuple[RiskFactor, ...] = (
    RiskFactor(
        "PF-1",
        FactorGroup.PERSONAL,
        "Communicatie en conflicthantering",
        "Communication and handling conflict",
        "communication style of those involved; conflict-handling style (an effective style lowers the risk)",
        "Maak bespreken van meningsverschillen gewoon: spreek af hoe het team onenigheid op tijd aankaart, en bied een training in gesprekstechniek of conflicthantering aan.",
        "Make discussing disagreement normal: agree how the team raises disagreement early, and offer training in conversation skills or conflict handling.",
    ),
    RiskFactor(
        "PF-2",
        FactorGroup.PERSONAL,
        "Professioneel gedrag",
        "Professional behaviour",
        "unprofessional behaviour",
        "Leg samen vast welk gedrag het team van elkaar verwacht, spreek ongewenst gedrag direct aan en wijs op de vertrouwenspersoon.",
        "Agree together which behaviour the team expects of each other, address undesirable behaviour at once and point to the vertrouwenspersoon.",
    ),
    RiskFactor(
        "PF-3",
        FactorGroup.PERSONAL,
        "Passend werk",
        "Fit between person and work",
        "a mismatch between personality and work (environment)",
        "Bespreek in de gesprekscyclus of het werk past bij wat mensen kunnen en willen, en kijk naar taakverschuiving, scholing of ander werk.",
        "Discuss in the regular reviews whether the work fits what people can and want to do, and consider shifting tasks, training or other work.",
    ),
    RiskFactor(
        "PF-4",
        FactorGroup.TASK_ORGANISATION,
        "Rolduidelijkheid",
        "Role clarity",
        "unclear roles and task responsibilities; complex work; differences in vision, training or experience",
        "Maak rollen en verantwoordelijkheden expliciet: wie beslist, wie doet wat, wie is aanspreekpunt. Leg het vast en loop het met het team door.",
        "Make roles and responsibilities explicit: who decides, who does what, who is the point of contact. Write it down and go through it with the team.",
    ),
    RiskFactor(
        "PF-5",
        FactorGroup.TASK_ORGANISATION,
        "Werkdruk en middelen",
        "Workload and resources",
        "high workload; insufficient resources (time, staff, money); a disturbed balance of work and private life; a bigger team",
        "Breng de werkdruk in kaart met het team, stel prioriteiten, zorg voor voldoende tijd en mensen en let op de balans tussen werk en privé.",
        "Map the workload with the team, set priorities, provide enough time and people and watch the balance between work and private life.",
    ),
    RiskFactor(
        "PF-6",
        FactorGroup.TASK_ORGANISATION,
        "Zekerheid en roosters",
        "Security and schedules",
        "changing shifts; too few career opportunities; job insecurity",
        "Wees open over wat er verandert en wat dat voor mensen betekent, maak roosters voorspelbaar en bespreek loopbaanmogelijkheden.",
        "Be open about what changes and what it means for people, make schedules predictable and discuss career opportunities.",
    ),
    RiskFactor(
        "PF-7",
        FactorGroup.TASK_ORGANISATION,
        "Verhoudingen en sfeer",
        "Relations and morale",
        "clashing interests; generational differences; cultural differences; poor morale in the department",
        "Maak tijd voor teamoverleg over samenwerking en belangen, erken verschillen, en overweeg een teamsessie onder begeleiding of preventieve mediation (I-8).",
        "Make time in team meetings for cooperation and interests, acknowledge differences, and consider a facilitated team session or preventive mediation (I-8).",
    ),
    RiskFactor(
        "PF-8",
        FactorGroup.TASK_ORGANISATION,
        "Informatie en overleg",
        "Information and consultation",
        "communication in the work",
        "Spreek vaste momenten en kanalen af voor werkoverleg en informatie, en check of iedereen krijgt wat nodig is.",
        "Agree fixed moments and channels for work meetings and information, and check that everyone gets what they need.",
    ),
    RiskFactor(
        "PF-9",
        FactorGroup.PHYSICAL,
        "Fysieke werkomgeving",
        "Physical work environment",
        "unbearable temperatures; poor air quality; high noise; flex and combination offices (working and meeting in one room)",
        "Laat temperatuur, luchtkwaliteit en geluid meten (bijvoorbeeld in de RI&E), en zorg voor ruimtes om geconcentreerd te werken en rustig te overleggen.",
        "Have temperature, air quality and noise measured (for instance in the risk assessment), and provide rooms for focused work and quiet consultation.",
    ),
    RiskFactor(
        "PF-10",
        FactorGroup.PROTECTIVE,
        "Werktevredenheid",
        "Job satisfaction",
        "job satisfaction lowers the risk",
        "Vraag door wat mensen in hun werk missen en wat hen energie geeft, en maak daar afspraken over in het team.",
        "Ask what people miss in their work and what gives them energy, and make agreements about it in the team.",
    ),
)

STATEMENTS: tuple[PulseStatement, ...] = (
    PulseStatement(
        "PS-1",
        "PF-1",
        "In ons team bespreken we meningsverschillen openlijk en op tijd.",
        "In our team we discuss disagreements openly and in good time.",
        True,
    ),
    PulseStatement(
        "PS-2",
        "PF-1",
        "Als er spanning is, wordt die in ons team eerder vermeden dan besproken.",
        "When there is tension, our team avoids it rather than talks about it.",
        False,
    ),
    PulseStatement(
        "PS-3",
        "PF-2",
        "Collega's gaan respectvol en professioneel met elkaar om.",
        "Colleagues treat each other with respect and professionally.",
        True,
    ),
    PulseStatement(
        "PS-4",
        "PF-3",
        "Mijn werk past bij wat ik kan en wie ik ben.",
        "My work fits what I can do and who I am.",
        True,
    ),
    PulseStatement(
        "PS-5",
        "PF-4",
        "Ik weet precies wat er in mijn werk van mij verwacht wordt.",
        "I know exactly what is expected of me in my work.",
        True,
    ),
    PulseStatement(
        "PS-6",
        "PF-4",
        "Het is vaak onduidelijk wie in ons team waarvoor verantwoordelijk is.",
        "It is often unclear who in our team is responsible for what.",
        False,
    ),
    PulseStatement(
        "PS-7",
        "PF-5",
        "Ik heb te veel werk om het in de beschikbare tijd goed te doen.",
        "I have too much work to do it well in the time available.",
        False,
    ),
    PulseStatement(
        "PS-8",
        "PF-5",
        "Ik heb de middelen (tijd, mensen, materiaal) die ik voor mijn werk nodig heb.",
        "I have the resources (time, people, materials) I need for my work.",
        True,
    ),
    PulseStatement(
        "PS-9",
        "PF-6",
        "Ik maak me zorgen over de zekerheid van mijn baan of over mijn rooster.",
        "I worry about the security of my job or about my schedule.",
        False,
    ),
    PulseStatement(
        "PS-10",
        "PF-7",
        "In ons team botsen belangen of opvattingen regelmatig.",
        "In our team, interests or views clash regularly.",
        False,
    ),
    PulseStatement(
        "PS-11",
        "PF-7",
        "De sfeer en het onderlinge vertrouwen in ons team zijn goed.",
        "The atmosphere and mutual trust in our team are good.",
        True,
    ),
    PulseStatement(
        "PS-12",
        "PF-8",
        "Ik krijg op tijd de informatie die ik voor mijn werk nodig heb.",
        "I get the information I need for my work in good time.",
        True,
    ),
    PulseStatement(
        "PS-13",
        "PF-9",
        "Temperatuur, lucht of geluid op mijn werkplek hinderen mij regelmatig.",
        "Temperature, air or noise at my workplace regularly bother me.",
        False,
    ),
    PulseStatement(
        "PS-14",
        "PF-9",
        "Ik kan op mijn werkplek geconcentreerd werken en rustig overleggen.",
        "At my workplace I can work with focus and consult quietly.",
        True,
    ),
    PulseStatement("PS-15", "PF-10", "Ik ben tevreden met mijn werk.", "I am satisfied with my work.", True),
)

# What the source names but the pulse does not ask, and why (docs/prevention.md).
NOT_ASKED: tuple[tuple[str, str], ...] = (
    (
        "an anxious or avoidant attachment style",
        "a trait of a person, not of the team's work; asking it would be a psychological test, not a prevention scan",
    ),
    (
        "more education, a higher age, a higher income, a managerial position",
        "facts about a person that would make answers in a small team identifiable; the pulse asks no personal data",
    ),
    (
        "large open-plan offices compared with a room of one's own (a lower risk)",
        "asked through PS-14 (quiet consultation and focus) rather than the kind of office",
    ),
)

FACTOR_CODES: tuple[str, ...] = tuple(f.code for f in FACTORS)
STATEMENT_CODES: tuple[str, ...] = tuple(s.code for s in STATEMENTS)
_FACTOR_BY_CODE = {f.code: f for f in FACTORS}
_STATEMENT_BY_CODE = {s.code: s for s in STATEMENTS}


def factor(code: str) -> RiskFactor:
    return _FACTOR_BY_CODE[code]


def statements_of(factor_code: str) -> tuple[PulseStatement, ...]:
    return tuple(s for s in STATEMENTS if s.factor == factor_code)


class InvalidAnswers(ValueError):  # noqa: N818 - the answers are invalid, as InvalidSituation
    """A set of answers that is not one answer on the scale for every statement."""


def validate_answers(answers: Mapping[str, int]) -> dict[str, int]:
    """One answer (1-5) per statement, nothing else; the answers in statement order."""
    if set(answers) != set(STATEMENT_CODES):
        raise InvalidAnswers("answer every statement, and nothing else")
    out: dict[str, int] = {}
    for code in STATEMENT_CODES:
        value = answers[code]
        if isinstance(value, bool) or not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
            raise InvalidAnswers(f"{code}: an answer from {SCALE_MIN} to {SCALE_MAX}")
        out[code] = value
    return out


def risk_of(statement: PulseStatement, answer: int) -> int:
    """The answer as a risk score: reversed for a statement whose agreement protects."""
    return SCALE_MAX + SCALE_MIN - answer if statement.protective else answer


# --- Results -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FactorResult:
    factor: str
    respondents: int | None  # None when suppressed: the small number is not shown
    score: float | None  # mean risk score 1-5, one decimal; None when suppressed
    suppressed: bool

    @property
    def high(self) -> bool:
        return self.score is not None and self.score >= HIGH_RISK


@dataclass(frozen=True, slots=True)
class PulseResult:
    respondents: int | None  # None when 0 < n < min_cell
    suppressed: bool
    factors: tuple[FactorResult, ...]

    def of(self, factor_code: str) -> FactorResult:
        return next(f for f in self.factors if f.factor == factor_code)

    @property
    def high(self) -> tuple[FactorResult, ...]:
        """The high-scoring factors, highest first: the ones that get their advice."""
        return tuple(sorted((f for f in self.factors if f.high), key=lambda f: (-(f.score or 0), f.factor)))


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def score(responses: Iterable[Mapping[str, int]], min_cell: int) -> PulseResult:
    """The results of one pulse per factor, shown only where at least `min_cell` people answered it.

    A person's factor score is the mean of their risk scores on the factor's statements; the factor's
    score is the mean over the people who answered it. Below `min_cell` (but not 0) neither the count
    nor the score is shown, as in the VP's annual report (R-105); 0 answers is shown as 0.
    """
    if min_cell < 1:
        raise ValueError("min_cell is at least 1")
    rows = list(responses)
    results = []
    for f in FACTORS:
        own = statements_of(f.code)
        per_person = [
            _mean([risk_of(s, r[s.code]) for s in own if s.code in r])
            for r in rows
            if any(s.code in r for s in own)
        ]
        n = len(per_person)
        if 0 < n < min_cell:
            results.append(FactorResult(f.code, None, None, True))
        else:
            results.append(FactorResult(f.code, n, round(_mean(per_person), 1) if n else None, False))
    total = len(rows)
    small = 0 < total < min_cell
    return PulseResult(None if small else total, small, tuple(results))


@dataclass(frozen=True, slots=True)
class FactorChange:
    factor: str
    before: float | None
    now: float | None
    change: float | None  # now - before, only when both are shown

    @property
    def comparable(self) -> bool:
        return self.change is not None


def compare(previous: PulseResult, current: PulseResult) -> tuple[FactorChange, ...]:
    """The change per factor against the previous pulse of the team: only where both results pass
    `min_cell` (a suppressed side shows nothing, so no difference can reveal a small number)."""
    out = []
    for code in FACTOR_CODES:
        before, now = previous.of(code), current.of(code)
        both = before.score is not None and now.score is not None
        out.append(
            FactorChange(
                code,
                before.score if both else None,
                now.score if both else None,
                round((now.score or 0) - (before.score or 0), 1) if both else None,
            )
        )
    return tuple(out)
