"""An index can serve every query of the hot pages (issue #18 point 3, docs/adr/0189-hot-query-plans.md).

The queries of the start page, the case list and case page (HTML and API), the sick-report page and the
mediation page are captured as they run, then each is explained on PostgreSQL with sequential scans
switched off: a tiny test database makes the planner prefer them, so the test asks whether an index *can*
serve the query. A sequential scan that remains means no index can, and on a table that grows with the
data (cases, timeline, deadlines, parties, participants, audit, sick reports, ...) that is a finding.
Runs in the PostgreSQL pass of `make test` (marker `postgres`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import World, logged_in
from werkvrede.core.roles import Role
from werkvrede.mediation.tests.helpers import in_intake
from werkvrede.sickness.tests.test_services import variant_b_case

# Tables whose size does not grow with the cases, people or events: a scan of these is fine.
BOUNDED = frozenset(
    {
        "django_content_type",
        "django_migrations",
        "django_site",
    }
)


def _hot_pages(world: World) -> list[tuple[Role, str]]:
    mediation = in_intake(world)
    case = mediation.case
    assert case is not None
    sick = variant_b_case(world)
    return [
        (Role.EMPLOYEE, "/"),
        (Role.HR_ADVISER, "/"),
        (Role.CASEMANAGER, "/"),
        (Role.OCCUPATIONAL_PHYSICIAN, "/"),
        (Role.MEDIATOR, "/"),
        (Role.HR_ADVISER, "/zaken/"),
        (Role.EMPLOYEE, "/zaken/"),
        (Role.HR_ADVISER, f"/zaken/{case.pk}/"),
        (Role.EMPLOYEE, f"/zaken/{case.pk}/"),
        (Role.LINE_MANAGER, f"/zaken/{case.pk}/"),
        (Role.HR_ADVISER, "/api/v1/cases"),
        (Role.EMPLOYEE, "/api/v1/cases"),
        (Role.HR_ADVISER, f"/api/v1/cases/{case.pk}"),
        (Role.OCCUPATIONAL_PHYSICIAN, f"/ziekmelding/{sick.pk}/"),
        (Role.HR_ADVISER, f"/ziekmelding/{sick.pk}/"),
        (Role.EMPLOYEE, f"/ziekmelding/{sick.pk}/"),
        (Role.MEDIATOR, f"/mediation/{mediation.pk}/"),
        (Role.EMPLOYEE, f"/mediation/{mediation.pk}/"),
    ]


def _captured(world: World) -> list[tuple[str, str]]:
    """(page, SQL) of every read on the hot pages, a steady-state request each."""
    queries: list[tuple[str, str]] = []
    for role, url in _hot_pages(world):
        client = logged_in(world.a.users[role])
        assert client.get(url).status_code == 200, (role, url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200, (role, url)
        for query in captured.captured_queries:
            sql = query["sql"]
            if sql.lstrip().upper().startswith(("SELECT", "WITH")):
                queries.append((f"{role.value} {url}", sql))
    return queries


def _nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def _sequential_scans(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        raw = cursor.fetchone()[0]
    plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]
    return [
        node["Relation Name"]
        for node in _nodes(plan)
        if node.get("Node Type") == "Seq Scan" and node.get("Relation Name") not in BOUNDED
    ]


@pytest.mark.postgres
def test_an_index_can_serve_every_query_of_the_hot_pages(world: World, on_postgres: None) -> None:
    queries = _captured(world)
    assert len(queries) > 100  # the pages ran and were captured
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    # The check itself: a query no index can serve keeps its sequential scan with them switched off.
    assert _sequential_scans("SELECT id FROM cases_casenote WHERE text = 'x'") == ["cases_casenote"]
    findings = []
    for page, sql in queries:
        scans = _sequential_scans(sql)
        if scans:
            findings.append(f"{page}: {', '.join(sorted(set(scans)))}\n    {sql[:400]}")
    print(f"{len(queries)} queries explained")
    assert not findings, "sequential scans no index can replace:\n" + "\n".join(findings)
