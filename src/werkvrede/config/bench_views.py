"""The one-query view `make bench` measures as its anchors (a) and (b) (docs/benchmarks.md).

Only the bench URLconfs (`bench_urls`, `bench_plain_urls`) route to it; it is never served in production.
"""

from __future__ import annotations

import os
import random

from django.http import HttpRequest, HttpResponse, JsonResponse

from werkvrede.cases.models import Case
from werkvrede.core.access import public

# Case ids of a freshly generated bench database run from 1 to the case count.
_CASES = int(os.environ.get("WERKVREDE_BENCH_CASES", "1000000"))


@public
def raw_one_query(request: HttpRequest) -> JsonResponse:
    """One primary-key select, no access layer: the floor the real pages are measured against."""
    case = Case.objects.filter(pk=random.randint(1, _CASES)).values("reference", "state").first()  # noqa: S311
    return JsonResponse({"case": case})


@public
def raw_one_query_logged_in(request: HttpRequest) -> HttpResponse:
    """The same select for a logged-in person: Django reads the session and the user first, as every
    Werkvrede page must. Between this row and anchor (b) lies Werkvrede's own middleware."""
    if not request.user.is_authenticated:
        return HttpResponse(status=403)
    return raw_one_query(request)
