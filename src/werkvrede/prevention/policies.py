"""Who may run the prevention scan (docs/prevention.md, ADR 0089).

HR gives prevention advice and the casemanager advises on applying the Werkwijzer (the actors HR and
CM in docs/rules.md): both start, close and read the pulses of their own organisation. A line
manager does not: a pulse of a small team read by its own manager is too close to its people.
Answering needs no role at all: the public link is the only key (`prevention.public_views`).
"""

from __future__ import annotations

from typing import Any

from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role
from werkvrede.prevention.models import Pulse

RUNNERS = frozenset({Role.HR_ADVISER, Role.CASEMANAGER})


def _runner_here(actor: Actor, organisation_id: int | None) -> bool:
    return (
        organisation_id is not None
        and actor.organisation_id == organisation_id
        and actor.user_id is not None
        and bool(actor.roles & RUNNERS)
    )


@rule("prevention.pulses.open", "The organisation's prevention pulses: its HR and casemanagers (CM).")
def can_open(actor: Actor, obj: Any) -> bool:
    return _runner_here(actor, actor.organisation_id)


@rule("prevention.pulse.start", "Start an anonymous pulse for a team: the organisation's HR and CM.")
def can_start(actor: Actor, obj: Any) -> bool:
    return _runner_here(actor, actor.organisation_id)


@rule(
    "prevention.pulse.results",
    "Read a pulse's link and results per factor (above min_cell only): the organisation's HR and CM.",
)
def can_read_results(actor: Actor, pulse: Any) -> bool:
    return isinstance(pulse, Pulse) and _runner_here(actor, pulse.organisation_id)


@rule("prevention.pulse.close", "Close a pulse that is still open: the organisation's HR and CM.")
def can_close(actor: Actor, pulse: Any) -> bool:
    return can_read_results(actor, pulse) and pulse.closed_on is None
