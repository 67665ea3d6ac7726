from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader

from werkvrede.audit.context import current_request_id
from werkvrede.audit.selectors import audit_event_list_for
from werkvrede.audit.subject_reads import VIEW as OWN_READS
from werkvrede.audit.subject_reads import reads_page
from werkvrede.core.access import requires
from werkvrede.core.pagination import window_page


@requires("audit.log.view")
def log(request: HttpRequest) -> HttpResponse:
    events = audit_event_list_for(request.actor)  # type: ignore[attr-defined]
    # No total count: counting an organisation's events grows with its log (ADR 0192).
    page = window_page(events, request.GET.get("pagina"), 50)
    return render(request, "audit/log.html", {"page": page})


@requires(OWN_READS)
def my_reads(request: HttpRequest) -> HttpResponse:
    """ "Wie heeft mijn gegevens ingezien?": the audited reads of my sensitive data by others."""
    page, lines = reads_page(request.actor, request.GET.get("pagina"))  # type: ignore[attr-defined]
    return render(request, "audit/my_reads.html", {"page": page, "lines": lines})


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's handler500: nothing about the failure, only the request id to quote (ASVS 7.4.1), the
    one the request's audit events carry. Rendered without context processors or the page shell:
    those may be what failed."""
    request_id = current_request_id.get()
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "server error", "request_id": request_id}, status=500)
    return HttpResponseServerError(loader.get_template("500.html").render({"request_id": request_id}))
