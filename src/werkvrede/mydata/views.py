from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import translation

from werkvrede.core.access import requires
from werkvrede.core.refusals import Refusal
from werkvrede.mydata import services
from werkvrede.mydata.models import ExportRequest
from werkvrede.mydata.rendering import SCHEMA_PATH
from werkvrede.mydata.selectors import EXPORT, exports_of

SHOWN = 10


@requires("mydata.export.view")
def page(request: HttpRequest) -> HttpResponse:
    """ "Mijn gegevens": ask for the export, follow its progress, download it while it is valid."""
    exports = list(exports_of(request.actor)[:SHOWN])  # type: ignore[attr-defined]
    running = any(e.in_progress for e in exports)
    context = {"exports": exports, "running": running}
    if request.headers.get("HX-Request"):
        # The progress region polls itself while an export is being made (no inline script, CSP).
        return render(request, "mydata/_exports.html", context)
    return render(request, "mydata/page.html", context)


@requires("mydata.export.request")
def export_request(request: HttpRequest) -> HttpResponseBase:
    if request.method != "POST":
        return redirect("mydata:page")
    services.export_request(
        actor=request.actor,  # type: ignore[attr-defined]
        language=(translation.get_language() or "nl")[:2],
    )
    return redirect("mydata:page")


def _download(request: HttpRequest, export: ExportRequest, fmt: services.Format) -> HttpResponseBase:
    try:
        body = services.export_download(actor=request.actor, export=export, fmt=fmt)  # type: ignore[attr-defined]
    except Refusal as refusal:
        # Not ready yet or expired: back to the page, which shows the state and lets them ask anew.
        messages.error(request, refusal.message)
        return redirect("mydata:page")
    content_type = "application/json" if fmt == "json" else "application/pdf"
    response = HttpResponse(body, content_type=content_type)
    stamp = export.finished_at.strftime("%Y-%m-%d") if export.finished_at else "export"
    response["Content-Disposition"] = f'attachment; filename="mijn-gegevens-{stamp}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@requires("mydata.export.download", on=EXPORT)
def download_json(request: HttpRequest, export: ExportRequest) -> HttpResponseBase:
    return _download(request, export, "json")


@requires("mydata.export.download", on=EXPORT)
def download_pdf(request: HttpRequest, export: ExportRequest) -> HttpResponseBase:
    return _download(request, export, "pdf")


@requires("mydata.export.view")
def schema(request: HttpRequest) -> HttpResponse:
    """The published JSON Schema the JSON file validates against."""
    return HttpResponse(SCHEMA_PATH.read_bytes(), content_type="application/schema+json")
