"""JSON API of the notifications context: the organisation's failed e-mail (ADM only, no content)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from werkvrede.core.access import api_requires
from werkvrede.core.types import Out
from werkvrede.notifications import outbox, selectors

router = Router(tags=["notifications"])


class FailedMailRoleOut(Out):
    recipient_role: str  # role codes of the recipients, comma-separated (e.g. "HR" or "BA,MED")
    count: int


class FailedMailOut(Out):
    count: int
    by_role: list[FailedMailRoleOut]


class ResentOut(Out):
    queued: int


@router.get(
    "/mail/failed",
    response={200: FailedMailOut},
    url_name="failed-mail",
    summary="How many e-mails failed, per recipient role",
)
@api_requires("notifications.mail.view")
def failed_mail(request: HttpRequest) -> FailedMailOut:
    """The organisation's e-mails that failed after every attempt: a count per recipient role, never
    the content or an address."""
    rows = selectors.failed_mail_for(request.actor)  # type: ignore[attr-defined]
    return FailedMailOut(
        count=sum(row.count for row in rows),
        by_role=[FailedMailRoleOut(recipient_role=row.recipient_role, count=row.count) for row in rows],
    )


@router.post(
    "/mail/failed/resend",
    response={200: ResentOut},
    url_name="failed-mail-resend",
    summary="Send the failed e-mails again",
)
@api_requires("notifications.mail.resend")
def failed_mail_resend(request: HttpRequest) -> ResentOut:
    """Queue every failed e-mail of the organisation again, with all its attempts (audited)."""
    return ResentOut(queued=outbox.failed_mail_resend(actor=request.actor))  # type: ignore[attr-defined]
