"""Evaluation context shared by the rule modules: facts, derived values and the collectors."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from werkvrede.guideline.calendar import Aggregation, WorkCalendar, aggregate
from werkvrede.guideline.catalogue import CATALOGUE, LATE, LATE_MESSAGE, LATE_SEVERITY
from werkvrede.guideline.model import (
    Deadline,
    DeadlineStatus,
    Finding,
    Message,
    OverrideMode,
    Role,
    Severity,
    SickReport,
    Situation,
    Tenant,
    Variant,
    VerdictValue,
)
from werkvrede.guideline.value_words import DATA_CATEGORY_NAMES, LIST_PLACEHOLDERS, in_words


def derive_variant(sr: SickReport | None) -> Variant | None:
    """R-014: AO∧conflict→B; AO∧¬conflict→A; ¬AO∧conflict→C; ¬AO∧¬conflict→NONE.

    ``None`` while step 2 (verdict) or step 3 (conflict finding) is missing.
    """
    if sr is None or sr.verdict is None or sr.conflict_finding is None:
        return None
    ao = sr.verdict.value is VerdictValue.AO
    conflict = sr.conflict_finding.conflict
    if ao:
        return Variant.B if conflict else Variant.A
    return Variant.C if conflict else Variant.NONE


class _Lang(dict[str, object]):
    """Format mapping that picks the language of Message values and leaves unknown keys visible."""

    def __init__(self, details: dict[str, object], lang: str) -> None:
        super().__init__(details)
        self.lang = lang

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"

    def __getitem__(self, key: str) -> object:
        value = super().__getitem__(key)
        if isinstance(value, Message):
            return value.nl if self.lang == "nl" else value.en
        if isinstance(value, date):
            return long_date(value, self.lang)
        if isinstance(value, str) and key in LIST_PLACEHOLDERS:
            # Listed values read as words, data categories as name with code (value_words).
            return in_words(value, self.lang, DATA_CATEGORY_NAMES)
        return value


_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}  # fmt: skip


def long_date(day: date, lang: str) -> str:
    """A date as people read it in a message: "15 januari 2026" / "15 January 2026"."""
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


@dataclass(slots=True)
class Context:
    s: Situation
    today: date
    tenant: Tenant
    cal: WorkCalendar
    variant: Variant | None
    agg: Aggregation | None
    findings: list[Finding] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    routes: set[str] = field(default_factory=set)
    indications: set[str] = field(default_factory=set)
    hold_active: bool = False

    @classmethod
    def build(cls, s: Situation, today: date) -> "Context":
        sr = s.sick_report
        agg = None
        if sr is not None:
            agg = aggregate(
                sr.first_sick_day,
                ((p.first_sick_day, p.last_sick_day) for p in sr.previous_periods),
                gap_days=s.tenant.aggregation_gap_days,
            )
        return cls(
            s=s,
            today=today,
            tenant=s.tenant,
            cal=WorkCalendar(frozenset(s.non_working_dates)),
            variant=derive_variant(sr),
            agg=agg,
        )

    @property
    def sick_active(self) -> bool:
        """A sick report exists and no recovery date on or before today."""
        sr = self.s.sick_report
        return sr is not None and (sr.recovery_date is None or sr.recovery_date > self.today)

    @property
    def is_ao(self) -> bool:
        sr = self.s.sick_report
        return sr is not None and sr.verdict is not None and sr.verdict.value is VerdictValue.AO

    @property
    def is_not_ao(self) -> bool:
        sr = self.s.sick_report
        return sr is not None and sr.verdict is not None and sr.verdict.value is VerdictValue.NOT_AO

    def add(
        self,
        code: str,
        subject: str | None = None,
        *,
        severity: Severity | None = None,
        actor: Role | None = None,
        justified: bool | None = None,
        matches: tuple[str, ...] = (),
        **details: object,
    ) -> None:
        """Record a finding for ``code``; the catalogue gives default severity, message and source.

        ``matches`` are the words or sentences of the subject's text the finding is about (to mark them)."""
        entry = CATALOGUE[code]
        sev = severity or entry.severity or Severity.INFO
        configured_from = None
        # BLOCK* and Q-3: only the bedrijfsarts role may have BLOCK* turned into WARN+J.
        if (
            sev is Severity.BLOCK_STAR
            and actor is Role.BA
            and self.tenant.ba_override_mode is OverrideMode.WARN_J
        ):
            configured_from, sev = sev, Severity.WARN_J
        msg = entry.message
        if details:
            msg = Message(
                nl=msg.nl.format_map(_Lang(details, "nl")),
                en=msg.en.format_map(_Lang(details, "en")),
            )
        self.findings.append(
            Finding(
                code=code,
                severity=sev,
                message=msg,
                source=entry.source,
                subject=subject,
                configured_from=configured_from,
                justified=justified,
                matches=matches,
            )
        )

    def deadline(
        self,
        code: str,
        owner: tuple[Role, ...],
        *,
        subject: str | None = None,
        due: date | None = None,
        window: tuple[date, date] | None = None,
        done_on: date | None = None,
        basis: str | None = None,
        not_applicable: str | None = None,
        note: str | None = None,
    ) -> None:
        entry = CATALOGUE[code]
        end = window[1] if window else due
        late: int | None = None
        if done_on is not None:
            late = self.working_days_late(end, done_on)
            status = DeadlineStatus.DONE_LATE if late else DeadlineStatus.DONE
            late = late or None
        elif not_applicable is not None:
            status, note = DeadlineStatus.NOT_APPLICABLE, not_applicable
        elif end is None:
            status = DeadlineStatus.PENDING
        elif self.today > end:
            status = DeadlineStatus.OVERDUE
        elif self.cal.add_working_days(self.today, self.tenant.due_soon_working_days) >= end:
            status = DeadlineStatus.DUE_SOON
        else:
            status = DeadlineStatus.PENDING
        self.deadlines.append(
            Deadline(
                code=code,
                owner=owner,
                basis=basis or entry.where or "",
                source=entry.source,
                status=status,
                due=due,
                practical_due=self.cal.practical_due(due) if due is not None else None,
                window_start=window[0] if window else None,
                window_end=window[1] if window else None,
                done_on=done_on,
                subject=subject,
                note=note,
                late_working_days=late,
            )
        )
        if late is not None and code in LATE and end is not None and done_on is not None:
            self._add_late(code, subject, late, end, done_on)

    def working_days_late(self, end: date | None, done_on: date) -> int:
        """Working days ``done_on`` lies after the due date (ADR 0100); 0 when on time.

        A due date on a weekend or holiday may still be met on the next working day (the first
        working day on or after it), so lateness counts from the day after that.
        """
        if end is None:
            return 0
        last_on_time = self.cal.first_working_day_on_or_after(end)
        if done_on <= last_on_time:
            return 0
        return self.cal.working_days_between(last_on_time + timedelta(days=1), done_on)

    def _add_late(self, code: str, subject: str | None, late: int, due: date, done_on: date) -> None:
        """The late-completion finding of a deadline: its rule code, naming the step (ADR 0100)."""
        spec = LATE[code]
        rule = CATALOGUE[spec.rule]
        step = CATALOGUE[code].message
        details = {
            "step": Message(nl=step.nl.rstrip("."), en=step.en.rstrip(".")),
            "deadline": code,
            "late": Message(
                nl=f"{late} werkdag" if late == 1 else f"{late} werkdagen",
                en=f"{late} working day" if late == 1 else f"{late} working days",
            ),
            "done": done_on,
            "due": due,
            "why": spec.why,
        }
        self.findings.append(
            Finding(
                code=spec.rule,
                severity=LATE_SEVERITY,
                message=Message(
                    nl=LATE_MESSAGE.nl.format_map(_Lang(details, "nl")),
                    en=LATE_MESSAGE.en.format_map(_Lang(details, "en")),
                ),
                source=rule.source,
                subject=subject,
            )
        )


def days(n: int) -> timedelta:
    return timedelta(days=n)


def msg(en: str, nl: str) -> Message:
    """A language-specific detail for a message placeholder."""
    return Message(nl=nl, en=en)
