"""The Ziekmelding page costs the same however many verdicts, advices and notes a case has (Refs #4)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import World
from tests.queries import page_queries
from werkvrede.core.refusals import NeedsAttention
from werkvrede.core.roles import Role
from werkvrede.sickness import services
from werkvrede.sickness.facts import case_facts
from werkvrede.sickness.tests.helpers import as_role, finding, verdict
from werkvrede.sickness.tests.test_services import advice_input, send, variant_b_case


def _send(world: World, case: object, text: str) -> None:
    """Send an advice, answering whatever the guideline asks (acknowledgements and reasons)."""
    try:
        send(world, case, advice_input(text=text))  # type: ignore[arg-type]
    except NeedsAttention as needed:
        codes = {f.code: f.severity.value for f in needed.findings}
        data = advice_input(
            text=text,
            acknowledged=tuple(c for c, sev in codes.items() if sev == "WARN"),
            justifications={c: "reden" for c, sev in codes.items() if sev == "WARN+J"},
        )
        send(world, case, data)  # type: ignore[arg-type]


@pytest.mark.parametrize("role", [Role.OCCUPATIONAL_PHYSICIAN, Role.HR_ADVISER])
def test_the_sick_report_page_does_not_grow(
    world: World, client_as: Callable[..., Client], role: Role
) -> None:
    case = variant_b_case(world)
    client = client_as(role)
    url = f"/ziekmelding/{case.pk}/"
    _send(world, case, "Opbouw van werk in drie weken.")
    few = page_queries(client, url)
    for i in range(4):
        verdict(world, case, "AO", degree_pct=50 + i)
        _send(world, case, f"Opbouw van werk, stap {i}.")
    assert page_queries(client, url) == few


def test_the_page_and_its_guideline_facts_read_each_row_once(
    world: World, client_as: Callable[..., Client]
) -> None:
    """The bedrijfsarts's page shows the newest report, verdict, finding, diagnosis and capacity, and the
    guideline's findings on it read the same rows for its facts, as do two fact providers the case's
    interventions: each is read once per page (core.memo, ADR 0209)."""
    case = variant_b_case(world)
    verdict(world, case, "AO")
    finding(world, case)
    _send(world, case, "Opbouw van werk in drie weken.")
    client = client_as(Role.OCCUPATIONAL_PHYSICIAN)
    url = f"/ziekmelding/{case.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert "guideline_findings" in client.get(url).context
    tables = (
        "sickness_workcapacityverdict",
        "sickness_conflictfinding",
        "sickness_conflictdiagnosis",
        "sickness_capacityassessment",
        "interventions_intervention",
    )
    reads = [q["sql"].split(" FROM ")[1].split()[0].strip('"') for q in captured if " FROM " in q["sql"]]
    assert {table: reads.count(table) for table in tables} == dict.fromkeys(tables, 1)
    # Whole sick reports: the current one, and the employee's earlier ones.
    whole = 'SELECT "sickness_sickreport"."id", "sickness_sickreport"."version"'
    assert len([q for q in captured if q["sql"].startswith(whole)]) == 2


def test_each_sealed_note_shown_costs_only_its_audited_read(
    world: World, client_as: Callable[..., Client]
) -> None:
    """R-170: the reads of D01 on one page are one audit event (audit.reads), so the page costs the
    same however many sealed notes it opens."""
    case = variant_b_case(world)
    client = client_as(Role.OCCUPATIONAL_PHYSICIAN)
    physician = as_role(world.a, Role.OCCUPATIONAL_PHYSICIAN)
    url = f"/ziekmelding/{case.pk}/"
    services.medical_note_add(actor=physician, case_id=case.pk, text="aantekening 1")
    one = page_queries(client, url)
    services.medical_note_add(actor=physician, case_id=case.pk, text="aantekening 2")
    two = page_queries(client, url)
    for i in range(3, 6):
        services.medical_note_add(actor=physician, case_id=case.pk, text=f"aantekening {i}")
    assert page_queries(client, url) == two + 3 * (two - one)
    assert two - one <= 8


def test_the_case_facts_read_the_latest_verdict_and_finding_once(world: World) -> None:
    """The sick report's facts and the assessment's both name the latest verdict and conflict finding:
    one read each, for every guideline check and every page that shows advice (#18)."""
    case = variant_b_case(world)
    verdict(world, case, "AO")
    finding(world, case)
    with CaptureQueriesContext(connection) as captured:
        data = case_facts(case)
    assert data["sick_report"]["verdict"]["value"] == "AO"
    assert data["sick_report"]["conflict_finding"]["conflict"] is True
    assert {"WORK_CAPACITY", "CONFLICT_PER_DEFINITION"} <= set(data["assessment"]["answered"])
    tables = ("sickness_workcapacityverdict", "sickness_conflictfinding")
    assert [sum(f'FROM "{t}"' in q["sql"] for q in captured) for t in tables] == [1, 1]
