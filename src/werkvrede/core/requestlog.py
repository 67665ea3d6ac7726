"""Logs for operators: one JSON line per request, and the request id that ties it all together.

`RequestLogMiddleware` comes first in the chain. It gives the request its id (`request.request_id`,
echoed as `X-Request-ID`; the audit events and the error pages carry the same id), and writes one line
per request to the `werkvrede.request` logger: method, route name, status, duration, user id and
organisation id. Never the path or the query string (they can hold tokens and receipt codes), never
a name, an e-mail address or content (docs/adr/0157-logs-for-operators.md).

`JsonFormatter` writes any log record as one JSON object per line with the time in UTC and the
request id of the request in progress. Django's own request and security messages quote the path or
the Host header: for those only the logger name is written.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import traceback
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse

from werkvrede.core.clientaddr import is_from_trusted_proxy

logger = logging.getLogger("werkvrede.request")

current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar(
    "werkvrede_log_request_id", default=""
)

# An id a trusted proxy sends (nginx's $request_id is 32 hex digits); the audit field holds 32.
_INCOMING_ID = re.compile(r"[0-9A-Za-z_-]{8,32}")
# Loggers whose messages quote the request path or the Host header.
_QUOTING_LOGGERS = ("django.request", "django.security", "django.server", "django.template")
# The request line's own fields, passed through `extra`.
FIELDS = ("request_id", "user_id", "organisation_id", "route", "method", "status", "duration_ms")
# Probes come every few seconds; at INFO level they would drown the rest.
_PROBE_ROUTES = {"core:health", "core:ready"}


def _request_id(request: HttpRequest) -> str:
    incoming = request.headers.get("X-Request-ID", "")
    if incoming and _INCOMING_ID.fullmatch(incoming) and is_from_trusted_proxy(request):
        return incoming
    return uuid.uuid4().hex


def request_id_of(request: HttpRequest) -> str:
    return str(getattr(request, "request_id", "") or current_request_id.get())


def _route(request: HttpRequest, path_info: str) -> str | None:
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return str(match.view_name)
    # Probes are answered before URL resolution (core.health).
    return {"/health/": "core:health", "/ready/": "core:ready"}.get(path_info)


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.monotonic()
        request_id = _request_id(request)
        request.request_id = request_id  # type: ignore[attr-defined]
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            self._log(request, response.status_code, started)
            return response
        finally:
            current_request_id.reset(token)

    def _log(self, request: HttpRequest, status: int, started: float) -> None:
        actor = getattr(request, "actor", None)
        route = _route(request, request.path_info)
        fields: dict[str, Any] = {
            "request_id": request.request_id,  # type: ignore[attr-defined]
            "user_id": getattr(actor, "user_id", None),
            "organisation_id": getattr(actor, "organisation_id", None),
            "route": route,
            "method": request.method if request.method in _METHODS else "OTHER",
            "status": status,
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
        }
        if status >= 500:
            level = logging.ERROR
        elif route in _PROBE_ROUTES and status < 400:
            level = logging.DEBUG
        else:
            level = logging.INFO
        logger.log(level, "%s %s %s", fields["method"], route or "-", status, extra=fields)


_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line; see the module docstring for what is left out."""

    def format(self, record: logging.LogRecord) -> str:
        quoting = record.name.startswith(_QUOTING_LOGGERS)
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.name if quoting else record.getMessage(),
            "request_id": getattr(record, "request_id", None) or current_request_id.get() or None,
        }
        for name in FIELDS[1:]:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if quoting and hasattr(record, "status_code"):
            entry["status"] = record.status_code
        if record.exc_info and record.exc_info[0] is not None:
            # The exception's type and where it happened; its message may quote data, so it stays out.
            entry["exception"] = record.exc_info[0].__name__
            entry["stack"] = "".join(traceback.format_tb(record.exc_info[2]))
        return json.dumps(entry, ensure_ascii=False, default=str)
