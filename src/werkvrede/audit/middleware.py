"""Give every request an id (echoed in the X-Request-ID response header) for audit events."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from werkvrede.audit.context import current_request_id
from werkvrede.audit.reads import request_scope


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The id the request log gave this request (it decides whether a proxy's id is trusted), or a
        # fresh one; a client-supplied header is never read here.
        request_id = str(getattr(request, "request_id", "")) or uuid.uuid4().hex
        token = current_request_id.set(request_id)
        try:
            with request_scope():
                response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response
