"""What one request of each measured endpoint costs inside one process, without gunicorn, wrk or the
network: the best of several rounds made with Django's test client, and the queries one request
makes. On a shared machine wrk's runs differ by 5 % or more from one run to the next; this figure
is steadier, so a change of a few per cent can be seen (docs/adr/0205-the-bench-measures-in-process-too.md).

It also tells where one request's time goes (`split`): in the database, in the ORM compiling SQL, in
template rendering, and in the rest of Python (middleware, views, the ORM building objects, forms), so
a page's cost can be judged without a profiler.

`run.py` calls it once per settings module, with the endpoints as JSON (`[[path, session key], …]`);
it prints `[[ms, queries, [timed ms, database ms, compiling ms, templates ms]], …]` in the same order.
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


class _Clock:
    """Seconds per part of a request, each counted once: time spent in a part inside another (a query
    that a template runs, SQL compiled while a template renders) counts for the inner part only, and a
    part inside itself (an include, a subquery) is counted by its outermost call."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = dict.fromkeys(PARTS, 0.0)
        self._active: list[str] = []

    def timed(self, part: str, call: Callable[[], Any]) -> Any:
        outer = self._active[-1] if self._active else None
        if outer == part:
            return call()
        self._active.append(part)
        started = time.perf_counter()
        try:
            return call()
        finally:
            self._active.pop()
            spent = time.perf_counter() - started
            self.spent[part] += spent
            if outer is not None:
                self.spent[outer] -= spent

    def query(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        return self.timed("database", lambda: execute(sql, params, many, context))

    @contextmanager
    def watching(self) -> Iterator[None]:
        """Times template rendering and the ORM's compiling of SQL while it lasts."""
        from django.db import connection
        from django.db.models.sql import compiler
        from django.template import base

        methods = [(base.Template, "render", "templates")] + [
            (cls, "as_sql", "compile")
            for cls in vars(compiler).values()
            if isinstance(cls, type) and issubclass(cls, compiler.SQLCompiler) and "as_sql" in vars(cls)
        ]
        originals = [(cls, name, vars(cls)[name]) for cls, name, _part in methods]
        for cls, name, part in methods:
            setattr(cls, name, self._wrap(vars(cls)[name], part))
        try:
            with connection.execute_wrapper(self.query):
                yield
        finally:
            for cls, name, original in originals:
                setattr(cls, name, original)

    def _wrap(self, method: Callable[..., Any], part: str) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            return self.timed(part, lambda: method(*args, **kwargs))

        return timed


#: The parts `split` reports besides the whole; the rest of a request is other Python.
PARTS = ("database", "compile", "templates")


def split(client: Any, path: str, *, requests: int = SPLIT_REQUESTS) -> tuple[float, float, float, float]:
    """(ms in all, in the database, compiling SQL, in templates) of one request, each the mean over
    `requests` timed requests. The database's part is each query from sending it to having its rows
    (the driver included); compiling is the ORM turning a queryset into SQL; templates are rendering
    without the queries they run. The rest is other Python: middleware, views, the ORM building
    querysets and objects, forms."""
    clock = _Clock()
    client.get(path)
    with clock.watching():
        started = time.perf_counter()
        for _ in range(requests):
            client.get(path)
        spent = time.perf_counter() - started
    database, compiling, templates = (clock.spent[part] * 1000 / requests for part in PARTS)
    return spent * 1000 / requests, database, compiling, templates


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
