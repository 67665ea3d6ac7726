"""Who may do what with a referral (R-102, CC-6) and a confidentiality review (R-103).

A referral's summary is D15: the VP and the melder read it; the named recipient reads it only while
the melder's written consent naming them is valid (CC-6; D15 in docs/rules.md). A withdrawn consent
closes the recipient's access at once (R-172). Nothing else of the report reaches the recipient.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from werkvrede.confidential.models import (
    ACTIVE_STATES,
    BreachReview,
    Referral,
    ReferralStatus,
    ReportState,
)
from werkvrede.confidential.policies import can_view, is_melder_of, is_vp_of
from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role

#: The roles a referral can be addressed to inside the organisation (the people who get the list).
RECIPIENT_ROLES = frozenset(
    {Role.HR_ADVISER, Role.OCCUPATIONAL_PHYSICIAN, Role.COMPANY_SOCIAL_WORKER, Role.MEDIATOR}
)


@rule(
    "confidential.referral.propose",
    "Propose a referral to the melder (R-102, SM-6 row 5): the VP, on a named report in advice.",
)
def can_propose(actor: Actor, report: Any) -> bool:
    return is_vp_of(actor, report) and report.state == ReportState.ADVICE


@rule(
    "confidential.referral.answer",
    "Consent to a proposed referral or decline it (CC-6): the report's named melder.",
)
def can_answer(actor: Actor, referral: Any) -> bool:
    return (
        isinstance(referral, Referral)
        and referral.report.melder_id is not None
        and is_melder_of(actor, referral.report)
        and can_view(actor, referral.report)
    )


@rule(
    "confidential.referral.list",
    "The list of referrals addressed to oneself (D15 column C): HR, BA, BMW and MED.",
)
def can_list(actor: Actor, obj: Any) -> bool:
    return (
        actor.organisation_id is not None
        and actor.user_id is not None
        and bool(actor.roles & RECIPIENT_ROLES)
    )


@rule(
    "confidential.referral.view",
    "Read a referral's summary as its recipient (CC-6): the named recipient while the consent is valid.",
)
def can_view_referral(actor: Actor, referral: Any) -> bool:
    if not isinstance(referral, Referral) or referral.status != ReferralStatus.ACCEPTED:
        return False
    consent = referral.consent
    return (
        consent is not None
        and referral.recipient_id is not None
        and referral.recipient_id == actor.user_id
        and referral.report.organisation_id == actor.organisation_id
        and consent.recipient_id == actor.user_id
        and consent.is_valid_on(timezone.localdate())
        and referral.report.state != ReportState.DOSSIER_DESTROYED
    )


@rule(
    "confidential.referral.summary.read",
    "Open a referral's sealed summary (D15): the VP, the melder, and the recipient with a valid consent.",
)
def can_read_summary(actor: Actor, sealed: Any) -> bool:
    if getattr(sealed, "compartment", None) != "D15":
        return False
    referral = Referral.objects.filter(summary=sealed).select_related("report", "consent").first()
    if referral is None:
        return False
    return can_view(actor, referral.report) or can_view_referral(actor, referral)


@rule(
    "confidential.breach.consider",
    "Consider breaking confidentiality (R-103, SM-6 row 7): the VP, on an active report.",
)
def can_consider_breach(actor: Actor, report: Any) -> bool:
    return (
        is_vp_of(actor, report)
        and report.state in ACTIVE_STATES
        and report.state != ReportState.CONFIDENTIALITY_BREACH_REVIEW
    )


@rule(
    "confidential.breach.decide",
    "Record the outcome of a confidentiality review and return the report (R-103): the VP.",
)
def can_decide_breach(actor: Actor, report: Any) -> bool:
    return is_vp_of(actor, report) and report.state == ReportState.CONFIDENTIALITY_BREACH_REVIEW


@rule(
    "confidential.breach.justification.read",
    "Open the sealed justification of a confidentiality review (D15): the VP.",
)
def can_read_justification(actor: Actor, sealed: Any) -> bool:
    if getattr(sealed, "compartment", None) != "D15":
        return False
    review = BreachReview.objects.filter(justification=sealed).select_related("report").first()
    return review is not None and is_vp_of(actor, review.report)
