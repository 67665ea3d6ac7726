"""Role-by-URL access matrix, plus tenant isolation for every URL that takes an object id (Refs issue #2).

The rows live beside each context (`<app>/tests/access_matrix.py`) and are written by hand from
docs/rules.md and the policies; together they must cover every non-public URL, so a new URL fails here
until someone states who may use it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from tests.security.matrix import Row, gather
from tests.security.urlwalk import ADMIN_NAMESPACE, walk
from werkvrede.audit.models import AuditEvent
from werkvrede.core.access import PUBLIC
from werkvrede.core.roles import Role

MATRIX = gather()


def _request(client: Client, world: World, name: str, row: Row, tenant: str) -> object:
    url = reverse(name, kwargs=row.object_in(world, tenant) if row.object_in else None)
    body = row.body(world) if row.body else None
    if row.json:
        return client.generic(row.method.upper(), url, json.dumps(body), "application/json")
    return getattr(client, row.method)(url, body)


def test_the_matrix_covers_every_non_public_url() -> None:
    protected = {r.full_name for r in walk() if r.access != PUBLIC and r.namespace != ADMIN_NAMESPACE}
    assert protected == set(MATRIX)


def test_every_url_with_an_object_id_has_a_tenant_isolation_case() -> None:
    with_ids = {r.full_name for r in walk() if r.takes_arguments and r.namespace != ADMIN_NAMESPACE}
    assert with_ids == {name for name, row in MATRIX.items() if row.object_in is not None}


CASES = [(name, role) for name in MATRIX for role in Role]


@pytest.mark.parametrize(("url_name", "role"), CASES, ids=[f"{n}-{r.value}" for n, r in CASES])
def test_role_gets_exactly_what_the_matrix_says(
    world: World, client_as: Callable[..., Client], url_name: str, role: Role
) -> None:
    row = MATRIX[url_name]
    response = _request(client_as(role), world, url_name, row, "a")
    if role in row.allowed:
        assert response.status_code == row.success  # type: ignore[attr-defined]
    else:
        # Not allowed: a page does not admit that it exists (404), or says forbidden (403).
        assert response.status_code in (403, 404)  # type: ignore[attr-defined]
        denied = AuditEvent.objects.filter(action="core.access.denied", user_id=world.a.users[role].pk)
        assert denied.exists(), "every denied access is audited"


ID_CASES = [(name, role) for name, row in MATRIX.items() if row.object_in is not None for role in Role]


@pytest.mark.parametrize(("url_name", "role"), ID_CASES, ids=[f"{n}-{r.value}" for n, r in ID_CASES])
def test_an_object_of_another_organisation_is_not_found(
    world: World, client_as: Callable[..., Client], url_name: str, role: Role
) -> None:
    response = _request(client_as(role), world, url_name, MATRIX[url_name], "b")
    assert response.status_code == 404  # type: ignore[attr-defined]
    assert str(world.b.users[Role.EMPLOYEE].full_name) not in response.content.decode()  # type: ignore[attr-defined]


def test_a_missing_and_a_forbidden_object_look_the_same(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.HR_ADVISER)
    missing = client.get(reverse("accounts:person", kwargs={"membership_id": 999_999}))
    foreign = client.get(
        reverse("accounts:person", kwargs={"membership_id": world.b.memberships[Role.EMPLOYEE].pk})
    )
    assert missing.status_code == foreign.status_code == 404
    assert missing.content == foreign.content


def test_anonymous_visitors_are_sent_to_log_in_and_the_api_answers_401(db: None) -> None:
    client = Client()
    for name in ("core:home", "accounts:people", "audit:log", "cases:list"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith("/account/inloggen/")
    assert client.get(reverse("api:me")).status_code == 401
