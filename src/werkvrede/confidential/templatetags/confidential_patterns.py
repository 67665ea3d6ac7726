"""The VP's marks on the inbox and the report page (R-108): patterns, and whom a report concerns."""

from __future__ import annotations

from typing import Any

from django import template

from werkvrede.confidential import selectors
from werkvrede.confidential.models import Report
from werkvrede.confidential.policies import is_vp_of

register = template.Library()


@register.simple_tag(takes_context=True)
def pattern_reports(context: Any) -> set[int]:
    """The ids of the reports about a person named in reports of two or more melders (VP only)."""
    return selectors.pattern_report_ids(context["request"].actor)


@register.inclusion_tag("confidential/_concerns.html", takes_context=True)
def concerns_panel(context: Any, report: Report) -> dict[str, Any]:
    """The form "Over wie gaat deze melding?" for the report's VP; nothing for anyone else."""
    from werkvrede.confidential.annual_views import concerns_form

    actor = context["request"].actor
    show = is_vp_of(actor, report)
    return {
        "show": show,
        "report": report,
        "form": concerns_form(report) if show else None,
        "recorded": bool(report.concerns_ref) if show else False,
        "csrf_token": context.get("csrf_token"),
    }
