"""The calendar feed link through the JSON API (ADR 0118)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.test import Client

from werkvrede.core.roles import Role

pytestmark = pytest.mark.django_db

FEED = "/api/v1/me/calendar-feed"


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_the_openapi_document_has_the_feed_operations(client_as: Callable[..., Client]) -> None:
    document = client_as(Role.EMPLOYEE).get("/api/v1/openapi.json").json()
    operations = document["paths"][FEED]
    assert set(operations) == {"get", "post", "delete"}
    assert "201" in operations["post"]["responses"]
    assert all(op["tags"] == ["agenda"] for op in operations.values())


def test_make_fetch_and_revoke_through_the_api(client_as: Callable[..., Client]) -> None:
    cache.clear()
    client = client_as(Role.LINE_MANAGER)
    assert client.get(FEED).json() == {"active": False, "created_at": None}
    made = client.post(FEED, "{}", content_type="application/json")
    assert made.status_code == 201
    url = made.json()["url"]
    assert client.get(FEED).json()["active"] is True
    assert Client().get(_path(url)).status_code == 200
    revoked = client.delete(FEED)
    assert revoked.status_code == 200 and revoked.json()["active"] is False
    assert Client().get(_path(url)).status_code == 404


def test_another_persons_feed_is_never_theirs_to_revoke(client_as: Callable[..., Client]) -> None:
    cache.clear()
    url = client_as(Role.EMPLOYEE).post(FEED, "{}", content_type="application/json").json()["url"]
    client_as(Role.HR_ADVISER).delete(FEED)  # revokes HR's own (none), not the employee's
    assert Client().get(_path(url)).status_code == 200


def test_the_api_needs_a_log_in(client: Client) -> None:
    assert client.get(FEED).status_code == 401
    assert client.post(FEED, "{}", content_type="application/json").status_code == 401
