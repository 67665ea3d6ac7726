"""A random pause before every database query of a request, so that a kill lands inside a write.

Used only by tests/crash/server_settings.py. WERKVREDE_CRASH_DELAY is the longest pause in seconds
(0 or unset: none); the pause falls at random, so a kill finds the transaction at a random step.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse


class SlowQueries:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.delay = float(os.environ.get("WERKVREDE_CRASH_DELAY", "0") or 0)

    def _pause(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        time.sleep(random.uniform(0, self.delay))
        return execute(sql, params, many, context)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.delay <= 0:
            return self.get_response(request)
        with connection.execute_wrapper(self._pause):
            return self.get_response(request)
