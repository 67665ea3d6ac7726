"""Start-page information: who the vertrouwenspersoon is (R-100), the annual reports (D16)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from werkvrede.confidential import selectors
from werkvrede.core.confidential import advisers_of
from werkvrede.core.policy import allowed


def adviser_info(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    """For everyone who can turn to the VP: who that is and how (R-100), and their open reports."""
    actor = request.actor  # type: ignore[attr-defined]
    if not allowed(actor, "confidential.mine.open"):
        return None
    advisers = advisers_of(actor.organisation_id)
    if not advisers:
        return None
    return "confidential/_start_info.html", {
        "advisers": advisers,
        "open_reports": sum(1 for r in selectors.reports_of_melder(actor) if r.is_active),
    }


def annual_info(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    """For LG and HR: the VP's annual reports and advice to management (D16, R-108); for mediators:
    the trends they align on with the VP. The VP reaches all of it from the inbox."""
    actor = request.actor  # type: ignore[attr-defined]
    if allowed(actor, "confidential.inbox.open"):
        return None
    annual = allowed(actor, "confidential.annual.view")
    trends = allowed(actor, "confidential.trends.view")
    if not (annual or trends):
        return None
    return "confidential/_annual_info.html", {"annual": annual, "trends": trends}
