"""The case tracker in words: done / now / next along SM-1 (docs/rules.md), plus the sub-processes
(SM-2…SM-5) the viewer may know about. Each sub-process is contributed by its own context
(`extensions.register_tracker`) and shown only when the policy allows its action on the case.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkvrede.cases.extensions import TrackerLine, trackers
from werkvrede.cases.models import CaseState
from werkvrede.cases.policies import CaseAccess
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed

# SKIPPED: a stage a process ended before reaching (a mediation a party left before the sessions).
DONE, NOW, NEXT, SKIPPED = "done", "now", "next", "skipped"


@dataclass(frozen=True)
class Step:
    title: str | Promise
    status: str  # done / now / next / skipped
    meaning: str | Promise
    state: str | Promise = ""  # the exact SM-1 state in words, on the current step


@dataclass(frozen=True)
class Tracker:
    steps: tuple[Step, ...]
    lines: tuple[TrackerLine, ...]

    @property
    def explained_codes(self) -> frozenset[str]:
        """Deadline codes (T-xx) the tracker explains to this viewer as their own steps."""
        return frozenset(step.code for line in self.lines for step in line.steps)


# SM-1 grouped into the stages a person recognises; each stage lists its SM-1 states.
_STAGES: tuple[tuple[str | Promise, tuple[str, ...], str | Promise], ...] = (
    (
        _("Signaal"),
        (CaseState.SIGNALLED,),
        _("Iemand heeft het conflict gemeld. HR neemt het signaal in behandeling."),
    ),
    (
        _("Intake"),
        (CaseState.INTAKE,),
        _("HR bespreekt met de partijen wat er speelt en welke hulp past."),
    ),
    (
        _("Gesprek"),
        (CaseState.OWN_CONVERSATION, CaseState.FACILITATED_CONVERSATION),
        _("De partijen praten met elkaar, zelf of met een derde die het gesprek begeleidt."),
    ),
    (
        _("Mediation"),
        (CaseState.MEDIATION,),
        _(
            "Een onafhankelijke mediator helpt de partijen zelf tot afspraken te komen. "
            "Meedoen is vrijwillig."
        ),
    ),
    (
        _("Afronding"),
        (
            CaseState.RESOLVED_CONTINUED,
            CaseState.RESOLVED_EXIT,
            CaseState.LEGAL_ROUTE,
            CaseState.CLOSED_UNRESOLVED,
            CaseState.CLOSED,
        ),
        _("De zaak wordt afgesloten: met een oplossing, via een juridische route of zonder oplossing."),
    ),
)


def tracker_for(actor: Actor, access: CaseAccess) -> Tracker:
    """Where the case stands for this viewer; sub-processes only when their action is allowed."""
    case = access.case
    current = next((i for i, (_t, states, _m) in enumerate(_STAGES) if case.state in states), 0)
    closed = case.state == CaseState.CLOSED
    steps = tuple(
        Step(
            title=title,
            status=DONE if i < current or closed else NOW if i == current else NEXT,
            meaning=meaning,
            state=case.get_state_display() if i == current else "",
        )
        for i, (title, _states, meaning) in enumerate(_STAGES)
    )
    lines: list[TrackerLine] = []
    for tracker in trackers().values():
        if allowed(actor, tracker.action, access):
            lines += tracker.provider(case, actor)
    return Tracker(steps=steps, lines=tuple(lines))
