"""The error pages (400, 403, 404, CSRF failure, 500) in the site layout, Dutch and English, with a way
back; the 404 says nothing about whether the object exists (docs/adr/0132-error-pages.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import World
from werkvrede.audit.views import server_error
from werkvrede.core.roles import Role

ClientAs = Callable[..., Client]


def _english(client: Client) -> Client:
    client.cookies["werkvrede_language"] = "en"
    return client


def _in_layout(body: str) -> None:
    assert 'class="wv-header"' in body and "werkvrede.css" in body
    assert 'href="/"' in body  # the way back to the start page


def test_a_missing_page_is_a_dutch_page_in_the_site_layout(client_as: ClientAs) -> None:
    response = client_as(Role.HR_ADVISER).get("/bestaat-niet/")
    assert response.status_code == 404
    body = response.content.decode()
    _in_layout(body)
    assert "Deze pagina bestaat niet" in body and "Not Found" not in body
    assert "Foutcode 404" in body


def test_a_missing_page_in_english(client_as: ClientAs) -> None:
    response = _english(client_as(Role.HR_ADVISER)).get("/bestaat-niet/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "This page does not exist" in body and "Deze pagina bestaat niet" not in body
    assert 'lang="en"' in body


def test_an_anonymous_visitor_gets_the_same_page(db: None) -> None:
    response = Client().get("/melden/bestaat-niet-org/x/")
    assert response.status_code == 404
    _in_layout(response.content.decode())


def test_a_hidden_and_a_missing_object_give_the_same_page(world: World, client_as: ClientAs) -> None:
    client = client_as(Role.HR_ADVISER)
    missing = client.get(reverse("accounts:person", kwargs={"membership_id": 999_999}))
    hidden = client.get(
        reverse("accounts:person", kwargs={"membership_id": world.b.memberships[Role.EMPLOYEE].pk})
    )
    assert missing.status_code == hidden.status_code == 404
    # The same page but for the request's own id (the helpdesk code, ADR 0157).
    assert missing.content.replace(missing["X-Request-ID"].encode(), b"") == hidden.content.replace(
        hidden["X-Request-ID"].encode(), b""
    )
    assert "Deze pagina bestaat niet" in hidden.content.decode()


def test_a_safe_referer_becomes_the_way_back_and_a_foreign_one_does_not(client_as: ClientAs) -> None:
    client = client_as(Role.HR_ADVISER)
    back = client.get("/bestaat-niet/", HTTP_REFERER="http://testserver/zaken/").content.decode()
    assert 'href="http://testserver/zaken/"' in back
    foreign = client.get("/bestaat-niet/", HTTP_REFERER="https://evil.example/").content.decode()
    assert "evil.example" not in foreign


def test_a_refused_step_is_a_403_page_in_the_site_layout(client_as: ClientAs) -> None:
    response = client_as(Role.EMPLOYEE).get(reverse("audit:log"))
    assert response.status_code in (403, 404)
    body = response.content.decode()
    _in_layout(body)
    if response.status_code == 403:
        assert "Dit mag je niet doen" in body and "Forbidden" not in body


def test_the_403_page_in_both_languages(rf: RequestFactory, db: None) -> None:
    from django.contrib.auth.models import AnonymousUser
    from django.utils import translation

    from werkvrede.core.errors import permission_denied

    request = rf.get("/")
    request.user = AnonymousUser()
    body = permission_denied(request).content.decode()
    assert "Dit mag je niet doen" in body
    with translation.override("en"):
        english = permission_denied(request).content.decode()
    assert "You may not do this" in english and "Dit mag je niet doen" not in english


def test_a_bad_host_is_a_400_page(db: None) -> None:
    response = Client().get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Dit verzoek klopt niet" in body and "Bad Request" not in body


def test_a_csrf_failure_explains_what_to_do_without_the_reason(client_as: ClientAs) -> None:
    client = client_as(Role.HR_ADVISER)
    client.handler.enforce_csrf_checks = True
    response = client.post(reverse("core:set-language"), {"language": "en", "next": "/"})
    assert response.status_code == 403
    body = response.content.decode()
    _in_layout(body)
    assert "Dit formulier is verlopen" in body
    assert "CSRF" not in body


def test_the_api_keeps_answering_json_for_a_missing_address(client_as: ClientAs) -> None:
    response = client_as(Role.HR_ADVISER).get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_the_500_page_needs_no_database_and_links_home(rf: RequestFactory, db: None) -> None:
    with CaptureQueriesContext(connection) as queries:
        response = server_error(rf.get("/zaken/1/"))
    assert len(queries) == 0
    assert response.status_code == 500
    body = response.content.decode()
    _in_layout(body)
    assert "Er ging iets mis" in body and "Naar de startpagina" in body


@pytest.mark.parametrize("status", [400, 403, 404])
def test_every_handler_is_wired(status: int) -> None:
    from werkvrede.config import urls

    assert getattr(urls, f"handler{status}").startswith("werkvrede.core.errors.")
