"""Build whistleblower reports for tests through the services, as people would."""

from __future__ import annotations

from datetime import date
from typing import Any

from werkvrede.cases.tests.helpers import actor_of
from werkvrede.core.actor import Actor
from werkvrede.core.roles import Role
from werkvrede.whistleblower import services
from werkvrede.whistleblower.models import WhistleReport, WhistleState

TODAY = date(2026, 3, 2)
STORY = "In het magazijn worden de brandblussers al een jaar niet gekeurd."


def person(world: Any, role: Role, tenant: str = "a") -> Actor:
    t = world.tenant(tenant)
    return actor_of(t.users[role], t.organisation.pk)


def officer(world: Any, tenant: str = "a") -> Actor:
    return person(world, Role.WHISTLEBLOWER_OFFICER, tenant)


def named_report(
    world: Any, tenant: str = "a", text: str = STORY, concerned: tuple[Role, ...] = (), today: date = TODAY
) -> WhistleReport:
    """The tenant's employee reports a suspected misstand, naming `concerned` (R-118)."""
    t = world.tenant(tenant)
    return services.named_report(
        actor=person(world, Role.EMPLOYEE, tenant),
        message=text,
        concerned_user_ids=[t.users[r].pk for r in concerned],
        today=today,
    )


def report_at(world: Any, tenant: str, state: WhistleState, *, route: str = "") -> WhistleReport:
    """A named report walked along SM-8 to `state` (NOT_A_MISSTAND through a negative assessment)."""
    report = named_report(world, tenant)
    do = officer(world, tenant)
    if state == WhistleState.RECEIVED:
        return report
    report = services.acknowledge(actor=do, report=report, text="Ontvangen, dank je.", today=TODAY)
    if state == WhistleState.ACKNOWLEDGED:
        return report
    misstand = state != WhistleState.NOT_A_MISSTAND
    report = services.assess(actor=do, report=report, public_interest=misstand, today=TODAY)
    if state in (WhistleState.ASSESSED, WhistleState.NOT_A_MISSTAND):
        if route:
            report = services.route_propose(actor=do, report=report, target=route, today=TODAY)
        return report
    report = services.follow_up(actor=do, report=report, today=TODAY)
    if state == WhistleState.FOLLOW_UP:
        return report
    report = services.feedback(actor=do, report=report, text="We hebben de keuring laten doen.", today=TODAY)
    if state == WhistleState.FEEDBACK_GIVEN:
        return report
    return services.close(actor=do, report=report, today=TODAY)
