"""Schemathesis over the OpenAPI document, logged in as HR: no server errors, responses as documented.

Refs issue #2 (no server errors). Runs in-process against the WSGI app and the test database. CSRF is
switched off for the generated requests as Django's own test client does (it is tested on its own in
`test_api_posts_without_a_csrf_token_are_refused`).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpRequest, HttpResponseBase
from django.test import Client
from hypothesis import HealthCheck, settings

from conftest import World
from werkvrede.api.api import api
from werkvrede.core.roles import Role


class _NoCsrfHandler(WSGIHandler):
    def get_response(self, request: HttpRequest) -> HttpResponseBase:
        request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
        return super().get_response(request)


# The document itself needs a log-in, so it is taken from the API object; calls go to the WSGI app.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = _NoCsrfHandler()


@pytest.fixture
def session_headers(world: World) -> dict[str, str]:
    client = Client()
    client.force_login(world.a.users[Role.HR_ADVISER])
    return {"Cookie": f"sessionid={client.cookies['sessionid'].value}"}


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_has_no_server_errors_and_answers_as_documented(
    case: Any, session_headers: dict[str, str]
) -> None:
    case.call_and_validate(headers=session_headers)


def test_api_posts_without_a_csrf_token_are_refused(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.a.users[Role.HR_ADVISER])
    body = json.dumps({"signalled_on": "2025-03-03", "employee_name": "Sanne", "other_party_name": "Lars"})
    response = client.post("/api/v1/cases", body, content_type="application/json")
    assert response.status_code == 403
