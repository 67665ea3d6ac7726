"""The referral and confidentiality-review part of a report page (R-102, R-103, CC-6)."""

from __future__ import annotations

from typing import Any

from django import template

from werkvrede.confidential.models import ReferralStatus, Report, ReportState
from werkvrede.confidential.policies import is_vp_of
from werkvrede.confidential.referral_forms import BreachDecideForm
from werkvrede.confidential.referral_selectors import pending_review, referrals_of_report
from werkvrede.core.policy import allowed

register = template.Library()


@register.inclusion_tag("confidential/_referrals.html", takes_context=True)
def report_referrals(context: dict[str, Any], report: Report) -> dict[str, Any]:
    actor = getattr(context["request"], "actor", None)
    if actor is None:
        return {"report": report, "views": [], "is_vp": False, "anonymous": report.is_anonymous}
    vp = is_vp_of(actor, report)
    in_review = report.state == ReportState.CONFIDENTIALITY_BREACH_REVIEW
    return {
        "report": report,
        "is_vp": vp,
        "views": referrals_of_report(actor, report),
        "status": ReferralStatus,
        "can_propose": allowed(actor, "confidential.referral.propose", report),
        "anonymous": report.is_anonymous,
        "can_consider": allowed(actor, "confidential.breach.consider", report),
        "review": pending_review(actor, report) if vp and in_review else None,
        "decide_form": BreachDecideForm() if vp and in_review else None,
        "in_review": in_review,
    }
