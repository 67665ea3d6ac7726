"""The "Agenda-koppeling" page of one's account: make, renew or revoke the calendar feed link."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from werkvrede.agenda import services
from werkvrede.core.access import requires

MANAGE = "agenda.feed.manage"


def _page(request: HttpRequest, new_url: str = "") -> HttpResponse:
    feed = services.feed_current(request.actor)  # type: ignore[attr-defined]
    return render(request, "agenda/settings.html", {"feed": feed, "new_url": new_url})


@requires(MANAGE)
def feed_settings(request: HttpRequest) -> HttpResponse:
    return _page(request)


@never_cache
@require_POST
@requires(MANAGE)
def feed_create(request: HttpRequest) -> HttpResponse:
    """The new link is shown on this answer only (only its digest is stored)."""
    language = (translation.get_language() or "nl")[:2]
    url = services.feed_create(actor=request.actor, language=language)  # type: ignore[attr-defined]
    return _page(request, new_url=url)


@require_POST
@requires(MANAGE)
def feed_revoke(request: HttpRequest) -> HttpResponseBase:
    if services.feed_revoke(actor=request.actor):  # type: ignore[attr-defined]
        messages.success(request, _("De agenda-koppeling is ingetrokken. De oude link werkt niet meer."))
    return redirect("agenda:settings")
