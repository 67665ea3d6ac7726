"""JSON API: "Mijn gegevens", the person's data export (docs/adr/0170-my-data-export.md), under /api/v1.

Only the person themselves: anyone else's export is not found (404).
(No `from __future__ import annotations` here: django-ninja reads the annotations at import time.)
"""

from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from ninja import Field, Router, Status

from werkvrede.core.access import api_requires
from werkvrede.core.types import Out
from werkvrede.mydata import services
from werkvrede.mydata.models import ExportRequest, ExportState
from werkvrede.mydata.selectors import EXPORT

router = Router(tags=["privacy"])


class ExportOut(Out):
    id: int
    state: str = Field(..., description="QUEUED, RUNNING, READY, FAILED or EXPIRED")
    progress: int = Field(..., description="0 to 100")
    language: str
    created_at: datetime
    finished_at: datetime | None
    expires_at: datetime | None = Field(None, description="the downloads answer 409 (expired) from then on")
    json_url: str | None = Field(None, description="the JSON file, while READY")
    pdf_url: str | None = Field(None, description="the readable PDF, while READY")
    schema_url: str


def _out(export: ExportRequest) -> dict[str, Any]:
    state = export.shown_state()
    ready = state == ExportState.READY
    return {
        "id": export.pk,
        "state": state,
        "progress": export.progress,
        "language": export.language,
        "created_at": export.created_at,
        "finished_at": export.finished_at,
        "expires_at": export.expires_at,
        "json_url": reverse("api:my-export-json", args=[export.pk]) if ready else None,
        "pdf_url": reverse("api:my-export-pdf", args=[export.pk]) if ready else None,
        "schema_url": reverse("mydata:schema"),
    }


@router.post("/me/export", response={202: ExportOut}, url_name="my-export", summary="Ask for my data export")
@api_requires("mydata.export.request")
def export_request(request: HttpRequest) -> Status[dict[str, Any]]:
    """Everything Werkvrede holds about me, made by the task worker in my language (Accept-Language):
    follow it with GET /me/export/{id}. While one is being made, that one is the answer."""
    export = services.export_request(
        actor=request.actor,  # type: ignore[attr-defined]
        language=(translation.get_language() or "nl")[:2],
    )
    return Status(202, _out(export))


@router.get(
    "/me/export/{export_id}", response=ExportOut, url_name="my-export-detail", summary="My data export"
)
@api_requires("mydata.export.view", on=EXPORT)
def export_detail(request: HttpRequest, export: ExportRequest) -> dict[str, Any]:
    """State, progress and, while valid, the links to the files."""
    return _out(export)


def _file(request: HttpRequest, export: ExportRequest, fmt: services.Format) -> HttpResponse:
    body = services.export_download(actor=request.actor, export=export, fmt=fmt)  # type: ignore[attr-defined]
    response = HttpResponse(body, content_type="application/json" if fmt == "json" else "application/pdf")
    response["Content-Disposition"] = f'attachment; filename="mijn-gegevens-{export.pk}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


def _binary(content_type: str) -> dict[str, Any]:
    return {
        "responses": {
            "200": {
                "description": "The file, while READY and valid (audited); else 409 not_possible",
                "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


@router.get(
    "/me/export/{export_id}/json",
    response={200: None},
    url_name="my-export-json",
    summary="Download my data export (JSON)",
    openapi_extra=_binary("application/json"),
)
@api_requires("mydata.export.download", on=EXPORT)
def export_json(request: HttpRequest, export: ExportRequest) -> HttpResponse:
    """The JSON file; it validates against the published schema (`schema_url`)."""
    return _file(request, export, "json")


@router.get(
    "/me/export/{export_id}/pdf",
    response={200: None},
    url_name="my-export-pdf",
    summary="Download my data export (PDF)",
    openapi_extra=_binary("application/pdf"),
)
@api_requires("mydata.export.download", on=EXPORT)
def export_pdf(request: HttpRequest, export: ExportRequest) -> HttpResponse:
    """The readable PDF, in the language the export was asked in."""
    return _file(request, export, "pdf")
