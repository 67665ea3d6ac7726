"""JSON API: erasure on request (AVG art. 17; docs/adr/0180-erasure-on-request.md), under /api/v1.

(No `from __future__ import annotations` here: django-ninja reads the annotations at import time.)
"""

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Status

from werkvrede.accounts.models import Membership
from werkvrede.accounts.selectors import MEMBERSHIP
from werkvrede.core.access import api_requires
from werkvrede.core.api_findings import RefusalOut, refusal_body
from werkvrede.core.types import Out
from werkvrede.erasure import services
from werkvrede.erasure.plan import Plan
from werkvrede.erasure.policies import ERASE

router = Router(tags=["privacy"])


class ErasureItemOut(Out):
    key: str = Field(..., description="what the line is about, e.g. cases.closed, sickness.ba_file")
    context: str
    category: str = Field(..., description="the data category code (D01…D21, docs/rules.md), or empty")
    verdict: str = Field(..., description="goes, stays or anonymised")
    reason: str
    count: int | None = Field(None, description="how many; null for a segregated store (R-139)")
    rule: str = Field(..., description="the retention rule (R-140…R-149), or empty")


class ErasureHoldOut(Out):
    on: str = Field(..., description="person or case")
    case_reference: str = Field(..., description="the case's reference; empty for a hold on the person")
    category: str
    reason: str
    since: date


class ErasurePreviewOut(Out):
    blocked: bool = Field(..., description="an active legal hold refuses the erasure")
    holds: list[ErasureHoldOut]
    items: list[ErasureItemOut]


class ErasureDoneOut(Out):
    cases_anonymised: int
    sick_reports_cleared: int
    calendar_feeds_revoked: int
    files_removed: int = Field(..., description="stored files of documents the erased records owned")
    account_anonymised: bool


def _preview_out(plan: Plan) -> ErasurePreviewOut:
    return ErasurePreviewOut(
        blocked=plan.blocked,
        holds=[ErasureHoldOut(**h.__dict__) for h in plan.holds],
        items=[
            ErasureItemOut(
                key=i.key,
                context=str(i.context),
                category=i.category,
                verdict=i.verdict,
                reason=str(i.reason),
                count=i.count,
                rule=i.rule,
            )
            for i in plan.items
        ],
    )


@router.get(
    "/people/{membership_id}/erasure-preview",
    response=ErasurePreviewOut,
    url_name="people-erasure-preview",
    summary="What erasing this person's data would remove and keep, and why",
)
@api_requires(ERASE, on=MEMBERSHIP)
def erasure_preview(request: HttpRequest, membership: Membership) -> ErasurePreviewOut:
    """The Beheerder's preview in counts and words, never content (AVG art. 17)."""
    plan = services.preview(
        actor=request.actor,  # type: ignore[attr-defined]
        membership=membership,
        today=timezone.localdate(),
    )
    return _preview_out(plan)


@router.post(
    "/people/{membership_id}/erasure",
    response={200: ErasureDoneOut, 409: RefusalOut},
    url_name="people-erasure",
    summary="Erase this person's data that has no remaining legal basis",
)
@api_requires(ERASE, on=MEMBERSHIP)
def erasure(request: HttpRequest, membership: Membership) -> Any:
    """Irreversible. Refused with 409 while a legal hold lies on the person or one of their cases."""
    try:
        counts = services.erase(
            actor=request.actor,  # type: ignore[attr-defined]
            membership=membership,
            today=timezone.localdate(),
        )
    except services.ErasureBlocked as exc:
        # Answered, not raised: the block's audit event must not be rolled back with the request.
        return Status(409, refusal_body(exc))
    return Status(200, ErasureDoneOut(**counts))
