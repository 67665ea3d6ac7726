"""The request id of the work in progress, so every audit event of one request can be grouped."""

from __future__ import annotations

import contextvars

current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("werkvrede_request_id", default="")
