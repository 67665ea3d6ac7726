"""Reads of the prevention scan. A pulse of another organisation, or one the actor may not run, is
not found (404); results are computed from the answers and only shown above min_cell (R-105)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from werkvrede.core.access import object_from
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, hidden
from werkvrede.guideline import prevention
from werkvrede.guideline.model import Tenant
from werkvrede.prevention.models import Pulse
from werkvrede.protocol.parameters import tenant_parameters
from werkvrede.protocol.selectors import protocol_for

# The VP annual report's smallest cell is the organisation's one threshold for anonymity.
MIN_CELL_KEY = "vp.annual_report.min_cell"
LIST_SIZE = 100


def min_cell_of(organisation_id: int) -> int:
    """The organisation's protocol parameter, else the guideline's default."""
    value = tenant_parameters(protocol_for(organisation_id)).get(MIN_CELL_KEY)
    return int(value) if isinstance(value, int) and value >= 1 else Tenant().vp_min_cell


def team_key(team: str) -> str:
    """The same team however its label is typed ("Team Inkoop", " team  inkoop")."""
    return " ".join(team.split()).casefold()


def pulses_for(actor: Actor) -> list[Pulse]:
    if not allowed(actor, "prevention.pulses.open"):
        return []
    return list(
        Pulse.objects.filter(organisation_id=actor.organisation_id or 0).order_by("-started_on", "-pk")[
            :LIST_SIZE
        ]
    )


def pulse_get_for(actor: Actor, pulse_id: int) -> Pulse:
    pulse = Pulse.objects.filter(pk=pulse_id, organisation_id=actor.organisation_id or 0).first()
    if pulse is None or not allowed(actor, "prevention.pulse.results", pulse):
        raise hidden(actor, "prevention.pulse.results", pulse)
    return pulse


PULSE = object_from("prevention pulse", "pulse_id", "pulse", pulse_get_for)


def pulse_by_token(token: str) -> Pulse | None:
    """The pulse behind a public link; an unknown token finds nothing (no oracle beyond that)."""
    if not token or len(token) > 64:
        return None
    return Pulse.objects.filter(token=token).first()


def previous_of(pulse: Pulse) -> Pulse | None:
    """The team's pulse before this one: the change is shown against it."""
    return (
        Pulse.objects.filter(organisation_id=pulse.organisation_id, team_key=pulse.team_key)
        .filter(Q(started_on__lt=pulse.started_on) | Q(started_on=pulse.started_on, pk__lt=pulse.pk))
        .order_by("-started_on", "-pk")
        .first()
    )


def answers_of(pulse: Pulse) -> list[dict[str, int]]:
    return [dict(a) for a in pulse.responses.values_list("answers", flat=True)]


def response_count(pulse: Pulse) -> int:
    return pulse.responses.count()


@dataclass(frozen=True)
class Results:
    """What the results page shows for one pulse."""

    min_cell: int
    closed: bool
    enough: bool  # at least min_cell answers so far
    result: prevention.PulseResult | None  # None while the pulse is open
    previous: Pulse | None
    changes: tuple[prevention.FactorChange, ...]


def results_of(pulse: Pulse, *, closed: bool) -> Results:
    """The results per factor once the pulse is closed; while it is open only whether there are
    enough answers yet, so that no one can watch a score move as one person answers (ADR 0089)."""
    min_cell = min_cell_of(pulse.organisation_id)
    answers = answers_of(pulse)
    enough = len(answers) >= min_cell
    if not closed:
        return Results(min_cell, False, enough, None, None, ())
    result = prevention.score(answers, min_cell)
    previous = previous_of(pulse)
    changes: tuple[prevention.FactorChange, ...] = ()
    if previous is not None:
        changes = prevention.compare(prevention.score(answers_of(previous), min_cell), result)
    return Results(min_cell, True, enough, result, previous, changes)
