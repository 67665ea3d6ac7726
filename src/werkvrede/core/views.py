"""The shell: start page, language switch, health."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.i18n import set_language as django_set_language

from werkvrede.core.access import public, requires
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
    """Liveness and readiness: the process answers and the database takes a query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means "not ready"
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
