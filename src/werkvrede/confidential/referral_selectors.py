"""Reads of referrals (R-102, CC-6) and confidentiality reviews (R-103). Missing and forbidden answer
404 alike; every opened summary is an audited read of D15, for a recipient on the basis of the
melder's consent."""

from __future__ import annotations

from dataclasses import dataclass

from werkvrede.audit.reads import role_basis
from werkvrede.confidential.models import BreachReview, Referral, ReferralStatus, Report, ReportState
from werkvrede.confidential.policies import VP, is_vp_of
from werkvrede.core.access import object_from
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, hidden
from werkvrede.vault.services import unseal

LIST_SIZE = 100


@dataclass(frozen=True)
class ReferralView:
    referral: Referral
    summary: str


def _summary(actor: Actor, referral: Referral, basis: str) -> str:
    return unseal(
        actor=actor,
        sealed=referral.summary,
        action="confidential.referral.summary.read",
        subjects=[referral.report.melder_id],
        basis=basis,
    )


def referral_get_for(actor: Actor, referral_id: int) -> Referral:
    """A referral for its melder (to answer it) or the report's VP."""
    referral = (
        Referral.objects.filter(pk=referral_id, report__organisation_id=actor.organisation_id or 0)
        .select_related("report", "recipient", "other_party", "consent")
        .first()
    )
    if referral is None or not (
        allowed(actor, "confidential.referral.answer", referral)
        or allowed(actor, "confidential.report.view", referral.report)
    ):
        raise hidden(actor, "confidential.referral.answer", referral)
    return referral


REFERRAL = object_from("VP referral", "referral_id", "referral", referral_get_for)


def referrals_of_report(actor: Actor, report: Report) -> list[ReferralView]:
    """The report's referrals with their summaries, for the VP and the melder (D15)."""
    if not allowed(actor, "confidential.report.view", report):
        return []
    basis = role_basis(str(VP)) if is_vp_of(actor, report) else "melder"
    referrals = (
        Referral.objects.filter(report=report)
        .select_related("report", "recipient", "other_party", "consent", "summary", "mediation")
        .order_by("-pk")
    )
    return [ReferralView(r, _summary(actor, r, basis)) for r in referrals]


def referrals_to_me(actor: Actor) -> list[ReferralView]:
    """D15 column C: the referrals addressed to the actor with a valid consent, each with only the
    summary the melder agreed to (an audited read on the basis of the consent)."""
    if not allowed(actor, "confidential.referral.list"):
        return []
    referrals = (
        Referral.objects.filter(
            recipient_id=actor.user_id or 0,
            report__organisation_id=actor.organisation_id or 0,
            status=ReferralStatus.ACCEPTED,
            consent__withdrawn_at__isnull=True,
        )
        .exclude(report__state=ReportState.DOSSIER_DESTROYED)
        .select_related("report__melder", "consent", "summary", "mediation")
        .order_by("-made_on", "-pk")[:LIST_SIZE]
    )
    views = []
    for referral in referrals:
        if not allowed(actor, "confidential.referral.view", referral):
            continue
        views.append(ReferralView(referral, _summary(actor, referral, f"consent:{referral.consent_id}")))
    return views


def pending_review(actor: Actor, report: Report) -> BreachReview | None:
    if not is_vp_of(actor, report):
        return None
    return BreachReview.objects.filter(report=report, decided_on__isnull=True).first()
