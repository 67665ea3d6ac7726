"""JSON API of people and roles (ADR 0071), mounted under /api/v1 by werkvrede.api.

(No `from __future__ import annotations` here: django-ninja reads the annotations at import time.)
"""

from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Router, Status
from pydantic import field_validator

from werkvrede.accounts import people, people_import, selectors
from werkvrede.accounts.models import Invitation, Membership
from werkvrede.accounts.selectors import INVITATION, MEMBERSHIP
from werkvrede.core.access import api_requires
from werkvrede.core.actor import Actor
from werkvrede.core.pagination import offset_window
from werkvrede.core.refusals import Invalid
from werkvrede.core.roles import Role
from werkvrede.core.types import (
    TEXT_PATTERN,
    Choice,
    Email,
    Input,
    Limit,
    Line,
    Name,
    Offset,
    Out,
    forbidden_character,
)
from werkvrede.core.versioning import Version

router = Router(tags=["people"])

MAX_CSV_CHARACTERS = 60_000


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


class PeopleMemberOut(Out):
    id: int
    full_name: str
    email: str
    is_active: bool
    account_active: bool
    roles: list[str]
    version: int


class PeopleListOut(Out):
    next_offset: int | None
    results: list[PeopleMemberOut]


class PeopleInviteIn(Input):
    email: Email
    full_name: Annotated[Name, Field(min_length=1)]
    roles: Annotated[list[Choice[Role]], Field(min_length=1, max_length=len(Role))]


class PeopleInviteOut(Out):
    outcome: str = Field(description="invited, already_invited, roles_added or unchanged")
    email: str


class PeopleInvitationOut(Out):
    id: int
    email: str
    invited_name: str
    roles: list[str]
    link_issued_at: datetime
    withdrawn_at: datetime | None


class PeopleRolesIn(Input):
    # The member's version you edited (`version` of the member); stale: 409 `stale_version` (ADR 0146).
    version: Version
    roles: Annotated[list[Choice[Role]], Field(max_length=len(Role))]


class PeopleImportPreviewIn(Input):
    # The file as text. The API reads bodies up to 1 MB (werkvrede.api.body) and a character may take 12
    # bytes in JSON, so a call takes 60,000 characters (some 1,000 rows): send a larger file in parts,
    # each with its header row (preview and import each part), or upload it on the page (2 MB).
    csv: Annotated[
        str,
        Field(min_length=1, max_length=MAX_CSV_CHARACTERS, json_schema_extra={"pattern": TEXT_PATTERN}),
    ]

    @field_validator("csv")
    @classmethod
    def _no_control_characters(cls, value: str) -> str:
        char = forbidden_character(value)
        if char is not None:
            raise ValueError(f"must not contain control characters (found U+{ord(char):04X})")
        return value


class PeopleImportRowOut(Out):
    line: int
    email: str
    name: str
    roles: list[str]
    outcome: str
    errors: list[dict[str, str]] = Field(description="each: column, message")


class PeopleImportPreviewOut(Out):
    preview_id: str | None = Field(description="name this to import; None when the file itself is refused")
    all_valid: bool
    file_errors: list[str]
    rows: list[PeopleImportRowOut]


class PeopleImportIn(Input):
    preview_id: Annotated[Line, Field(min_length=1, max_length=64)]
    only_valid: bool = False


class PeopleImportOut(Out):
    counts: dict[str, int]
    rows: list[PeopleImportRowOut]


def _member_out(membership: Membership) -> PeopleMemberOut:
    return PeopleMemberOut(
        id=membership.pk,
        full_name=membership.user.full_name,
        email=membership.user.email,
        is_active=membership.is_active,
        account_active=membership.user.is_active,
        roles=sorted(g.role for g in membership.grants.all()),
        version=membership.version,
    )


def _invitation_out(invitation: Invitation) -> PeopleInvitationOut:
    return PeopleInvitationOut(
        id=invitation.pk,
        email=invitation.invitee.email,
        invited_name=invitation.invited_name,
        roles=[str(r) for r in invitation.role_list],
        link_issued_at=invitation.link_issued_at,
        withdrawn_at=invitation.withdrawn_at,
    )


def _row_out(row: people_import.Row) -> PeopleImportRowOut:
    return PeopleImportRowOut(
        line=row.line,
        email=row.email,
        name=row.name,
        roles=row.roles,
        outcome=row.outcome,
        errors=[{"column": c, "message": m} for c, m in row.errors],
    )


@router.get("/people", response=PeopleListOut, url_name="people-list", summary="People of my organisation")
@api_requires("accounts.people.view")
def people_list(
    request: HttpRequest,
    q: Annotated[Line, Field(max_length=200)] = "",
    offset: Offset = 0,
    limit: Limit = 50,
) -> dict[str, Any]:
    """Members (ADM, HR, CM), searchable by name or e-mail address; paged without a total count."""
    window = offset_window(selectors.people_search_for(_actor(request), q), offset, limit)
    return {
        "next_offset": window.next_offset,
        "results": [_member_out(m) for m in window.rows],
    }


@router.post("/people/invitations", response={201: PeopleInviteOut}, url_name="people-invite")
@api_requires("accounts.people.invite")
def people_invite(request: HttpRequest, payload: PeopleInviteIn) -> Status[Any]:
    """Invite an address with roles (not SUP); an active member gets the missing roles at once."""
    plan = people.person_invite(
        actor=_actor(request), email=payload.email, full_name=payload.full_name, roles=payload.roles
    )
    return Status(201, PeopleInviteOut(outcome=plan.outcome, email=plan.email))


@router.post(
    "/people/invitations/{invitation_id}/resend",
    response=PeopleInvitationOut,
    url_name="people-invitation-resend",
)
@api_requires("accounts.people.invite", on=INVITATION)
def invitation_resend(request: HttpRequest, invitation: Invitation) -> PeopleInvitationOut:
    """Send a fresh link; earlier links stop working."""
    return _invitation_out(people.invitation_resend(actor=_actor(request), invitation=invitation))


@router.post(
    "/people/invitations/{invitation_id}/withdraw",
    response=PeopleInvitationOut,
    url_name="people-invitation-withdraw",
)
@api_requires("accounts.people.invite", on=INVITATION)
def invitation_withdraw(request: HttpRequest, invitation: Invitation) -> PeopleInvitationOut:
    """Withdraw an open invitation; its link says so."""
    return _invitation_out(people.invitation_withdraw(actor=_actor(request), invitation=invitation))


@router.put("/people/{membership_id}/roles", response=PeopleMemberOut, url_name="people-roles")
@api_requires("accounts.person.roles", on=MEMBERSHIP)
def person_roles(request: HttpRequest, membership: Membership, payload: PeopleRolesIn) -> PeopleMemberOut:
    """Give the member exactly these roles (SOD-1, SOD-2 refused with 422 naming `roles`)."""
    people.roles_set(
        actor=_actor(request), membership=membership, roles=payload.roles, expected_version=payload.version
    )
    return _member_out(selectors.membership_get_for(_actor(request), membership.pk))


@router.post("/people/{membership_id}/deactivate", response=PeopleMemberOut, url_name="people-deactivate")
@api_requires("accounts.person.deactivate", on=MEMBERSHIP)
def person_deactivate(request: HttpRequest, membership: Membership) -> PeopleMemberOut:
    """A leaver: roles, open invitations and sessions end; records stay."""
    people.person_deactivate(actor=_actor(request), membership=membership)
    return _member_out(selectors.membership_get_for(_actor(request), membership.pk))


@router.post("/people/import/preview", response=PeopleImportPreviewOut, url_name="people-import-preview")
@api_requires("accounts.people.invite")
def import_preview(request: HttpRequest, payload: PeopleImportPreviewIn) -> PeopleImportPreviewOut:
    """Check a CSV file (email, name, roles, manager_email); nothing is imported. Kept in the session."""
    actor = _actor(request)
    preview = people_import.preview(actor=actor, data=payload.csv.encode("utf-8"))
    preview_id = (
        None
        if preview.file_errors
        else people_import.preview_store(request.session, people.organisation_of(actor), preview)
    )
    return PeopleImportPreviewOut(
        preview_id=preview_id,
        all_valid=preview.all_valid,
        file_errors=preview.file_errors,
        rows=[_row_out(r) for r in preview.rows],
    )


@router.post("/people/import", response=PeopleImportOut, url_name="people-import")
@api_requires("accounts.people.invite")
def import_confirm(request: HttpRequest, payload: PeopleImportIn) -> PeopleImportOut:
    """Import the preview `preview_id` of this session: all rows, or with `only_valid` the valid ones."""
    actor = _actor(request)
    rows = people_import.preview_rows(request.session, actor.organisation_id, payload.preview_id)
    if rows is None:
        raise Invalid.of(
            "preview_id", "unknown or expired preview; send the file to /people/import/preview again"
        )
    result = people_import.import_rows(actor=actor, rows=rows, only_valid=payload.only_valid)
    people_import.preview_forget(request.session)
    return PeopleImportOut(counts=result.counts, rows=[_row_out(r) for r in result.rows])
