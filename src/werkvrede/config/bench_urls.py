"""The application's URLs plus the raw one-query baseline view that `make bench` compares against.

Only `settings.bench` uses this URLconf; it is never served in production.
"""

from __future__ import annotations

import random

from django.http import HttpRequest, JsonResponse
from django.urls import path

from werkvrede.cases.models import Case
from werkvrede.config.urls import urlpatterns as app_urlpatterns
from werkvrede.core.access import public


@public
def raw_one_query(request: HttpRequest) -> JsonResponse:
    """One primary-key select, no access layer: the floor the real pages are measured against."""
    case = Case.objects.filter(pk=random.randint(1, 100_000)).values("reference", "state").first()  # noqa: S311
    return JsonResponse({"case": case})


urlpatterns = [path("bench/raw/", raw_one_query), *app_urlpatterns]
