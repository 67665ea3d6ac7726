"""The public JSON API of the whistleblower channel (SM-8, D18), for an organisation's intranet.

Mounted under /api/v1 by werkvrede.api; no log-in: each operation is marked public
(`core.access.public`) and listed in tests/security/test_url_classification.py. Sending: this
channel's own operation, or the vertrouwenspersoon's `POST /public/{slug}/reports` with
`"channel": "whistleblower"` (ADR 0092). Reading and replying need the receipt code in the header
`Authorization: Receipt <code>`; a wrong or missing code answers 401 after a constant delay, too many
wrong codes 429 (the limits are shared with the VP's channel, core.receipts).

(No `from __future__ import annotations` here: django-ninja reads the annotations at import time.)
"""

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Router, Status
from ninja.errors import HttpError
from ninja.security import APIKeyHeader

from werkvrede.core import receipts
from werkvrede.core.access import public
from werkvrede.core.reporting import Submitted
from werkvrede.core.types import CODE_PATTERN, Input, Out, Text
from werkvrede.whistleblower import selectors, services
from werkvrede.whistleblower.policies import WhistleReceiptHolder

router = Router(tags=["whistleblower channel"])

RECEIPT_SCHEME = "Receipt"
TOO_MANY_CODES = "too many wrong receipt codes from here or in total; try again within the hour"
TOO_MANY_REPORTS = "too many reports for this organisation or from here; try again within the hour"
_CHANNEL = "whistleblower"


def check_receipt(request: HttpRequest, code: str) -> WhistleReceiptHolder | None:
    """The holder of `code` after the constant delay; a wrong code counts towards the limits."""
    holder = receipts.after_constant_delay(services.receipt_holder, code)
    if holder is None:
        receipts.receipt_failed(request)
    return holder


class Receipt(APIKeyHeader):
    """`Authorization: Receipt <code>`: the receipt code of an anonymous whistleblower report."""

    param_name = "Authorization"
    openapi_description = (
        "The receipt code of an anonymous whistleblower report, shown once when it was sent: "
        "`Authorization: Receipt 1234 5678 9012 3456`. A wrong or missing code answers 401 after a "
        "constant delay; too many wrong codes (per client and in total, per hour) answer 429."
    )

    def authenticate(self, request: HttpRequest, key: str | None) -> WhistleReceiptHolder | None:
        if not receipts.receipt_attempt_allowed(request):
            raise HttpError(429, TOO_MANY_CODES)
        scheme, _, code = (key or "").strip().partition(" ")
        if scheme.casefold() != RECEIPT_SCHEME.casefold():
            code = ""
        return check_receipt(request, code)


Slug = Annotated[str, Field(min_length=1, max_length=50, pattern=CODE_PATTERN)]


class WhistleReportIn(Input):
    message: Annotated[Text, Field(min_length=1)]


class WhistleReceiptOut(Out):
    receipt: str


class WhistleMessageIn(Input):
    message: Annotated[Text, Field(min_length=1)]


class WhistleMessageOut(Out):
    side: str
    written_on: date
    text: str


class WhistleDeadlineOut(Out):
    code: str
    due: date
    done_on: date | None
    status: str
    # DONE_LATE: working days after the due date; the rule it breaks.
    late_working_days: int | None
    rule: str


class WhistleReportOut(Out):
    state: str
    state_label: str
    received_on: date
    acknowledged_on: date | None
    feedback_on: date | None
    deadlines: list[WhistleDeadlineOut]
    messages: list[WhistleMessageOut]


class WhistleErrorOut(Out):
    detail: str


F = TypeVar("F", bound=Callable[..., Any])


def _public(operation: F) -> F:
    public(operation)
    return operation


def submit(request: HttpRequest, slug: str, message: str) -> Submitted:
    """Send an anonymous report to the organisation behind `slug` (also the VP operation's channel)."""
    organisation = selectors.channel_of(slug)
    if organisation is None:
        return Submitted(not_found=True)
    if not receipts.submission_allowed(request, organisation.pk, channel=_CHANNEL):
        return Submitted(limited=True)
    _report, receipt = services.anonymous_report(
        organisation_id=organisation.pk, message=message, today=timezone.localdate()
    )
    return Submitted(receipt=receipt)


@router.post(
    "/public/{slug}/whistleblower-reports",
    response={201: WhistleReceiptOut, 429: WhistleErrorOut},
    auth=None,
    url_name="public-whistleblower-report",
    summary="Send an anonymous report of a suspected misstand to the organisation's designated officers",
)
@_public
def report_send(request: HttpRequest, slug: Slug, payload: WhistleReportIn) -> Status[Any]:
    """No log-in. Answers the receipt code, shown this once and never stored: with it,
    `GET /public/whistleblower-reports/mine` reads the acknowledgement and the feedback. Stored: the
    day and the sealed message — no name, address, browser or time of day. An unknown organisation
    and one without a designated officer answer 404 alike; too many reports in an hour answer 429."""
    result = submit(request, slug, payload.message)
    if result.not_found:
        raise Http404
    if result.limited:
        raise HttpError(429, TOO_MANY_REPORTS)
    return Status(201, WhistleReceiptOut(receipt=result.receipt))


def _holder(request: HttpRequest) -> WhistleReceiptHolder:
    return request.auth  # type: ignore[attr-defined, no-any-return]


@router.get(
    "/public/whistleblower-reports/mine",
    response={200: WhistleReportOut, 429: WhistleErrorOut},
    auth=Receipt(),
    url_name="public-whistleblower-mine",
    summary="Read one's anonymous whistleblower report with its receipt code",
)
@_public
def report_mine(request: HttpRequest) -> WhistleReportOut:
    """The report the receipt code opens: its state (SM-8), the deadlines T-20 and T-21 with their
    due dates, and every message of both sides, dated to the day."""
    holder = _holder(request)
    report = selectors.report_get_for(holder, holder.report_id)
    return WhistleReportOut(
        state=report.state,
        state_label=str(report.get_state_display()),
        received_on=report.received_on,
        acknowledged_on=report.acknowledged_on,
        feedback_on=report.feedback_on,
        deadlines=[
            WhistleDeadlineOut(
                code=d.code,
                due=d.due,
                done_on=d.done_on,
                status=d.status,
                late_working_days=d.late_working_days,
                rule=d.rule,
            )
            for d in selectors.deadlines_of(report, today=timezone.localdate())
        ],
        messages=[
            WhistleMessageOut(side=v.message.side, written_on=v.message.written_on, text=v.text)
            for v in selectors.messages_for(holder, report)
        ],
    )


@router.post(
    "/public/whistleblower-reports/mine/messages",
    response={201: WhistleMessageOut, 429: WhistleErrorOut},
    auth=Receipt(),
    url_name="public-whistleblower-reply",
    summary="Reply to the designated officers with the receipt code",
)
@_public
def report_reply(request: HttpRequest, payload: WhistleMessageIn) -> Status[Any]:
    """Write in the report the receipt code opens, while it is open (403 when it is closed)."""
    holder = _holder(request)
    report = selectors.report_get_for(holder, holder.report_id)
    message = services.message_write(
        actor=holder, report=report, text=payload.message, today=timezone.localdate()
    )
    return Status(
        201, WhistleMessageOut(side=message.side, written_on=message.written_on, text=payload.message)
    )
