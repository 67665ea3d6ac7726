"""Role-by-URL access matrix, plus tenant isolation for every URL that takes an object id (Refs issue #2).

The expected table is written by hand from spec §2.3 and the policies; it must cover every
non-public URL, so a new URL fails here until someone states who may use it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from conftest import World
from django.test import Client

from tests.security.urlwalk import ADMIN_NAMESPACE, walk
from werkvrede.audit.models import AuditEvent
from werkvrede.core.access import PUBLIC
from werkvrede.core.roles import Role

ALL = frozenset(Role)
PEOPLE = frozenset({Role.ADMIN, Role.HR_ADVISER, Role.CASEMANAGER})


def _membership_id(world: World, tenant: str) -> dict[str, int]:
    return {"membership_id": world.tenant(tenant).memberships[Role.EMPLOYEE].pk}


# url name → (method, who gets the success status, success status, kwargs builder for an object of a tenant)
MATRIX: dict[str, tuple[str, frozenset[Role], int, Callable[[World, str], dict[str, int]] | None]] = {
    "core:home": ("get", ALL, 200, None),
    "accounts:people": ("get", PEOPLE, 200, None),
    "accounts:person": ("get", PEOPLE, 200, _membership_id),
    "accounts:organisation-switch": ("post", ALL, 302, None),
    "audit:log": ("get", frozenset({Role.ADMIN}), 200, None),
    "api:me": ("get", ALL, 200, None),
    "api:openapi-json": ("get", ALL, 200, None),
    "api:openapi-view": ("get", ALL, 200, None),
    # ninja's root URL only exists to compute paths: it answers 404 to everyone.
    "api:api-root": ("get", ALL, 404, None),
    "api:advice": ("post", ALL, 200, None),
}
# Request bodies for URLs that need one to succeed.
JSON_BODIES: dict[str, object] = {"api:advice": {"today": "2025-03-20"}}


def _url(route_name: str, kwargs: dict[str, int] | None) -> str:
    from django.urls import reverse

    return reverse(route_name, kwargs=kwargs)


def test_the_matrix_covers_every_non_public_url() -> None:
    protected = {r.full_name for r in walk() if r.access != PUBLIC and r.namespace != ADMIN_NAMESPACE}
    assert protected == set(MATRIX)


def test_every_url_with_an_object_id_has_a_tenant_isolation_case() -> None:
    with_ids = {r.full_name for r in walk() if r.takes_arguments and r.namespace != ADMIN_NAMESPACE}
    assert with_ids == {name for name, row in MATRIX.items() if row[3] is not None}


CASES = [(name, role) for name in MATRIX for role in Role]


@pytest.mark.parametrize(("url_name", "role"), CASES, ids=[f"{n}-{r.value}" for n, r in CASES])
def test_role_gets_exactly_what_the_matrix_says(
    world: World, client_as: Callable[..., Client], url_name: str, role: Role
) -> None:
    method, allowed_roles, success, kwargs_for = MATRIX[url_name]
    client = client_as(role)
    url = _url(url_name, kwargs_for(world, "a") if kwargs_for else None)
    if url_name in JSON_BODIES:
        response = client.generic(method.upper(), url, json.dumps(JSON_BODIES[url_name]), "application/json")
    else:
        data = (
            {"organisation": world.a.organisation.pk} if url_name == "accounts:organisation-switch" else None
        )
        response = getattr(client, method)(url, data)
    if role in allowed_roles:
        assert response.status_code == success
    else:
        # Not allowed: the page does not admit that it exists (404), or the API says forbidden (403).
        assert response.status_code in (403, 404)
        denied = AuditEvent.objects.filter(action="core.access.denied", user_id=world.a.users[role].pk)
        assert denied.exists(), "every denied access is audited"


ID_CASES = [(name, role) for name, row in MATRIX.items() if row[3] is not None for role in Role]


@pytest.mark.parametrize(("url_name", "role"), ID_CASES, ids=[f"{n}-{r.value}" for n, r in ID_CASES])
def test_an_object_of_another_organisation_is_not_found(
    world: World, client_as: Callable[..., Client], url_name: str, role: Role
) -> None:
    method, _, _, kwargs_for = MATRIX[url_name]
    assert kwargs_for is not None
    response = getattr(client_as(role), method)(_url(url_name, kwargs_for(world, "b")))
    assert response.status_code == 404
    assert str(world.b.users[Role.EMPLOYEE].full_name) not in response.content.decode()


def test_a_missing_and_a_forbidden_object_look_the_same(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.HR_ADVISER)
    missing = client.get(_url("accounts:person", {"membership_id": 999_999}))
    foreign = client.get(_url("accounts:person", _membership_id(world, "b")))
    assert missing.status_code == foreign.status_code == 404
    assert missing.content == foreign.content


def test_anonymous_visitors_are_sent_to_log_in_and_the_api_answers_401(db: None) -> None:
    client = Client()
    for name in ("core:home", "accounts:people", "audit:log"):
        response = client.get(_url(name, None))
        assert response.status_code == 302
        assert response["Location"].startswith("/account/inloggen/")
    assert client.get(_url("api:me", None)).status_code == 401
