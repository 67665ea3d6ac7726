from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from werkvrede.audit.selectors import audit_event_list_for
from werkvrede.core.access import requires


@requires("audit.log.view")
def log(request: HttpRequest) -> HttpResponse:
    events = audit_event_list_for(request.actor)  # type: ignore[attr-defined]
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    return render(request, "audit/log.html", {"page": page})
