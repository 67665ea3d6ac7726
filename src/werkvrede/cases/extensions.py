"""How other contexts plug into a case without the cases app importing them.

- `register_facts(name, provider)`: a provider turns a case into a fragment of the guideline's
  situation (e.g. `{"sick_report": {...}}`); `case_situation_data` merges them.
- `register_section(...)`: a tab on the case page (Tijdlijn · Ziekmelding · Interventies …),
  shown only to people for whom its policy action is allowed on the case.

Contexts register in their AppConfig.ready().
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.functional import Promise

from werkvrede.cases.models import Case
from werkvrede.core.actor import Actor

FactProvider = Callable[[Case], dict[str, Any]]

_FACTS: dict[str, FactProvider] = {}


def register_facts(name: str, provider: FactProvider) -> None:
    if name in _FACTS:
        raise ValueError(f"fact provider {name!r} registered twice")
    _FACTS[name] = provider


def fact_providers() -> dict[str, FactProvider]:
    return dict(_FACTS)


_CONFLICT_FACTS: dict[str, FactProvider] = {}


def register_conflict_facts(name: str, provider: FactProvider) -> None:
    """A provider adding keys to the situation's `conflict` (e.g. `{"attempts": [...]}` from the
    recorded interventions, I-1 and I-2); `case_situation_data` merges them into the conflict facts."""
    if name in _CONFLICT_FACTS:
        raise ValueError(f"conflict fact provider {name!r} registered twice")
    _CONFLICT_FACTS[name] = provider


def conflict_fact_providers() -> dict[str, FactProvider]:
    return dict(_CONFLICT_FACTS)


@dataclass(frozen=True)
class CaseSection:
    key: str
    label: str | Promise
    url_name: str  # takes `case_id`
    action: str  # policy action checked with the CaseAccess
    order: int = 100


_SECTIONS: dict[str, CaseSection] = {}


def register_section(section: CaseSection) -> None:
    if section.key in _SECTIONS:
        raise ValueError(f"case section {section.key!r} registered twice")
    _SECTIONS[section.key] = section


def case_sections() -> list[CaseSection]:
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))


@dataclass(frozen=True)
class TimelineKind:
    label: str | Promise
    # Who may learn that this happened: even "a sick report was recorded" is health data for the other
    # party (D02, docs/rules.md), so each kind names the policy action a viewer needs, checked with the
    # CaseAccess.
    action: str


_TIMELINE_KINDS: dict[str, TimelineKind] = {}


def register_timeline_kind(kind: str, label: str | Promise, *, action: str = "cases.case.view") -> None:
    """How an event kind reads on the timeline (`label` may use %(name)s) and who may see it."""
    if kind in _TIMELINE_KINDS:
        raise ValueError(f"timeline kind {kind!r} registered twice")
    _TIMELINE_KINDS[kind] = TimelineKind(label=label, action=action)


def timeline_kind(kind: str) -> TimelineKind | None:
    """The registered kind, or None — and an unregistered kind is shown to nobody."""
    return _TIMELINE_KINDS.get(kind)


# Things that happen in one context and end something in another: a sick report ends a running
# interventieperiode and conflict leave. The contexts are siblings and may not import
# each other, so the one that records the sick report announces it here.
SickReportListener = Callable[..., object]
_SICK_REPORT_LISTENERS: list[SickReportListener] = []


def register_sick_report_listener(listener: SickReportListener) -> None:
    """`listener(*, actor, case_id: int, sick_reported_on: date)` is called inside the recording
    transaction; `actor` is who recorded the sick report (what it ends is recorded as theirs)."""
    _SICK_REPORT_LISTENERS.append(listener)


def announce_sick_report(*, actor: Actor, case_id: int, sick_reported_on: Any) -> None:
    for listener in _SICK_REPORT_LISTENERS:
        listener(actor=actor, case_id=case_id, sick_reported_on=sick_reported_on)


@dataclass
class DueOutcome:
    """What one timed job did: how many objects moved per step, and which stayed with the codes why."""

    moved: dict[str, int] = field(default_factory=dict)
    # (what, object id, codes): a guideline check held a timed step; the object stays as it is.
    held: list[tuple[str, int, tuple[str, ...]]] = field(default_factory=list)

    def count(self, what: str) -> None:
        self.moved[what] = self.moved.get(what, 0) + 1

    def merge(self, other: DueOutcome) -> None:
        for what, n in other.moved.items():
            self.moved[what] = self.moved.get(what, 0) + n
        self.held.extend(other.held)


# A timed job moves every object of its context whose date has passed (`run_due_transitions`).
DueJob = Callable[..., DueOutcome]  # (*, today: date, dry_run: bool) -> DueOutcome

_DUE_JOBS: dict[str, tuple[int, DueJob]] = {}


def register_due_job(name: str, job: DueJob, *, order: int = 100) -> None:
    """Register a context's timed transitions; jobs run by `order` (deadlines last, after the moves)."""
    if name in _DUE_JOBS:
        raise ValueError(f"due job {name!r} registered twice")
    _DUE_JOBS[name] = (order, job)


def due_jobs() -> list[tuple[str, DueJob]]:
    return [(name, job) for name, (_order, job) in sorted(_DUE_JOBS.items(), key=lambda i: (i[1][0], i[0]))]


@dataclass(frozen=True)
class TrackerStep:
    text: str | Promise
    code: str
    due: date | None = None


@dataclass(frozen=True)
class TrackerLine:
    """One sub-process on the case tracker (SM-2…SM-5) in words: where it stands, what that means."""

    title: str | Promise
    state: str | Promise
    code: str  # the state machine, shown as a badge
    meaning: tuple[str | Promise, ...] = ()
    finished: bool = False
    # For the person concerned: their own steps explained, each with its deadline code (T-xx).
    steps: tuple[TrackerStep, ...] = ()


TrackerProvider = Callable[[Case, Actor], list[TrackerLine]]


@dataclass(frozen=True)
class _Tracker:
    provider: TrackerProvider
    action: str  # policy action checked with the CaseAccess: who may know the sub-process exists


_TRACKERS: dict[str, _Tracker] = {}


def register_tracker(name: str, provider: TrackerProvider, *, action: str) -> None:
    """A sub-process shown on the case tracker, only to people for whom `action` is allowed."""
    if name in _TRACKERS:
        raise ValueError(f"tracker {name!r} registered twice")
    _TRACKERS[name] = _Tracker(provider=provider, action=action)


def trackers() -> dict[str, _Tracker]:
    return dict(_TRACKERS)
