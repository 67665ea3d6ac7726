"""Request bodies of the JSON API: JSON only, of a bounded size and depth (ADR 0060).

- larger than ``WERKVREDE_API_MAX_BODY_BYTES`` (default 1 MB): 413;
- not sent as ``application/json``, or not JSON in UTF-8: 400, ``detail`` naming the header or the body;
- nested deeper than :data:`MAX_DEPTH`: 422 naming where, as a validation error of that field.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from ninja.parser import Parser

# The deepest body the API takes (a situation for /advice) is five levels deep.
MAX_DEPTH = 32
DEFAULT_MAX_BODY_BYTES = 1_000_000


class BodyRefused(Exception):  # noqa: N818 - an answer, not a failure
    status = 400

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail

    def content(self) -> dict[str, Any]:
        return {"detail": self.detail}


class BodyTooLarge(BodyRefused):
    status = 413


class NotSentAsJson(BodyRefused):
    """The Content-Type is not JSON: the body is not looked at."""


class NotJson(BodyRefused):
    """Sent as JSON, but not JSON in UTF-8."""


class BodyTooDeep(BodyRefused):
    status = 422

    def __init__(self, loc: tuple[str | int, ...]) -> None:
        super().__init__(f"nested deeper than {MAX_DEPTH} levels")
        self.loc = loc

    def content(self) -> dict[str, Any]:
        # The shape of every other validation error of the API (django-ninja's).
        return {"detail": [{"type": "too_deep", "loc": ["body", *self.loc], "msg": self.detail}]}


def max_body_bytes() -> int:
    return int(getattr(settings, "WERKVREDE_API_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES))


def _is_json(content_type: str) -> bool:
    return content_type == "application/json" or (
        content_type.startswith("application/") and content_type.endswith("+json")
    )


def read_json(request: HttpRequest) -> Any:
    """The decoded JSON body of the request; None when it has none."""
    limit = max_body_bytes()
    too_large = BodyTooLarge(f"the request body is larger than {limit} bytes")
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        raise too_large
    try:
        body = request.body
    except RequestDataTooBig:
        raise too_large from None
    if not body:
        return None
    if len(body) > limit:
        raise too_large
    if not _is_json(request.content_type or ""):
        raise NotSentAsJson(
            f"Content-Type: a request body must be application/json, not {request.content_type!r}"
        )
    try:
        data = json.loads(body)
    except RecursionError:
        raise BodyTooDeep(_deep_path(body)) from None
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        raise NotJson(f"body: not valid JSON in UTF-8 ({exc})") from None
    _check_depth(data)
    return data


def _check_depth(data: Any) -> None:
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        value, loc = stack.pop()
        if len(loc) > MAX_DEPTH:
            raise BodyTooDeep(loc)
        if isinstance(value, dict):
            stack.extend((v, (*loc, k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, (*loc, i)) for i, v in enumerate(value))


_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{},:]')


def _deep_path(body: bytes) -> tuple[str | int, ...]:
    """Where a body too deep for the decoder first passes the limit, found by scanning its tokens."""
    path: list[str | int] = []
    key: str | int | None = None
    pending: str | None = None
    for token in _TOKEN.finditer(body):
        text = token.group()
        if text in (b"[", b"{"):
            if key is not None:
                path.append(key)
                if len(path) > MAX_DEPTH:
                    break
            key = 0 if text == b"[" else None
        elif text in (b"]", b"}"):
            key = path.pop() if path else None
        elif text == b",":
            key = key + 1 if isinstance(key, int) else None
        elif text == b":":
            key = pending
        else:
            pending = json.loads(text.decode("utf-8", "replace"))
    return tuple(path)


class JsonParser(Parser):
    """django-ninja's parser with the limits above. Its refusals surface as the cause of the 400 that
    django-ninja raises for a body it cannot parse; `werkvrede.api.api` answers with the refusal."""

    def parse_body(self, request: HttpRequest) -> Any:
        return read_json(request)
