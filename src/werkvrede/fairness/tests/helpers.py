"""Phase ends and answers for tests, made through the services as people would."""

from __future__ import annotations

from datetime import date
from typing import Any

from werkvrede.cases.models import Case
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.core.actor import Actor
from werkvrede.core.phases import PhaseEnded
from werkvrede.core.roles import Role
from werkvrede.fairness import services
from werkvrede.fairness.models import Invitation
from werkvrede.interventions.tests.helpers import behaviour_suspected, employee_case

# A day in a quarter that has ended by the time the results are read (READ_ON).
ANSWERED_ON = date(2026, 2, 10)
READ_ON = date(2026, 4, 15)


def actor(world: Any, role: Role, tenant: str = "a") -> Actor:
    t = world.tenant(tenant)
    return actor_of(t.users[role], t.organisation.pk)


def intake_done(world: Any, tenant: str = "a") -> Case:
    """A case after HR completed its intake: the employee and the line manager are its parties."""
    hr = actor(world, Role.HR_ADVISER, tenant)
    return behaviour_suspected(hr, employee_case(world, tenant), today=date(2025, 3, 4))


def invitation_of(world: Any, role: Role, tenant: str = "a", **filters: Any) -> Invitation:
    return Invitation.objects.get(user=world.tenant(tenant).users[role], **filters)


def answer(
    world: Any, invitation: Invitation, value: int = 4, *, comment: str = "", on: date = ANSWERED_ON
) -> None:
    user = invitation.user
    services.answer(
        actor=actor_of(user, invitation.organisation_id),
        invitation=invitation,
        answers={"heard": value, "respect": value, "understood": value},
        comment=comment,
        today=on,
    )


def answered(
    world: Any,
    count: int,
    phase: str,
    *,
    tenant: str = "a",
    mediator: Role | None = None,
    value: int = 4,
    comment: str = "",
    on: date = ANSWERED_ON,
) -> None:
    """`count` phase ends the employee is invited to and answers (distinct subjects, one each)."""
    t = world.tenant(tenant)
    employee = t.users[Role.EMPLOYEE]
    mediator_id = t.users[mediator].pk if mediator else None
    start = Invitation.objects.count()
    for i in range(count):
        ended = PhaseEnded(phase, t.organisation.pk, f"test:{start + i}", None, (employee.pk,), mediator_id)
        services.invite(ended, on)
        invitation = Invitation.objects.get(user=employee, subject=f"test:{start + i}", phase=phase)
        answer(world, invitation, value, comment=comment, on=on)
