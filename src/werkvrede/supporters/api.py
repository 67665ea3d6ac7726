"""JSON API of the supporters context, mounted under /api/v1 by werkvrede.api.

(No `from __future__ import annotations` here: django-ninja reads the annotations at import time.)
"""

from datetime import date, datetime
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Status
from pydantic import field_validator

from werkvrede.accounts.invitations import normalised_email
from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import CASE
from werkvrede.core.access import api_requires
from werkvrede.core.actor import Actor
from werkvrede.core.types import Choice, Email, Input, Name, Out, Text
from werkvrede.mediation.policies import MediationAccess
from werkvrede.mediation.selectors import MEDIATION
from werkvrede.supporters import selectors, services
from werkvrede.supporters.guidance import RIGHTS
from werkvrede.supporters.models import Section, SupporterGrant
from werkvrede.supporters.policies import is_supporter_of
from werkvrede.supporters.selectors import GRANT_API, GRANT_API_NOTE

router = Router(tags=["supporters"])


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


class GrantOut(Out):
    id: int
    employee_name: str
    supporter_name: str
    invited_at: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None


class PreparationNoteOut(Out):
    id: int
    section: str
    author_name: str
    created_at: datetime
    text: str


class RightOut(Out):
    code: str
    title: str
    text: str


class NoticeOut(Out):
    """D14 status notice: start and end dates only."""

    started_on: date | None
    ended_on: date | None


class GrantDetailOut(GrantOut):
    notes: list[PreparationNoteOut]
    rights: list[RightOut]
    # For the supporter only: D14 notices of the case's mediations, and those they are admitted to (CC-8).
    mediation_notices: list[NoticeOut] = []
    admitted_mediation_ids: list[int] = []


class InviteIn(Input):
    email: Email
    full_name: Annotated[Name, Field(min_length=1)]

    @field_validator("email")
    @classmethod
    def _valid_email(cls, value: str) -> str:
        try:
            return normalised_email(value)
        except ValidationError as exc:
            raise ValueError("not a valid e-mail address") from exc


class PreparationNoteIn(Input):
    section: Choice[Section]
    text: Annotated[Text, Field(min_length=1)]


def _grant_out(grant: SupporterGrant) -> GrantOut:
    return GrantOut(
        id=grant.pk,
        employee_name=grant.employee.full_name,
        supporter_name=grant.supporter_name,
        invited_at=grant.invited_at,
        accepted_at=grant.accepted_at,
        revoked_at=grant.revoked_at,
    )


@router.get("/supporters/mine", response=list[GrantOut], url_name="supporters-mine")
@api_requires("supporters.grant.list_own")
def mine(request: HttpRequest) -> list[GrantOut]:
    """The supporter's active grants: whom they support (SUP only)."""
    return [_grant_out(g) for g in selectors.grants_supported_by(_actor(request))]


@router.get("/supporters/{grant_id}", response=GrantDetailOut, url_name="supporters-grant")
@api_requires("supporters.grant.view", on=GRANT_API)
def grant_detail(request: HttpRequest, grant: SupporterGrant) -> GrantDetailOut:
    """A grant with its preparation space (D17): for its supporter and its employee only."""
    actor = _actor(request)
    if is_supporter_of(actor, grant) and grant.accepted_at is None:
        services.grant_accept(grant=grant, user_id=actor.uid)
    notes = [
        PreparationNoteOut(
            id=view.note.pk,
            section=view.note.section,
            author_name=view.note.author.full_name,
            created_at=view.note.created_at,
            text=view.text,
        )
        for views in selectors.preparation_for(actor, grant).values()
        for view in views
    ]
    rights = [RightOut(code=r.code, title=str(r.title), text=str(r.text)) for r in RIGHTS]
    mediation = selectors.mediation_for(actor, grant)
    return GrantDetailOut(
        **_grant_out(grant).model_dump(),
        notes=notes,
        rights=rights,
        mediation_notices=[
            NoticeOut(started_on=n.started_on, ended_on=n.ended_on) for n in mediation.notices
        ],
        admitted_mediation_ids=[m.pk for m in mediation.admitted],
    )


@router.post(
    "/cases/{case_id}/supporters",
    response={201: GrantOut},
    url_name="supporters-invite",
)
@api_requires("supporters.supporter.invite", on=CASE)
def invite(request: HttpRequest, access: CaseAccess, payload: InviteIn) -> Status[Any]:
    """The employee (WN in the case) invites a supporter by e-mail."""
    actor = _actor(request)
    grant = services.supporter_invite(
        actor=actor, access=access, email=payload.email, full_name=payload.full_name
    )
    return Status(201, _grant_out(grant))


@router.post(
    "/mediations/{mediation_id}/supporters",
    response={201: GrantOut},
    url_name="supporters-mediation-invite",
)
@api_requires("supporters.mediation_supporter.invite", on=MEDIATION)
def mediation_invite(request: HttpRequest, access: MediationAccess, payload: InviteIn) -> Status[Any]:
    """A party (WN or WP) of a mediation without a case invites a supporter; the grant is the mediation's."""
    grant = services.supporter_invite_to_mediation(
        actor=_actor(request), access=access, email=payload.email, full_name=payload.full_name
    )
    return Status(201, _grant_out(grant))


@router.post("/supporters/{grant_id}/revoke", response=GrantOut, url_name="supporters-revoke")
@api_requires("supporters.grant.revoke", on=GRANT_API)
def revoke(request: HttpRequest, grant: SupporterGrant) -> GrantOut:
    """The employee revokes the supporter's access; effective on the supporter's next request."""
    actor = _actor(request)
    return _grant_out(services.grant_revoke(actor=actor, grant=grant))


@router.post(
    "/supporters/{grant_id}/notes", response={201: PreparationNoteOut}, url_name="supporters-note-add"
)
@api_requires("supporters.grant.view", on=GRANT_API_NOTE)
def note_add(
    request: HttpRequest, grant: SupporterGrant, payload: PreparationNoteIn
) -> Status[PreparationNoteOut]:
    """Write in the preparation space: the supporter (EXPECT, NOTES), the employee (OWN_POINTS)."""
    actor = _actor(request)
    note = services.note_write(actor=actor, grant=grant, section=payload.section, text=payload.text)
    return Status(
        201,
        PreparationNoteOut(
            id=note.pk,
            section=note.section,
            author_name=grant.supporter.full_name
            if note.author_id == grant.supporter_id
            else grant.employee.full_name,
            created_at=note.created_at,
            text=payload.text,
        ),
    )
