"""JSON API of the retention context: the purge report (counts only) and legal holds on people (R-140).

(No `from __future__ import annotations` here: django-ninja reads the annotations at import time.)
"""

from datetime import date, datetime
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Router, Status

from werkvrede.accounts.models import Membership
from werkvrede.accounts.selectors import MEMBERSHIP
from werkvrede.cases.models import LegalHoldCategory
from werkvrede.core.access import api_requires
from werkvrede.core.actor import Actor
from werkvrede.core.refusals import Invalid
from werkvrede.core.types import Choice, Input, Out, Text
from werkvrede.retention import selectors, services
from werkvrede.retention.models import PersonHold

router = Router(tags=["retention"])


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


class PurgeRunOut(Out):
    ran_at: datetime
    today: date
    # {"R-147": {"D17": 3, "SEALED": 3}}: rows per retention rule and data category, never who or what.
    purged: dict[str, dict[str, int]]
    held: dict[str, int]
    warned: dict[str, int]
    files_removed: int


@router.get(
    "/retention/purge-runs", response=list[PurgeRunOut], url_name="retention-purge-runs",
    summary="What the daily purge deleted, per retention rule and data category (counts only; ADM)",
)  # fmt: skip
@api_requires("retention.report.view")
def purge_runs(request: HttpRequest) -> list[PurgeRunOut]:
    return [
        PurgeRunOut(
            ran_at=run.ran_at,
            today=run.today,
            purged=run.purged,
            held=run.held,
            warned=run.warned,
            files_removed=run.files_removed,
        )
        for run in selectors.purge_runs_for(_actor(request))
    ]


class PersonHoldIn(Input):
    category: Choice[LegalHoldCategory]
    reason: Annotated[Text, Field(min_length=1, max_length=2000)]


class PersonHoldLiftIn(Input):
    lift_reason: Annotated[Text, Field(min_length=1, max_length=2000)]


class PersonHoldOut(Out):
    id: int
    person_id: int
    category: str
    reason: str
    active: bool
    set_at: datetime
    lifted_at: datetime | None
    lift_reason: str | None


def _out(hold: PersonHold) -> PersonHoldOut:
    return PersonHoldOut(
        id=hold.pk,
        person_id=hold.person_id,
        category=hold.category,
        reason=hold.reason,
        active=hold.active,
        set_at=hold.set_at,
        lifted_at=hold.lifted_at,
        lift_reason=hold.lift_reason or None,
    )


@router.get(
    "/retention/person-holds", response=list[PersonHoldOut], url_name="person-holds",
    summary="The people under an active legal hold, with its reason (R-140; HR, ADM)",
)  # fmt: skip
@api_requires("retention.person_hold.list")
def person_holds(request: HttpRequest) -> list[PersonHoldOut]:
    return [_out(h) for h in selectors.active_person_holds_for(_actor(request))]


@router.post(
    "/people/{membership_id}/legal-hold", response={201: PersonHoldOut},
    url_name="person-legal-hold-place",
    summary="Place a legal hold on the person with its reason: nothing about them is purged or erased",
)  # fmt: skip
@api_requires("retention.person_hold.manage", on=MEMBERSHIP)
def person_hold_place(request: HttpRequest, membership: Membership, payload: PersonHoldIn) -> Status[Any]:
    try:
        hold = services.person_hold_place(
            actor=_actor(request),
            person_id=membership.user_id,
            category=payload.category.value,
            reason=payload.reason,
        )
    except services.PersonHoldError as exc:
        raise Invalid.of("category", str(exc)) from exc
    return Status(201, _out(hold))


@router.post(
    "/people/{membership_id}/legal-hold/lift", response={200: PersonHoldOut},
    url_name="person-legal-hold-lift",
    summary="Lift the person's legal hold with a reason; the retention terms run again (R-140)",
)  # fmt: skip
@api_requires("retention.person_hold.manage", on=MEMBERSHIP)
def person_hold_lift(request: HttpRequest, membership: Membership, payload: PersonHoldLiftIn) -> Status[Any]:
    actor = _actor(request)
    active = next((h for h in selectors.person_holds_of(actor, membership) if h.active), None)
    if active is None:
        raise Invalid.of("lift_reason", "this person is not under a legal hold")
    try:
        hold = services.person_hold_lift(actor=actor, hold_id=active.pk, lift_reason=payload.lift_reason)
    except services.PersonHoldError as exc:
        raise Invalid.of("lift_reason", str(exc)) from exc
    return Status(200, _out(hold))
