"""A server error shows a plain page with the request id, never a traceback (ADR 0064)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from werkvrede.core.roles import Role

ClientAs = Callable[..., Client]


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("secret detail from deep inside")


def test_a_page_that_fails_shows_the_request_id_and_no_detail(
    client_as: ClientAs, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = client_as(Role.HR_ADVISER)
    client.raise_request_exception = False
    monkeypatch.setattr("werkvrede.core.views.start_panels", _boom)
    response = client.get("/")
    assert response.status_code == 500
    body = response.content.decode()
    assert response["X-Request-ID"] in body
    assert "Er ging iets mis" in body
    assert "secret detail" not in body and "Traceback" not in body


def test_an_api_call_that_fails_answers_json_with_the_request_id(
    client_as: ClientAs, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = client_as(Role.HR_ADVISER)
    client.raise_request_exception = False
    monkeypatch.setattr("werkvrede.cases.selectors.case_list_for", _boom)
    response = client.get("/api/v1/cases")
    assert response.status_code == 500
    assert response.json() == {"detail": "server error", "request_id": response["X-Request-ID"]}


def _dev_debug(tmp_path: Path, **env: str) -> str:
    base = {k: v for k, v in os.environ.items() if k not in ("WERKVREDE_DEBUG", "DJANGO_SETTINGS_MODULE")}
    result = subprocess.run(
        [sys.executable, "-c", "import werkvrede.config.settings.dev as s; print(s.DEBUG)"],
        env={**base, "WERKVREDE_DATA_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_the_development_server_shows_tracebacks_only_when_asked(tmp_path: Path) -> None:
    assert _dev_debug(tmp_path) == "False"
    assert _dev_debug(tmp_path, WERKVREDE_DEBUG="0") == "False"
    assert _dev_debug(tmp_path, WERKVREDE_DEBUG="1") == "True"
