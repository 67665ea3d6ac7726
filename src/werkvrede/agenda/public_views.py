"""The calendar feed URL (no log-in: calendar apps cannot log in; ADR 0118).

It answers GET only, sets no cookie and touches no session; an unknown or revoked secret is 404.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from werkvrede.agenda import ratelimit
from werkvrede.agenda.feed import feed_build
from werkvrede.agenda.services import feed_by_token
from werkvrede.core.access import public


@public
@never_cache
@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    if not ratelimit.fetch_allowed(request):
        response = HttpResponse("Too many requests", status=429, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(ratelimit.WINDOW_SECONDS)
        return response
    found = feed_by_token(token)
    built = feed_build(found) if found is not None else None
    if built is None:
        raise Http404
    response = HttpResponse(built.body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="werkvrede.ics"'
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
