"""Pulses and answers for tests, made through the services as HR and the team would."""

from __future__ import annotations

from datetime import date
from typing import Any

from werkvrede.cases.tests.helpers import actor_of
from werkvrede.core.actor import Actor
from werkvrede.core.roles import Role
from werkvrede.guideline import prevention
from werkvrede.prevention import services
from werkvrede.prevention.models import Pulse

TODAY = date(2026, 3, 2)


def hr(world: Any, tenant: str = "a", role: Role = Role.HR_ADVISER) -> Actor:
    t = world.tenant(tenant)
    return actor_of(t.users[role], t.organisation.pk)


def pulse(world: Any, tenant: str = "a", team: str = "Team Inkoop", today: date = TODAY) -> Pulse:
    return services.pulse_start(actor=hr(world, tenant), team=team, closes_on=None, today=today)


def answers(value: int = 3, **overrides: int) -> dict[str, int]:
    """The same answer to every statement, with `PS_7=5` style overrides."""
    out = dict.fromkeys(prevention.STATEMENT_CODES, value)
    out.update({k.replace("_", "-"): v for k, v in overrides.items()})
    return out


def answered(p: Pulse, count: int, value: int = 3, **overrides: int) -> Pulse:
    for _ in range(count):
        services.pulse_answer(pulse=p, answers=answers(value, **overrides), today=TODAY)
    return p
