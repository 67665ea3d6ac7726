"""JSON API of the consent context, mounted under /api/v1 by werkvrede.api.

Errors: 403 and 404 like the pages; 422 with the path of the field that is wrong.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Status
from pydantic import ConfigDict

from werkvrede.consent import selectors, services
from werkvrede.consent.models import Category, Consent
from werkvrede.consent.selectors import CONSENT
from werkvrede.core.access import api_requires
from werkvrede.core.roles import Role
from werkvrede.core.types import Choice, Date, Id, Input, Out, Text

router = Router(tags=["consent"])


class ConsentIn(Input):
    model_config = ConfigDict(extra="forbid")

    recipient_role: Choice[Role]
    recipient_membership_id: Id | None = None
    categories: list[Choice[Category]] = Field(min_length=1)
    purpose: Text
    given_on: Date
    expires_on: Date | None = None


class ConsentOut(Out):
    id: int
    data_subject_id: int
    requested_by_id: int
    recipient_role: str
    recipient_id: int | None
    categories: list[str]
    purpose: str
    given_on: date
    expires_on: date | None
    withdrawn: bool
    own: bool


def _out(consent: Consent, user_id: int | None) -> dict[str, Any]:
    return {
        "id": consent.pk,
        "data_subject_id": consent.data_subject_id,
        "requested_by_id": consent.requested_by_id,
        "recipient_role": consent.recipient_role,
        "recipient_id": consent.recipient_id,
        "categories": list(consent.categories),
        "purpose": consent.purpose,
        "given_on": consent.given_on,
        "expires_on": consent.expires_on,
        "withdrawn": consent.withdrawn_at is not None,
        "own": consent.data_subject_id == user_id,
    }


@router.get("/consents", response=list[ConsentOut], url_name="consents")
@api_requires("consent.consent.list")
def consents(request: HttpRequest) -> list[dict[str, Any]]:
    """Your own consents and the consents addressed to you (nobody else's)."""
    actor = request.actor  # type: ignore[attr-defined]
    found = [*selectors.own_consents(actor), *selectors.addressed_consents(actor)]
    return [_out(c, actor.user_id) for c in found]


@router.post("/consents", response={201: ConsentOut}, url_name="consents")
@api_requires("consent.consent.give")
def consent_give(request: HttpRequest, payload: ConsentIn) -> Status[dict[str, Any]]:
    """Give consent about your own data (CC-10)."""
    actor = request.actor  # type: ignore[attr-defined]
    consent = services.consent_give(
        actor=actor, data=services.ConsentInput(**payload.model_dump(), requested_by_membership_id=None)
    )
    return Status(201, _out(consent, actor.user_id))


@router.post("/consents/{consent_id}/withdraw", response=ConsentOut, url_name="consent-withdraw")
@api_requires("consent.consent.withdraw", on=CONSENT)
def consent_withdraw(request: HttpRequest, consent: Consent) -> dict[str, Any]:
    """Withdraw your consent: no disclosure on its basis from now on (R-172).

    Irreversible: sharing again needs a new consent. This call is the confirmation, so a client asks
    the person first, as the web page does (docs/adr/0164-a-tracker-on-the-mediation-page.md).
    """
    actor = request.actor  # type: ignore[attr-defined]
    return _out(services.consent_withdraw(actor=actor, consent_id=consent.pk), actor.user_id)
