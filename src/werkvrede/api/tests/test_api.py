"""The API root: authenticated, documented, errors as JSON (Refs issue #2)."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from conftest import World
from werkvrede.core.roles import Role


def test_me_returns_the_actor(world: World, client_as: Callable[..., Client]) -> None:
    body = client_as(Role.MEDIATOR).get("/api/v1/me").json()
    assert body == {
        "user_id": world.a.users[Role.MEDIATOR].pk,
        "name": world.a.users[Role.MEDIATOR].full_name,
        "organisation_id": world.a.organisation.pk,
        "organisation_name": "Organisatie A",
        "roles": ["MED"],
    }


def test_the_openapi_document_lists_the_operations(client_as: Callable[..., Client]) -> None:
    document = client_as(Role.EMPLOYEE).get("/api/v1/openapi.json").json()
    assert "/api/v1/me" in document["paths"]


def test_the_api_docs_use_no_external_cdn(client_as: Callable[..., Client]) -> None:
    html = client_as(Role.EMPLOYEE).get("/api/v1/docs").content.decode()
    assert "cdn." not in html
    assert "/static/ninja/" in html


def test_unauthenticated_api_calls_get_401_json(db: None, client: Client) -> None:
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}
