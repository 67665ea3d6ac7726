"""JSON API of the protocol context, mounted under /api/v1 by werkvrede.api."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Status

from werkvrede.core.access import api_requires
from werkvrede.core.types import Count, Input, Line, Out, Text
from werkvrede.core.versioning import Version
from werkvrede.protocol import selectors, services
from werkvrede.protocol.models import ConflictProtocol
from werkvrede.protocol.parameters import EDITABLE_FIELDS

router = Router(tags=["protocol"])


class ProtocolOut(Out):
    version: int
    created_at: datetime | None
    conflict_leave_enabled: bool
    conflict_leave_max_days: int
    conflict_leave_window_months: int
    conflict_leave_day_unit: str
    ip_normal_max_days: int
    ip_exceptional_max_days: int
    ip_evaluation_due_working_days: int
    not_able_max_review_days: int
    inhouse_max_glasl: int
    mediation_max_glasl: int
    i1_min_case_age_days: int
    no_intervention_after_days: int
    aggregation_gap_days: int
    review_interval_days: int
    cooling_off_days: int
    cooling_off_days_without_clause: int
    repeat_window_months: int
    vp_min_cell: int
    retention_admin_absence_years: int
    retention_reintegration_years: int
    retention_ba_medical_years: int
    retention_mediation_years: int
    retention_supporter_notes_months: int
    retention_whistleblower_years: int
    ba_override_mode: str
    liberation_day: str
    hr_contact: str
    confidential_adviser_contact: str
    open_consultation: str
    emotions_sentence: str
    is_public: bool


class ProtocolIn(Input):
    """Only the fields given change; the others keep the value of the version in force. `version` is the
    version in force you edited (0: the defaults); when another was saved since: 409 `stale_version`."""

    version: Version

    conflict_leave_enabled: bool | None = None
    conflict_leave_max_days: Count | None = None
    conflict_leave_window_months: Count | None = None
    conflict_leave_day_unit: Literal["WORKING", "CALENDAR"] | None = None
    ip_normal_max_days: Count | None = None
    ip_exceptional_max_days: Count | None = None
    ip_evaluation_due_working_days: Count | None = None
    not_able_max_review_days: Count | None = None
    inhouse_max_glasl: Count | None = None
    mediation_max_glasl: Count | None = None
    i1_min_case_age_days: Count | None = None
    no_intervention_after_days: Count | None = None
    aggregation_gap_days: Count | None = None
    review_interval_days: Count | None = None
    cooling_off_days: Count | None = None
    cooling_off_days_without_clause: Count | None = None
    repeat_window_months: Count | None = None
    vp_min_cell: Count | None = None
    retention_admin_absence_years: Count | None = None
    retention_reintegration_years: Count | None = None
    retention_ba_medical_years: Count | None = None
    retention_mediation_years: Count | None = None
    retention_supporter_notes_months: Count | None = None
    retention_whistleblower_years: Count | None = None
    ba_override_mode: Literal["BLOCK", "WARN_J"] | None = None
    liberation_day: Literal["EVERY_YEAR", "LUSTRUM", "NEVER"] | None = None
    hr_contact: Line | None = None
    confidential_adviser_contact: Line | None = None
    open_consultation: Line | None = None
    emotions_sentence: Text | None = None
    is_public: bool | None = None


class VersionOut(Out):
    version: int
    created_at: datetime
    created_by: str | None


def _out(protocol: ConflictProtocol) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(protocol, name) for name in EDITABLE_FIELDS}
    data["version"] = protocol.version
    data["created_at"] = protocol.created_at if protocol.pk else None
    return data


def _organisation_id(request: HttpRequest) -> int:
    organisation_id: int = request.actor.organisation_id  # type: ignore[attr-defined]
    return organisation_id


@router.get("/protocol", response={200: ProtocolOut}, url_name="protocol", summary="The protocol in force")
@api_requires("protocol.page.view")
def protocol_get(request: HttpRequest) -> dict[str, Any]:
    """The organisation's conflict protocol: the version in force (version 0 = the defaults)."""
    return _out(selectors.protocol_for(_organisation_id(request)))


@router.put(
    "/protocol",
    response={200: ProtocolOut},
    url_name="protocol-update",
    summary="Save a new version of the protocol",
)
@api_requires("protocol.parameters.edit")
def protocol_put(request: HttpRequest, payload: ProtocolIn) -> Status[dict[str, Any]]:
    """Save a new version; 422 names each field that must be fixed."""
    values = {k: v for k, v in payload.dict().items() if v is not None and k != "version"}
    protocol = services.protocol_update(
        actor=request.actor,  # type: ignore[attr-defined]
        values=values,
        expected_version=payload.version,
    )
    return Status(200, _out(protocol))


@router.get(
    "/protocol/versions",
    response={200: list[VersionOut]},
    url_name="protocol-versions",
    summary="Every saved version of the protocol",
)
@api_requires("protocol.parameters.view")
def protocol_versions(request: HttpRequest) -> list[dict[str, Any]]:
    """Who saved which version, when (newest first)."""
    return [
        {
            "version": p.version,
            "created_at": p.created_at,
            "created_by": p.created_by.full_name if p.created_by else None,
        }
        for p in selectors.protocol_history(_organisation_id(request))
    ]
