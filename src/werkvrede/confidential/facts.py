"""The report as the guideline sees it (VPReport in docs/rules.md): never its content."""

from __future__ import annotations

from typing import Any

from werkvrede.confidential.models import Report
from werkvrede.guideline.model import UBCategory
from werkvrede.protocol.parameters import tenant_parameters
from werkvrede.protocol.selectors import protocol_for


def situation(report: Report, **override: Any) -> dict[str, Any]:
    """The report as the guideline sees it (VPReport in docs/rules.md): never its content."""
    facts: dict[str, Any] = {
        "intake_on": report.intake_on.isoformat() if report.intake_on else None,
        "confidentiality_explained": report.confidentiality_explained or None,
        "privilege_limits_explained": report.privilege_limits_explained or None,
        "registration_consent": True if report.registration_consent_on else None,
        "closed_on": report.closed_on.isoformat() if report.closed_on else None,
        "in_annual_report_on": report.in_annual_report_on.isoformat() if report.in_annual_report_on else None,
        "destroyed_on": report.destroyed_on.isoformat() if report.destroyed_on else None,
    }
    # an organisation's own category is not one the guideline knows; it stays out.
    if report.category in UBCategory.__members__:
        facts["category"] = report.category
    facts.update(override)
    return {
        "tenant": tenant_parameters(protocol_for(report.organisation_id)),
        "vp_report": {k: v for k, v in facts.items() if v is not None},
    }
