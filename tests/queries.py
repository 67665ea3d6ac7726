"""Count the database queries of one page view, as a steady-state request.

The first request after log-in writes the session (the idle clock, `accounts.middleware`); later
requests within the minute do not. Pinned query counts compare steady-state requests, so the
helper makes one request first.
"""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def page_queries(client: Client, url: str) -> int:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)
