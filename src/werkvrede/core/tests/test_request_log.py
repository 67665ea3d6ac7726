"""One JSON line per request for operators, without personal data; the request id ties the line, the
audit events and the error page together (docs/adr/0157-logs-for-operators.md)."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from conftest import PASSWORD, World
from werkvrede.audit.models import AuditEvent
from werkvrede.core.requestlog import JsonFormatter
from werkvrede.core.roles import Role

ClientAs = Callable[..., Client]


Lines = Callable[..., list[dict[str, Any]]]


@pytest.fixture
def log_lines() -> Iterator[Lines]:
    """What the production log handler writes: JSON lines on a stream, formatted as they happen."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger(), logging.getLogger("django.request")]  # the latter does not propagate
    for logger in loggers:
        logger.addHandler(handler)
    request_log = logging.getLogger("werkvrede.request")
    level = request_log.level
    request_log.setLevel(logging.INFO)

    def lines(name: str | None = "werkvrede.request") -> list[dict[str, Any]]:
        parsed = [json.loads(line) for line in stream.getvalue().splitlines()]
        return [line for line in parsed if name is None or line["logger"] == name]

    yield lines
    request_log.setLevel(level)
    for logger in loggers:
        logger.removeHandler(handler)


def test_a_request_writes_one_json_line_with_its_fields_and_no_personal_data(
    world: World, log_lines: Lines
) -> None:
    user = world.a.users[Role.EMPLOYEE]
    client = Client()
    response = client.post(
        reverse("accounts:login") + "?next=/zaken/geheim-token/",
        {"username": user.email, "password": PASSWORD},
    )
    assert response.status_code == 302
    (line,) = log_lines()
    assert set(line) == {
        "time", "level", "logger", "message", "request_id", "user_id", "organisation_id", "route", "method",
        "status", "duration_ms",
    }  # fmt: skip
    assert line["time"].endswith("+00:00") and line["level"] == "INFO"
    assert line["request_id"] == response["X-Request-ID"]
    assert line["route"] == "accounts:login" and line["method"] == "POST" and line["status"] == 302
    assert isinstance(line["duration_ms"], float)
    text = json.dumps(line)
    for personal in (user.email, user.full_name, "geheim-token", "inloggen", PASSWORD):
        assert personal not in text


def test_the_line_names_the_user_and_organisation_by_id_and_the_route_not_the_path(
    world: World, client_as: ClientAs, log_lines: Lines
) -> None:
    client = client_as(Role.HR_ADVISER)
    client.get("/api/v1/cases?search=Sanne")
    (line,) = log_lines()
    assert line["user_id"] == world.a.users[Role.HR_ADVISER].pk
    assert line["organisation_id"] == world.a.organisation.pk
    assert line["route"].startswith("api:")  # the URL's name, not its path
    assert "Sanne" not in json.dumps(line) and "/api/" not in json.dumps(line)


def test_the_audit_events_of_a_request_carry_its_request_id(world: World) -> None:
    user = world.a.users[Role.EMPLOYEE]
    response = Client().post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    event = AuditEvent.objects.filter(action="accounts.login.succeeded").latest("pk")
    assert event.request_id == response["X-Request-ID"]


def test_a_404_and_a_500_page_show_the_request_id(
    client_as: ClientAs, monkeypatch: pytest.MonkeyPatch, log_lines: Lines
) -> None:
    client = client_as(Role.HR_ADVISER)
    missing = client.get("/bestaat-niet/")
    assert f"Foutcode voor de helpdesk: {missing['X-Request-ID']}" in missing.content.decode()

    person = "Sanne de Vries"

    def boom(*args: object) -> None:
        raise RuntimeError(f"an exception message that quotes {person}")

    client.raise_request_exception = False
    monkeypatch.setattr("werkvrede.core.views.start_panels", boom)
    failed = client.get(reverse("core:home"))
    assert failed.status_code == 500 and failed["X-Request-ID"] in failed.content.decode()
    lines = log_lines(None)
    request_line = log_lines()[-1]
    assert request_line["level"] == "ERROR" and request_line["status"] == 500
    (error,) = log_lines("django.request")
    # Django's own message quotes the path; the exception's message may quote data: both stay out.
    assert error["request_id"] == failed["X-Request-ID"] and error["exception"] == "RuntimeError"
    assert person not in json.dumps(lines) and "start_panels" in error["stack"]


@override_settings(WERKVREDE_TRUSTED_PROXIES=1)
def test_a_request_id_is_taken_over_only_from_a_trusted_proxy_and_only_when_sane(db: None) -> None:
    proxied: dict[str, Any] = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    nginx_id = "0123456789abcdef0123456789abcdef"
    assert Client(**proxied).get("/health/", HTTP_X_REQUEST_ID=nginx_id)["X-Request-ID"] == nginx_id
    for forged in ("x", "a" * 33, "<script>alert(1)</script>", "id with spaces 12345"):
        assert Client(**proxied).get("/health/", HTTP_X_REQUEST_ID=forged)["X-Request-ID"] != forged
    with override_settings(WERKVREDE_TRUSTED_PROXIES=0):
        direct = Client(REMOTE_ADDR="203.0.113.9").get("/health/", HTTP_X_REQUEST_ID=nginx_id)
        assert direct["X-Request-ID"] != nginx_id
