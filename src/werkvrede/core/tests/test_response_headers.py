"""Every kind of response carries the security headers and is never stored (ADR 0156).

One response of each type: an HTML page, a redirect, JSON from the API, a PDF, an .ics feed, and the
403, 404 and 500 pages. Static files are the one exception: they keep WhiteNoise's caching.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World, logged_in
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.core.headers import PERMISSIONS_POLICY
from werkvrede.core.roles import Role
from werkvrede.protocol.services import protocol_update

ClientAs = Callable[..., Client]


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("failure")


def _assert_headers(response: Any, kind: str) -> None:
    csp = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, kind
    assert "script-src 'self'" in csp and "style-src 'self'" in csp, kind
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp, kind
    # A secret URL (the .ics feed) sends no referrer at all; the rest stay within the site.
    assert response["Referrer-Policy"] in ("same-origin", "no-referrer"), kind
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY, kind
    assert "camera=()" in PERMISSIONS_POLICY and "geolocation=()" in PERMISSIONS_POLICY
    assert response["Cache-Control"] == "no-store", kind
    assert response["X-Content-Type-Options"] == "nosniff", kind
    assert len(response["X-Request-ID"]) == 32, kind


def test_every_response_type_carries_the_headers(
    world: World, client_as: ClientAs, monkeypatch: pytest.MonkeyPatch
) -> None:
    hr = client_as(Role.HR_ADVISER)
    employee = logged_in(world.a.users[Role.EMPLOYEE])
    admin = actor_of(world.a.users[Role.ADMIN], world.a.organisation.pk)
    protocol_update(actor=admin, values={"is_public": True}, expected_version=0)
    feed_page = employee.post(reverse("agenda:create"))
    feed_path = "/" + feed_page.context["new_url"].split("://", 1)[1].split("/", 1)[1]

    responses = {
        "html": (hr.get(reverse("core:home")), 200, "text/html"),
        "redirect": (Client().get(reverse("core:home")), 302, "text/html"),
        "json": (hr.get("/api/v1/cases"), 200, "application/json"),
        "pdf": (Client().get(reverse("protocol:public-pdf", args=["org-a"])), 200, "application/pdf"),
        "ics": (Client().get(feed_path), 200, "text/calendar"),
        "403": (
            Client(enforce_csrf_checks=True).post(reverse("core:set-language"), {"language": "en"}),
            403,
            "text/html",
        ),
        "404": (hr.get("/bestaat-niet/"), 404, "text/html"),
    }
    hr.raise_request_exception = False
    monkeypatch.setattr("werkvrede.core.views.start_panels", _boom)
    responses["500"] = (hr.get(reverse("core:home")), 500, "text/html")
    for kind, (response, status, content_type) in responses.items():
        assert response.status_code == status, kind
        assert response["Content-Type"].startswith(content_type), kind
        _assert_headers(response, kind)


def test_a_probe_is_never_stored_either(db: None) -> None:
    """Probes are answered before the rest of the chain (core.health): JSON without case data."""
    for path in ("/health/", "/ready/"):
        response = Client().get(path)
        assert response["Cache-Control"] == "no-store" and response["Content-Type"] == "application/json"
        assert len(response["X-Request-ID"]) == 32


def test_a_nonce_is_sent_only_with_a_page_that_uses_it_and_matches_its_element(db: None) -> None:
    """The receipt page's print styles carry the nonce; pages without inline elements get none."""
    from django.template import engines
    from django.test import RequestFactory

    from werkvrede.core.headers import ResponseHeadersMiddleware

    plain = Client().get(reverse("accounts:login"))
    assert "nonce-" not in plain["Content-Security-Policy"]

    def view(request: Any) -> Any:
        from django.http import HttpResponse

        template = engines["django"].from_string('<style nonce="{{ request.csp_nonce }}">p{}</style>')
        return HttpResponse(template.render({}, request))

    from csp.middleware import CSPMiddleware

    response = ResponseHeadersMiddleware(CSPMiddleware(view))(RequestFactory().get("/"))  # type: ignore[arg-type]
    nonce = response.content.decode().split('nonce="', 1)[1].split('"', 1)[0]
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_static_files_keep_their_caching(db: None) -> None:
    response = Client().get("/static/werkvrede/werkvrede.css")
    assert response.status_code == 200
    assert response["Cache-Control"] != "no-store"
