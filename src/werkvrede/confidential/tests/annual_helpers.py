"""Reports closed on a given day and annual reports, made through the services as the VP would."""

from __future__ import annotations

from datetime import date
from typing import Any

from werkvrede.confidential import annual_services, services
from werkvrede.confidential.models import AnnualReport, Report
from werkvrede.confidential.tests.helpers import STORY, person, vp
from werkvrede.core.roles import Role


def closed_report(
    world: Any,
    tenant: str = "a",
    *,
    on: date,
    category: str = "BULLYING",
    route: str = "INFORMAL",
    text: str = STORY,
    melder: Role = Role.EMPLOYEE,
) -> Report:
    """A named report written, advised, supported, followed up and closed on the day `on` (SM-6 rows 2-9)."""
    adviser = vp(world, tenant)
    report = services.report_write(
        actor=person(world, melder, tenant), message=text, registration_consent=True, today=on
    )
    report = services.category_record(actor=adviser, report=report, category=category, today=on)
    report = services.route_record(actor=adviser, report=report, route=route, today=on)
    report = services.aftercare_start(actor=adviser, report=report, today=on)
    return services.report_close(actor=adviser, report=report, today=on)


def compiled(world: Any, tenant: str = "a", *, year: int, recommendations: str = "") -> AnnualReport:
    """The annual report of `year`, compiled early the next year."""
    return annual_services.annual_compile(
        actor=vp(world, tenant), year=year, recommendations=recommendations, today=date(year + 1, 1, 15)
    )


def annual_with_dossier(world: Any, tenant: str) -> dict[str, int]:
    """An annual report (2019) with one dossier waiting to be destroyed (for the access matrix)."""
    closed_report(world, tenant, on=date(2019, 6, 3))
    return {"annual_report_id": compiled(world, tenant, year=2019).pk}
