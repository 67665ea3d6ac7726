"""Liveness and readiness for a load balancer or orchestrator (docs/adr/0155-behind-a-proxy.md).

`/health/` says only that the process answers. `/ready/` says whether it can do its work: the
database takes a query, the cache table is there, every migration is applied and the task worker
keeps up (no due task has waited longer than `WERKVREDE_READY_TASK_MAX_AGE` seconds). The answers
name checks, never data. `ProbeMiddleware` answers both paths before the host check and the HTTPS
redirect, since a probe comes by IP address over plain HTTP; no other path is exempt.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

OK = "ok"
FAILED = "failed"
_CACHE_PROBE_KEY = "werkvrede:ready-probe"
# Once every migration is applied it stays so for the life of this process (new migrations arrive with
# new code, hence a new process); reading the migration files on every probe would be wasted work.
_migrations_applied = False


def _database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return bool(cursor.fetchone() == (1,))


def _cache() -> bool:
    cache.get(_CACHE_PROBE_KEY)  # a missing cache table raises here
    return True


def _migrations() -> bool:
    global _migrations_applied  # a per-process memo, see above
    if not _migrations_applied:
        executor = MigrationExecutor(connection)
        _migrations_applied = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return _migrations_applied


def _tasks() -> bool:
    """No task has been due for longer than the threshold: the worker runs and keeps up."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    cutoff = timezone.now() - timedelta(seconds=int(settings.WERKVREDE_READY_TASK_MAX_AGE))
    overdue = (
        DBTaskResult.objects.ready()
        .filter(enqueued_at__lt=cutoff)
        .filter(Q(run_after=get_date_max()) | Q(run_after__lt=cutoff))
    )
    return not overdue.exists()


CHECKS: dict[str, Callable[[], bool]] = {
    "database": _database,
    "cache": _cache,
    "migrations": _migrations,
    "tasks": _tasks,
}


def readiness() -> dict[str, str]:
    """Each check's outcome; a check that raises has failed (after the database failed, all may)."""
    outcome: dict[str, str] = {}
    for name, check in CHECKS.items():
        try:
            passed = check()
        except DatabaseError:
            passed = False
        outcome[name] = OK if passed else FAILED
    return outcome


def health_response() -> JsonResponse:
    return JsonResponse({"status": "ok"})


def ready_response() -> JsonResponse:
    checks = readiness()
    if all(value == OK for value in checks.values()):
        return JsonResponse({"status": "ready", "checks": checks})
    return JsonResponse({"status": "unavailable", "checks": checks}, status=503)


PROBES: dict[str, Callable[[], JsonResponse]] = {"/health/": health_response, "/ready/": ready_response}


class ProbeMiddleware:
    """First in the chain: answers a GET or HEAD of exactly `/health/` or `/ready/`, whatever the
    Host header or scheme, so that neither the host check (400) nor the HTTPS redirect (301) applies."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info)
        if probe is None or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        response = probe()
        response["Cache-Control"] = "no-store"
        return response
