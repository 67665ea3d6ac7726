"""What one request of each measured endpoint costs inside one process, without gunicorn, wrk or the
network: the best of several rounds made with Django's test client, and the queries one request
makes. On a shared machine wrk's runs differ by 5 % or more from one run to the next; this figure
is steadier, so a change of a few per cent can be seen (docs/adr/0205-the-bench-measures-in-process-too.md).

It also tells where one request's time goes (`split`): in the database, in template rendering, and
in the rest of Python (middleware, views, the ORM building queries and objects, forms), so a page's
cost can be judged without a profiler.

`run.py` calls it once per settings module, with the endpoints as JSON (`[[path, session key], …]`);
it prints `[[ms, queries, [timed ms, database ms, templates ms]], …]` in the same order.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import django

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkvrede.config.settings.bench")
    django.setup()

ROUNDS = max(1, int(os.environ.get("WERKVREDE_BENCH_INPROCESS_ROUNDS", "5")))
# How long one round lasts, about: enough requests that the clock's resolution and one slow request
# do not matter, few enough that the whole takes seconds per endpoint.
ROUND_SECONDS = float(os.environ.get("WERKVREDE_BENCH_INPROCESS_ROUND_SECONDS", "0.5"))
WARM_UP = 10
# Requests whose time is split (`split`): their mean is reported.
SPLIT_REQUESTS = max(1, int(os.environ.get("WERKVREDE_BENCH_SPLIT_REQUESTS", "50")))


def client_for(session: str) -> Any:
    from django.conf import settings
    from django.test import Client

    # A host the bench settings allow; the test client's own ("testserver") is not among them.
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[settings.SESSION_COOKIE_NAME] = session
    return client


def cost(
    client: Any, path: str, *, rounds: int = ROUNDS, round_seconds: float = ROUND_SECONDS
) -> tuple[float, int]:
    """(ms of the fastest round per request, queries of one request) for a page that answers 200."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_UP):
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answers {response.status_code} instead of 200 in-process")
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    # Now: the next request's start empties the connection's query log the capture reads from.
    queries = len(captured)
    started = time.perf_counter()
    client.get(path)
    one = max(time.perf_counter() - started, 1e-6)
    requests = max(5, min(2_000, int(round_seconds / one)))
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(requests):
            client.get(path)
        best = min(best, (time.perf_counter() - started) / requests)
    return best * 1000, queries


@contextmanager
def _timed_templates(spent: list[float]) -> Iterator[None]:
    """Adds to spent[0] the seconds spent rendering templates, counting only the outermost rendering
    (an include or a form field renders inside it)."""
    from django.template import base

    original: Callable[..., Any] = base.Template.render
    depth = [0]

    def render(self: Any, context: Any) -> Any:
        depth[0] += 1
        started = time.perf_counter()
        try:
            return original(self, context)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                spent[0] += time.perf_counter() - started

    base.Template.render = render  # type: ignore[method-assign]
    try:
        yield
    finally:
        base.Template.render = original  # type: ignore[method-assign]


def split(client: Any, path: str, *, requests: int = SPLIT_REQUESTS) -> tuple[float, float, float]:
    """(ms in all, ms in the database, ms in templates) of one request, each the mean over `requests`
    timed requests. The database's part is each query from sending it to having its rows (the driver
    included); what is neither is Python: middleware, views, the ORM building queries and objects."""
    from django.db import connection

    database, templates = [0.0], [0.0]

    def timed(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            database[0] += time.perf_counter() - started

    client.get(path)
    with connection.execute_wrapper(timed), _timed_templates(templates):
        started = time.perf_counter()
        for _ in range(requests):
            client.get(path)
        spent = time.perf_counter() - started
    return spent * 1000 / requests, database[0] * 1000 / requests, templates[0] * 1000 / requests


def main() -> None:
    endpoints: list[list[str]] = json.loads(sys.argv[1])
    measured = []
    for path, session in endpoints:
        client = client_for(session)
        ms, queries = cost(client, path)
        measured.append([ms, queries, list(split(client, path))])
    print(json.dumps(measured))


if __name__ == "__main__":
    main()
