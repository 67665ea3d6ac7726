"""Report aggregates on the read replica, writes never (ADR 0193).

The test settings give `replica` as a mirror of `default` (the same test database). A second
connection sees committed rows only, so the tests that read through it commit theirs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import logged_in, shared_world
from werkvrede.accounts.models import Organisation
from werkvrede.cases.models import Case, CaseState
from werkvrede.cases.selectors import overview_for
from werkvrede.confidential import annual
from werkvrede.confidential.tests.annual_helpers import closed_report, compiled
from werkvrede.config.database import replica_database
from werkvrede.core.replica import PrimaryWritesRouter, report_database
from werkvrede.core.roles import Role
from werkvrede.fairness.selectors import results_for
from werkvrede.fairness.tests.helpers import actor

WRITES = ("INSERT", "UPDATE", "DELETE")


@contextmanager
def captured() -> Iterator[tuple[CaptureQueriesContext, CaptureQueriesContext]]:
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        yield primary, replica


def sql_of(context: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in context.captured_queries]


def no_write_in(context: CaptureQueriesContext) -> bool:
    return not any(sql.lstrip().upper().startswith(WRITES) for sql in sql_of(context))


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_the_report_aggregates_read_from_the_replica_and_nothing_writes_there(
    settings: Any,
) -> None:
    settings.WERKVREDE_REPORT_DATABASE = "replica"
    world = shared_world()
    organisation_id = world.a.organisation.pk
    for _ in range(3):
        closed_report(world, on=date(2025, 5, 12))
    closed_report(world, on=timezone.localdate())

    with captured() as (primary, replica):
        counts = annual.year_counts(organisation_id, 2025)
        trends = annual.trend_tables(organisation_id, timezone.localdate(), 1)
        overview_for(actor(world, Role.HR_ADVISER), today=timezone.localdate()).states  # noqa: B018
        results_for(actor(world, Role.HR_ADVISER), timezone.localdate())
    on_replica = " ".join(sql_of(replica))
    assert "confidential_report" in on_replica and "confidential_contacttally" in on_replica
    assert "cases_case" in on_replica and "fairness_answer" in on_replica
    assert not any(t in " ".join(sql_of(primary)) for t in ('"confidential_report"', '"fairness_answer"'))
    # The replica's counts are the primary's rows: the same (mirrored) database.
    assert dict(counts["closed"]["category"])["BULLYING"] == 3
    assert trends[-1][1].total.count == 1

    # The pages: the aggregates come from the replica, the request's own writes (audit) do not go there.
    client = logged_in(world.a.users[Role.MEDIATOR])
    with captured() as (primary, replica):
        assert client.get(reverse("confidential:trends")).status_code == 200
        hr = logged_in(world.a.users[Role.HR_ADVISER])
        assert hr.get(reverse("cases:overview")).status_code == 200
    assert "confidential_report" in " ".join(sql_of(replica)) and "cases_case" in " ".join(sql_of(replica))
    assert no_write_in(replica) and not no_write_in(primary)

    # Compiling the annual report counts on the primary: exactly the reports it moves (SM-6 row 10).
    with captured() as (primary, replica):
        report = compiled(world, year=2025)
    assert sql_of(replica) == []
    assert report.aggregates["current"]["closed"]["total"]["count"] == 3


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_an_object_read_from_the_replica_is_saved_on_the_primary(settings: Any) -> None:
    settings.WERKVREDE_REPORT_DATABASE = "replica"
    organisation = Organisation.objects.create(name="Replica BV", slug="replica-bv")
    world = shared_world()
    case = Case.objects.create(
        organisation=organisation,
        reference="R-1",
        signalled_on=date(2025, 1, 2),
        signalled_by=world.a.users[Role.HR_ADVISER],
        signalled_as="HR",
        configuration="INDIVIDUAL_INDIVIDUAL",
        domains=["RELATIONS"],
    )
    copy = Case.objects.using("replica").get(pk=case.pk)
    copy.state = CaseState.INTAKE
    with captured() as (primary, replica):
        copy.save(update_fields=["state"])
    assert no_write_in(replica) and not no_write_in(primary)
    assert Case.objects.get(pk=case.pk).state == CaseState.INTAKE


def test_without_a_replica_the_reports_use_default(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert report_database() == "default"  # the test settings' choice: see the module's doc
    settings.WERKVREDE_REPORT_DATABASE = "elsewhere"
    assert report_database() == "default"  # an alias that is not configured: default
    monkeypatch.delenv("DATABASE_REPLICA_URL", raising=False)
    assert replica_database() is None
    monkeypatch.setenv("DATABASE_REPLICA_URL", "postgres://reader@replica.internal:5432/werkvrede")
    replica = replica_database()
    assert replica is not None and replica["HOST"] == "replica.internal" and replica["USER"] == "reader"


def test_the_router_sends_writes_and_migrations_to_default_only() -> None:
    router = PrimaryWritesRouter()
    assert router.db_for_write(Case) == "default"
    assert router.db_for_read(Case) is None  # reads go where the query says
    assert router.allow_migrate("replica", "cases") is False
    assert router.allow_migrate("default", "cases") is True
