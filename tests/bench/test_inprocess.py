"""The in-process column of `make bench` (tools/bench/inprocess.py): one request's cost and queries."""

from __future__ import annotations

import pytest
from django.conf import settings

from conftest import World, logged_in
from tests.bench.scripts import load
from tests.queries import page_queries
from werkvrede.core.roles import Role

inprocess = load("inprocess")


def _session(world: World, role: Role) -> str:
    return str(logged_in(world.a.users[role]).cookies[settings.SESSION_COOKIE_NAME].value)


def test_it_reports_the_time_and_the_queries_of_one_steady_request(world: World) -> None:
    """The queries are those of one steady request, as the pinned page budgets count them; they must be
    read before the next request, whose start empties the log they come from."""
    session = _session(world, Role.HR_ADVISER)
    ms, queries = inprocess.cost(inprocess.client_for(session), "/zaken/", rounds=2, round_seconds=0.01)
    assert ms > 0
    assert queries == page_queries(logged_in(world.a.users[Role.HR_ADVISER]), "/zaken/") > 0


def test_a_page_that_does_not_answer_200_stops_it(world: World) -> None:
    """An employee is not shown the people page (404): a refusal must not be measured as a page."""
    session = _session(world, Role.EMPLOYEE)
    with pytest.raises(SystemExit, match="answers 404 instead of 200"):
        inprocess.cost(inprocess.client_for(session), "/account/mensen/", rounds=1, round_seconds=0.01)


def test_it_splits_a_request_into_database_compiling_templates_and_the_rest(world: World) -> None:
    """A page that renders a template spends time in each part; the API renders none. The parts are
    measured, not derived, and each is counted once: together they stay below the whole."""
    client = inprocess.client_for(_session(world, Role.HR_ADVISER))
    ms, database, compiling, templates = inprocess.split(client, "/zaken/", requests=3)
    assert all(0 < part < ms for part in (database, compiling, templates))
    assert database + compiling + templates < ms
    api_ms, api_database, api_compiling, api_templates = inprocess.split(client, "/api/v1/cases", requests=3)
    assert 0 < api_database < api_ms
    assert 0 < api_compiling < api_ms
    assert api_templates == 0


def test_the_split_leaves_django_as_it_was(world: World) -> None:
    """The timing wraps Django's methods only while it measures."""
    from django.db.models.sql.compiler import SQLCompiler
    from django.template.base import Template

    before = (Template.render, SQLCompiler.as_sql)
    inprocess.split(inprocess.client_for(_session(world, Role.HR_ADVISER)), "/zaken/", requests=1)
    assert (Template.render, SQLCompiler.as_sql) == before
