"""/health/ and /ready/ answer a load balancer's probe by IP over plain HTTP; nothing else is exempt
from the host check and the HTTPS redirect (docs/adr/0155-behind-a-proxy.md)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.db import DatabaseError
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from werkvrede.core import health

pytestmark = pytest.mark.django_db

# What the production settings set (config/settings/prod.py), with the site's own host name.
PRODUCTION = {
    "ALLOWED_HOSTS": ["werkvrede.example.nl"],
    "SECURE_SSL_REDIRECT": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
}


@pytest.fixture
def probe() -> Iterator[Client]:
    with override_settings(**PRODUCTION):
        yield Client(HTTP_HOST="10.0.3.17:8000")  # a probe by the pod's IP address, no X-Forwarded-Proto


def test_health_and_ready_answer_a_probe_by_ip_without_https_headers(probe: Client) -> None:
    alive = probe.get("/health/")
    assert alive.status_code == 200 and alive.json() == {"status": "ok"}
    ready = probe.get("/ready/")
    assert ready.status_code == 200
    assert ready.json() == {
        "status": "ready",
        "checks": {"database": "ok", "cache": "ok", "migrations": "ok", "tasks": "ok"},
    }
    assert probe.head("/ready/").status_code == 200


@pytest.mark.parametrize(
    "path", ["/", "/health", "/health/x/", "/ready/x", "/account/inloggen/", "/api/v1/cases", "/static/x"]
)
def test_every_other_path_still_meets_the_host_check(probe: Client, path: str) -> None:
    assert probe.get(path).status_code == 400


def test_a_post_to_a_probe_path_is_no_probe(probe: Client) -> None:
    assert probe.post("/health/").status_code == 400


def test_with_the_right_host_every_other_path_is_still_redirected_to_https() -> None:
    with override_settings(**PRODUCTION):
        site = Client(HTTP_HOST="werkvrede.example.nl")
        for path in ("/", "/account/inloggen/", "/api/v1/cases"):
            response = site.get(path)
            assert response.status_code == 301 and response["Location"].startswith("https://"), path
        assert site.get("/health/").status_code == 200


def _overdue_task(age: timedelta) -> None:
    DBTaskResult.objects.create(
        task_path="werkvrede.notifications.tasks.x",
        args_kwargs={"args": [], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=0,
        run_after=timezone.now() - age,
    )
    DBTaskResult.objects.update(enqueued_at=timezone.now() - age)


@override_settings(WERKVREDE_READY_TASK_MAX_AGE=15 * 60)
def test_ready_fails_when_a_task_has_waited_too_long_for_the_worker(client: Client) -> None:
    _overdue_task(timedelta(minutes=5))
    assert client.get("/ready/").status_code == 200  # waiting a little is normal
    _overdue_task(timedelta(minutes=20))
    response = client.get("/ready/")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["tasks"] == "failed"
    assert response.json()["checks"]["database"] == "ok"


def test_ready_names_a_failing_check_and_nothing_else(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> bool:
        raise DatabaseError('relation "werkvrede_cache" does not exist')

    monkeypatch.setitem(health.CHECKS, "cache", broken)
    response = client.get("/ready/")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "cache": "failed", "migrations": "ok", "tasks": "ok"},
    }
    assert b"werkvrede_cache" not in response.content


def test_ready_fails_while_a_migration_is_not_applied(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(health, "_migrations_applied", False)
    monkeypatch.setattr(
        "django.db.migrations.executor.MigrationExecutor.migration_plan", lambda self, targets: [("x", False)]
    )
    assert client.get("/ready/").json()["checks"]["migrations"] == "failed"
