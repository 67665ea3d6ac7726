"""Role-by-URL access matrix, plus tenant isolation for every URL that takes an object id (Refs issue #2).

The rows live beside each context (`<app>/tests/access_matrix.py`) and are written by hand from
docs/rules.md and the policies; together they must cover every non-public URL, so a new URL fails here
until someone states who may use it.

Each row's objects (one in organisation "a", one in "b") are made once, in a transaction around this
module that is rolled back at its end; every cell is then one request in its own rolled-back
transaction, so it finds the objects as they were made (docs/adr/0065).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoDbBlocker

from conftest import World, logged_in, module_transaction, shared_world
from tests.security.matrix import Row, gather
from tests.security.urlwalk import ADMIN_NAMESPACE, walk
from werkvrede.audit.models import AuditEvent
from werkvrede.core.access import PUBLIC
from werkvrede.core.roles import Role

MATRIX = gather()


@dataclass(frozen=True)
class Made:
    """A row's URL arguments per organisation, and the body every cell of the row sends."""

    kwargs: dict[str, dict[str, Any] | None]
    body: Any


def _make(names: list[str]) -> dict[str, Made]:
    """Make the object the rows `names` share (one `object_in`), in "a" and in "b", and their bodies."""
    world = shared_world()
    object_in = MATRIX[names[0]].object_in
    kwargs: dict[str, dict[str, Any] | None] = {"a": None, "b": None}
    if object_in:
        kwargs["a"] = object_in(world, "a")
    # A body may look up what the object in "a" just made, as a person filling in the form would.
    bodies = {name: (body(world) if (body := MATRIX[name].body) else None) for name in names}
    if object_in:
        kwargs["b"] = object_in(world, "b")
    return {name: Made(kwargs, bodies[name]) for name in names}


# Rows that make their object the same way share one: every cell is rolled back, so each finds it as made.
SHARING = {
    name: [other for other, row in MATRIX.items() if row.object_in is MATRIX[name].object_in]
    if MATRIX[name].object_in
    else [name]
    for name in MATRIX
}


@pytest.fixture(scope="module")
def _made(_world_committed: None, django_db_blocker: DjangoDbBlocker) -> Iterator[dict[str, Made]]:
    """Every row's objects, in the module's transaction (rolled back at its end)."""
    with module_transaction(django_db_blocker):
        yield {}


@pytest.fixture
def made(_made: dict[str, Made], django_db_blocker: DjangoDbBlocker, url_name: str) -> Made:
    """The row's objects, made at the first cell that needs them, before its own transaction opens."""
    if url_name not in _made:
        with django_db_blocker.unblock():
            # Inside the module's transaction only: a cell's transaction would roll the objects back.
            assert connection.in_atomic_block and not connection.savepoint_ids, "made before the test's db"
            _made.update(_make(SHARING[url_name]))
    return _made[url_name]


@pytest.fixture(scope="module")
def _sessions(_made: dict[str, Made]) -> dict[Role, str]:
    """One logged-in session per role of organisation "a", made in the module's transaction."""
    return {}


@pytest.fixture
def client_of(_sessions: dict[Role, str], django_db_blocker: DjangoDbBlocker, role: Role) -> Client:
    """A client with the role's session, logged in once for the module (before the cell's transaction
    opens, as `made`): every cell's own changes to the session are rolled back with the cell."""
    if role not in _sessions:
        with django_db_blocker.unblock():
            assert connection.in_atomic_block and not connection.savepoint_ids, (
                "logged in before the test's db"
            )
            client = logged_in(shared_world().a.users[role])
            _sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = _sessions[role]
    return client


def _request(client: Client, name: str, row: Row, made: Made, tenant: str) -> Any:
    url = reverse(name, kwargs=made.kwargs[tenant])
    if row.json:
        return client.generic(row.method.upper(), url, json.dumps(made.body), "application/json")
    return getattr(client, row.method)(url, made.body)


def test_the_matrix_covers_every_non_public_url() -> None:
    protected = {r.full_name for r in walk() if r.access != PUBLIC and r.namespace != ADMIN_NAMESPACE}
    assert protected == set(MATRIX)


def test_every_url_with_an_object_id_has_a_tenant_isolation_case() -> None:
    # A public URL with an id (the password reset link) carries its own token and has no tenant.
    with_ids = {
        r.full_name
        for r in walk()
        if r.takes_arguments and r.namespace != ADMIN_NAMESPACE and r.access != PUBLIC
    }
    assert with_ids == {name for name, row in MATRIX.items() if row.object_in is not None}


def test_each_row_pins_one_refusal_per_role() -> None:
    for name, row in MATRIX.items():
        assert row.refused in (403, 404), name
        assert not row.forbidden & row.allowed, f"{name}: a role is both allowed and forbidden"
        assert not row.forbidden or row.refused == 404, f"{name}: `forbidden` only narrows a 404 row"


CASES = [(name, role) for name in MATRIX for role in Role]


# The cells run once in `make test`, in the SQLite pass: who may pass a door is decided by the policies,
# not by the database, and the same doors' queries run on PostgreSQL in every other test (ADR 0197).
@pytest.mark.matrix
@pytest.mark.parametrize(("url_name", "role"), CASES, ids=[f"{n}-{r.value}" for n, r in CASES])
def test_role_gets_exactly_what_the_matrix_says(
    made: Made, client_of: Client, db: None, url_name: str, role: Role
) -> None:
    row = MATRIX[url_name]
    denied = AuditEvent.objects.filter(action="core.access.denied", user_id=shared_world().a.users[role].pk)
    before = denied.count()
    response = _request(client_of, url_name, row, made, "a")
    if role in row.allowed:
        assert response.status_code == row.success
    else:
        # Not allowed: 404 where the role may not learn that the object exists, 403 where it may.
        assert response.status_code == row.refused_status(role)
        assert denied.count() == before + 1, "every denied access is audited, once"


ID_CASES = [(name, role) for name, row in MATRIX.items() if row.object_in is not None for role in Role]


@pytest.mark.matrix
@pytest.mark.parametrize(("url_name", "role"), ID_CASES, ids=[f"{n}-{r.value}" for n, r in ID_CASES])
def test_an_object_of_another_organisation_is_not_found(
    made: Made, client_of: Client, db: None, url_name: str, role: Role
) -> None:
    response = _request(client_of, url_name, MATRIX[url_name], made, "b")
    assert response.status_code == 404
    assert str(shared_world().b.users[Role.EMPLOYEE].full_name) not in response.content.decode()


def test_a_missing_and_a_forbidden_object_look_the_same(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.HR_ADVISER)
    missing = client.get(reverse("accounts:person", kwargs={"membership_id": 999_999}))
    foreign = client.get(
        reverse("accounts:person", kwargs={"membership_id": world.b.memberships[Role.EMPLOYEE].pk})
    )
    assert missing.status_code == foreign.status_code == 404
    # Alike but for the request id each page shows for the helpdesk (ADR 0157).
    assert missing.content.replace(missing["X-Request-ID"].encode(), b"") == foreign.content.replace(
        foreign["X-Request-ID"].encode(), b""
    )


def test_anonymous_visitors_are_sent_to_log_in_and_the_api_answers_401(db: None) -> None:
    client = Client()
    for name in ("core:home", "accounts:people", "audit:log", "cases:list"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith("/account/inloggen/")
    assert client.get(reverse("api:me")).status_code == 401
