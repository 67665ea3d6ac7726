"""The shell: start page, language switch, health and readiness."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.i18n import set_language as django_set_language

from werkvrede.core.access import public, requires
from werkvrede.core.health import health_response, ready_response
from werkvrede.core.next_steps import next_steps_for
from werkvrede.core.startpages import sections_for, start_infos, start_panels


@requires("core.home.view")
def home(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    panels = start_panels(request)
    steps = next_steps_for(actor, today=timezone.localdate())
    return render(
        request,
        "core/home.html",
        {
            "sections": sections_for(actor.roles),
            "next_steps": steps,
            "panels": panels,
            "infos": start_infos(request),
        },
    )


set_language = public(django_set_language)


@public
def health(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers (core.health; answered earlier by its middleware)."""
    return health_response()


@public
def ready(request: HttpRequest) -> JsonResponse:
    """Readiness: database, cache table, migrations, task worker (core.health)."""
    return ready_response()
