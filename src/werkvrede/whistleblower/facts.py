"""The report as the guideline sees it (WhistleblowerReport in docs/rules.md): dates, never content."""

from __future__ import annotations

from typing import Any

from werkvrede.protocol.parameters import tenant_parameters
from werkvrede.protocol.selectors import protocol_for
from werkvrede.whistleblower.models import ChannelSettings, WhistleReport


def tenant(organisation_id: int) -> dict[str, Any]:
    """The protocol's parameters and what R-115 needs: the number of workers, the procedure."""
    facts = tenant_parameters(protocol_for(organisation_id))
    settings = ChannelSettings.objects.filter(organisation_id=organisation_id).first()
    if settings is not None:
        if settings.workers is not None:
            facts["organisation.workers"] = settings.workers
        facts["organisation.internal_reporting_procedure"] = settings.procedure_adopted
    return facts


def situation(report: WhistleReport | None, organisation_id: int) -> dict[str, Any]:
    facts: dict[str, Any] = {"tenant": tenant(organisation_id)}
    if report is not None:
        wb = {
            "received_on": report.received_on,
            "acknowledged_on": report.acknowledged_on,
            "feedback_on": report.feedback_on,
            "public_interest": report.public_interest,
            # routing carries nothing of the report into a conflict case.
            "data_in_conflict_case": False,
        }
        facts["whistleblower_report"] = {
            k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in wb.items() if v is not None
        }
    return facts
