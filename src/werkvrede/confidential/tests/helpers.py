"""Build vertrouwenspersoon reports for tests through the services, as people would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from werkvrede.cases.tests.helpers import actor_of
from werkvrede.confidential import services
from werkvrede.confidential.models import Channel, Report, ReportState
from werkvrede.core.actor import Actor
from werkvrede.core.roles import Role

TODAY = date(2026, 3, 2)
STORY = "Mijn collega maakt steeds opmerkingen over mijn uiterlijk."


def person(world: Any, role: Role, tenant: str = "a") -> Actor:
    t = world.tenant(tenant)
    return actor_of(t.users[role], t.organisation.pk)


def vp(world: Any, tenant: str = "a") -> Actor:
    return person(world, Role.CONFIDENTIAL_ADVISER, tenant)


def named_report(world: Any, tenant: str = "a", text: str = STORY) -> Report:
    """The tenant's employee writes to the VP with consent to register (INTAKE)."""
    return services.report_write(
        actor=person(world, Role.EMPLOYEE, tenant), message=text, registration_consent=True, today=TODAY
    )


def contact_report(world: Any, tenant: str = "a", channel: str = Channel.CASE_CHOICE) -> Report:
    """A report at CONTACT, as the R-100 choice on a case opens it for the tenant's employee."""
    t = world.tenant(tenant)
    services.route_open(
        organisation_id=t.organisation.pk, melder_id=t.users[Role.EMPLOYEE].pk, channel=channel, today=TODAY
    )
    return Report.objects.get(organisation_id=t.organisation.pk, channel=channel, state=ReportState.CONTACT)


def report_at(world: Any, tenant: str, state: ReportState) -> Report:
    """A named report walked to `state` along SM-6 (informal route)."""
    report = named_report(world, tenant)
    steps: list[tuple[ReportState, Callable[[Report], Report]]] = [
        (
            ReportState.ADVICE,
            lambda r: services.category_record(
                actor=vp(world, tenant), report=r, category="BULLYING", today=TODAY
            ),
        ),
        (
            ReportState.INFORMAL_SOLUTION_SUPPORT,
            lambda r: services.route_record(actor=vp(world, tenant), report=r, route="INFORMAL", today=TODAY),
        ),
        (
            ReportState.AFTERCARE,
            lambda r: services.aftercare_start(actor=vp(world, tenant), report=r, today=TODAY),
        ),
        (ReportState.CLOSED, lambda r: services.report_close(actor=vp(world, tenant), report=r, today=TODAY)),
    ]
    for target, step in steps:
        if report.state == state:
            break
        report = step(report)
        assert report.state == target
    assert report.state == state
    return report


def anonymous_report(
    world: Any, tenant: str = "a", text: str = STORY, category: str = "BULLYING"
) -> tuple[Report, str]:
    return services.anonymous_report(
        organisation_id=world.tenant(tenant).organisation.pk, category=category, message=text, today=TODAY
    )
