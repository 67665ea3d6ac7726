"""Schemathesis over the OpenAPI document for three roles: no server errors, answers as documented.

Refs #2 / D1, D2, ADR 0062. In-process against the WSGI app on the test database, as the HR adviser,
the employee and the bedrijfsarts of one case, with every default check and one of our own
(`schema_errors_only_for_invalid_data`). CSRF is switched off for the generated requests as Django's
own test client does (it is tested on its own in `test_api_posts_without_a_csrf_token_are_refused`).

WERKVREDE_FUZZ_EXAMPLES sets the examples per operation (default 50, the same ones every run). `make
fuzz` sets it to 1,000 and so runs new examples each time, schemathesis' coverage phase (boundary and
malformed values of every field, content types, methods) and a longer stateful run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.http import HttpRequest, HttpResponseBase
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig

from conftest import World, logged_in, module_transaction, shared_world
from werkvrede.accounts.middleware import ACTIVE_ORGANISATION_SESSION_KEY
from werkvrede.accounts.models import LoginSession
from werkvrede.api.api import api
from werkvrede.core.roles import Role
from werkvrede.core.types import MAX_ID
from werkvrede.sickness.tests.helpers import conflict_case, report

DEEP = "WERKVREDE_FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("WERKVREDE_FUZZ_EXAMPLES", "50"))
ROLES = (Role.HR_ADVISER, Role.EMPLOYEE, Role.OCCUPATIONAL_PHYSICIAN)
SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=not DEEP,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)

CONFIG = SchemathesisConfig.from_dict(
    {
        # The session comes from the auth provider below, and the `ignored_auth` check sends each
        # operation once without it: no need for thousands of made-up session cookies.
        "generation": {"with-security-parameters": False},
        "phases": {"coverage": {"enabled": DEEP}},
        "checks": {
            # A rule the document cannot express (an end before its start, a step out of turn)
            # refuses a request that fits the schema with 422; that such a 422 is a rule and not the
            # schema is what `schema_errors_only_for_invalid_data` checks.
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "3xx", "401", "403", "404", "409", "422", "429"]
            }
        },
    }
)


class _NoCsrfHandler(WSGIHandler):
    def get_response(self, request: HttpRequest) -> HttpResponseBase:
        request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
        return super().get_response(request)


# The document needs a log-in, so it is taken from the API object; calls go to the WSGI app.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(), config=CONFIG)
schema.app = _NoCsrfHandler()


@schemathesis.check
def schema_errors_only_for_invalid_data(ctx: Any, response: Any, case: Any) -> bool | None:
    """A request the document calls valid is never refused as not fitting the schema (422 with the
    list of fields): whatever the API checks about a value's form, the document says."""
    if case.meta is None or not case.meta.generation.mode.is_positive or response.status_code != 422:
        return None
    detail = json.loads(response.content or b"{}").get("detail")
    if isinstance(detail, list):
        raise AssertionError(f"A request the document allows was refused as not fitting it: {detail}")
    return None


# Fixed session keys: schemathesis builds its coverage cases while the tests are collected, before any
# fixture has run, and the auth provider must give them a session already.
SESSIONS = {role: f"fuzz{role.value.lower()}sessionkey0123456789" for role in ROLES}
# Ids of what the world holds, so that generated paths also reach a real case (see the hook below).
_REAL_IDS: dict[str, list[int]] = {}


@schema.auth(refresh_interval=None)
class SessionAuth:
    """The HR adviser's session on every generated request: so schemathesis knows the API needs one,
    and also sends each operation without it (`ignored_auth`)."""

    def get(self, case: Any, context: Any) -> str:
        return SESSIONS[Role.HR_ADVISER]

    def set(self, case: Any, data: str, context: Any) -> None:
        case.cookies = {**(case.cookies or {}), "sessionid": data}


@schema.hook
def flatmap_path_parameters(context: Any, path_parameters: dict[str, Any]) -> Any:
    """Half of the ids in a path that could be real become the id of something the world holds."""
    if not path_parameters:
        return st.just(path_parameters)
    real = {
        name: st.sampled_from([value, *_REAL_IDS[name]])
        for name, value in path_parameters.items()
        if name in _REAL_IDS and isinstance(value, int) and 1 <= value <= MAX_ID
    }
    return st.fixed_dictionaries({**{k: st.just(v) for k, v in path_parameters.items()}, **real})


@pytest.fixture(scope="module")
def world(_world_committed: None, django_db_blocker: Any) -> Iterator[World]:
    """The shared world with, for this module only (rolled back at its end), a case with a sick report
    and the sessions of the three roles. Every test runs in a savepoint inside it (the `db` fixture)."""
    with module_transaction(django_db_blocker), django_db_blocker.unblock():
        world = shared_world()
        case = conflict_case(world)
        report(world, case)
        _REAL_IDS["case_id"] = [case.pk]
        for role, key in SESSIONS.items():
            client = logged_in(world.a.users[role])  # with the second factor where the role needs it
            data = {**dict(client.session.items()), ACTIVE_ORGANISATION_SESSION_KEY: world.a.organisation.pk}
            expires = datetime(2199, 12, 31, tzinfo=UTC)
            LoginSession.objects.create(
                session_key=key,
                session_data=LoginSession.objects.encode(data),
                expire_date=expires,
                user=world.a.users[role],
            )
        yield world
    _REAL_IDS.clear()


@pytest.fixture(autouse=True)
def _requests_keep_the_connection() -> Iterator[None]:
    """As Django's test client does: a request must not close the connection the test's transaction is
    on. Per test, not per module: Django's client connects `close_old_connections` again after each of
    its requests, so a test with the client (the CSRF test) would otherwise leave the next test of the
    module closing its own connection, whatever order the processes run the tests in (ADR 0202)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# The two schemathesis tests run in the PostgreSQL pass of `make test` only (ADR 0067).
@pytest.mark.fuzz
@schema.parametrize()
@SETTINGS
def test_api_has_no_server_errors_and_answers_as_documented(case: Any, world: World, db: None) -> None:
    """Each generated request is sent as each of the three roles: one generation, three answers
    (generating costs more than answering). A case of the coverage phase (`make fuzz`) is sent once:
    its point is the form of the request, which is refused before any code that depends on the role."""
    as_hr = (case.cookies or {}).get("sessionid") == SESSIONS[Role.HR_ADVISER]
    roles = ROLES if as_hr and case.meta.phase.name == "fuzzing" else (Role.HR_ADVISER,)
    for role in roles:
        try:
            case.call_and_validate(cookies={"sessionid": SESSIONS[role]} if as_hr else None)
        except Exception as exc:
            exc.add_note(f"as {role.value}" if as_hr else "without the session of a role")
            raise


@pytest.mark.fuzz
def test_api_sequences_follow_the_links_between_operations(world: World, db: None) -> None:
    """Stateful: create a case, then use its id for the operations on it (links schemathesis infers
    from the document), as the HR adviser; `use_after_free` and `ensure_resource_availability` (D2).

    Each scenario runs in a savepoint that is rolled back after it: a scenario starts from the same
    database every time, so Hypothesis can replay and shrink one that failed (without it, the long run
    of `make fuzz` ends in "inconsistent data generation" instead of the failure)."""

    class Scenario(schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            self.savepoint = transaction.atomic()
            self.savepoint._from_testcase = True  # type: ignore[attr-defined]  # scaffolding: each request is its own transaction
            self.savepoint.__enter__()

        def teardown(self) -> None:
            transaction.set_rollback(True)
            self.savepoint.__exit__(None, None, None)

    Scenario.run(settings=settings(SETTINGS, max_examples=max(10, EXAMPLES // 5), stateful_step_count=6))


def test_api_posts_without_a_csrf_token_are_refused(world: World, db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.a.users[Role.HR_ADVISER])
    body = json.dumps({"signalled_on": "2025-03-03", "employee_name": "Sanne", "other_party_name": "Lars"})
    response = client.post("/api/v1/cases", body, content_type="application/json")
    assert response.status_code == 403
