"""The end of a phase, announced to whoever listens (the "did it feel fair?" questions, ADR 0135).

The contexts that end a phase (the intake and the case in cases, the interventieperiode in
interventions, the mediation in mediation) announce it here; they do not know who listens.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.dispatch import Signal

INTAKE = "intake"
INTERVENTION_PERIOD = "interventieperiode"
MEDIATION = "mediation"
CASE = "case"
PHASES = (INTAKE, INTERVENTION_PERIOD, MEDIATION, CASE)

# Sent with `ended=PhaseEnded(...)`, inside the transaction that ended the phase.
phase_ended = Signal()


@dataclass(frozen=True)
class PhaseEnded:
    phase: str
    organisation_id: int
    # "case:12", "period:4", "mediation:7": what ended, so a party is asked once per phase.
    subject: str
    case_id: int | None
    party_user_ids: tuple[int, ...]
    mediator_id: int | None = None


def announce_phase_end(
    *,
    phase: str,
    organisation_id: int,
    subject: str,
    party_user_ids: Iterable[int | None],
    case_id: int | None = None,
    mediator_id: int | None = None,
) -> None:
    if phase not in PHASES:
        raise ValueError(f"unknown phase {phase!r}")
    ids = tuple(sorted({uid for uid in party_user_ids if uid is not None}))
    ended = PhaseEnded(phase, organisation_id, subject, case_id, ids, mediator_id)
    phase_ended.send(sender=PhaseEnded, ended=ended)
