"""The public JSON API of anonymous reporting, for an organisation's intranet (SM-6, D15).

Mounted under /api/v1 by werkvrede.api. These operations need no log-in: they are marked public
(`core.access.public`) and listed in tests/security/test_url_classification.py. Sending a report
needs nothing; reading it and replying need its receipt code, in the header
`Authorization: Receipt <code>` (never in a URL). A wrong or missing code answers 401 after the
same constant delay as a right one; too many wrong codes answer 429 (docs/anonymous-reporting.md).

(No `from __future__ import annotations` here: django-ninja reads the annotations at import time.)
"""

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal, TypeVar

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Router, Status
from ninja.errors import HttpError
from ninja.security import APIKeyHeader

from werkvrede.accounts.models import Organisation
from werkvrede.confidential import anonymous, categories, selectors, services
from werkvrede.confidential.policies import ReceiptHolder
from werkvrede.core.access import public
from werkvrede.core.reporting import channel_submit
from werkvrede.core.types import CODE_PATTERN, Input, Out, Text

router = Router(tags=["anonymous reporting"])

RECEIPT_SCHEME = "Receipt"
TOO_MANY_CODES = "too many wrong receipt codes from here or in total; try again within the hour"
TOO_MANY_REPORTS = "too many reports for this organisation or from here; try again within the hour"


class Receipt(APIKeyHeader):
    """`Authorization: Receipt <code>`: the receipt code of an anonymous report (16 digits, spaces
    allowed). Checked after a constant delay; too many wrong codes answer 429."""

    param_name = "Authorization"
    openapi_description = (
        "The receipt code of an anonymous report, shown once when it was sent: "
        "`Authorization: Receipt 1234 5678 9012 3456`. A wrong or missing code answers 401 after a "
        "constant delay; too many wrong codes (per client and in total, per hour) answer 429."
    )

    def authenticate(self, request: HttpRequest, key: str | None) -> ReceiptHolder | None:
        if not anonymous.receipt_attempt_allowed(request):
            raise HttpError(429, TOO_MANY_CODES)
        scheme, _, code = (key or "").strip().partition(" ")
        if scheme.casefold() != RECEIPT_SCHEME.casefold():
            code = ""
        return anonymous.check_receipt(request, code)


# An organisation's slug (Organisation.slug) and a category code, as the API accepts them.
Slug = Annotated[str, Field(min_length=1, max_length=50, pattern=CODE_PATTERN)]
CategoryCode = Annotated[str, Field(min_length=1, max_length=40, pattern=CODE_PATTERN)]


class AnonymousReportIn(Input):
    category: CategoryCode | None = None
    message: Annotated[Text, Field(min_length=1)]
    # "vp" (default) or another reporting channel registered in core.reporting (ADR 0092).
    channel: Literal["vp", "whistleblower"] = "vp"


class AnonymousReceiptOut(Out):
    receipt: str


class AnonymousMessageIn(Input):
    message: Annotated[Text, Field(min_length=1)]


class AnonymousMessageOut(Out):
    side: str
    written_on: date
    text: str


class AnonymousReportOut(Out):
    organisation: str
    state: str
    state_label: str
    opened_on: date
    category: str
    category_label: str
    messages: list[AnonymousMessageOut]


class AnonymousErrorOut(Out):
    detail: str


F = TypeVar("F", bound=Callable[..., Any])


def _public(operation: F) -> F:
    """`core.access.public` on an API operation: no log-in, and listed as public by the URL walk."""
    public(operation)  # marks the function itself
    return operation


def _holder(request: HttpRequest) -> ReceiptHolder:
    return request.auth  # type: ignore[attr-defined, no-any-return]


@router.post(
    "/public/{slug}/reports",
    response={201: AnonymousReceiptOut, 429: AnonymousErrorOut},
    auth=None,
    url_name="public-report",
    summary="Send an anonymous report to the organisation's vertrouwenspersoon",
)
@_public
def report_send(request: HttpRequest, slug: Slug, payload: AnonymousReportIn) -> Status[Any]:
    """No log-in. `slug` names the organisation (its reporting page is /melden/<slug>/); `category`
    is one of its categories or empty. Answers the receipt code, shown this once and never stored:
    with it, `GET /public/reports/mine` reads the report. Stored: the day, the category and the
    sealed message — no name, address, browser or time of day. An unknown organisation and one
    without a vertrouwenspersoon answer 404 alike; too many reports in an hour answer 429.

    `"channel": "whistleblower"` sends the message to the organisation's designated officers for
    whistleblower reports instead (SM-8, D18; `category` is ignored): 404 when it has none; read it
    with its own `GET /public/whistleblower-reports/mine` (docs/whistleblower.md)."""
    if payload.channel != "vp":
        result = channel_submit(payload.channel, request, slug, payload.message)
        if result.not_found:
            raise Http404
        if result.limited:
            raise HttpError(429, TOO_MANY_REPORTS)
        return Status(201, AnonymousReceiptOut(receipt=result.receipt))
    organisation = anonymous.reporting_channel(slug)
    if organisation is None:
        raise Http404
    if not anonymous.submission_allowed(request, organisation.pk):
        raise HttpError(429, TOO_MANY_REPORTS)
    _report, receipt = services.anonymous_report(
        organisation_id=organisation.pk,
        category=payload.category or "",
        message=payload.message,
        today=timezone.localdate(),
    )
    return Status(201, AnonymousReceiptOut(receipt=receipt))


@router.get(
    "/public/reports/mine",
    response={200: AnonymousReportOut, 429: AnonymousErrorOut},
    auth=Receipt(),
    url_name="public-report-mine",
    summary="Read one's anonymous report with its receipt code",
)
@_public
def report_mine(request: HttpRequest) -> AnonymousReportOut:
    """The report the receipt code in `Authorization: Receipt <code>` opens: its state (SM-6) and
    every message of both sides, dated to the day."""
    holder = _holder(request)
    report = selectors.report_get_for(holder, holder.report_id)
    organisation = Organisation.objects.get(pk=report.organisation_id)
    return AnonymousReportOut(
        organisation=organisation.name,
        state=report.state,
        state_label=str(report.get_state_display()),
        opened_on=report.opened_on,
        category=report.category,
        category_label=categories.label_of(report.organisation_id, report.category),
        messages=[
            AnonymousMessageOut(side=view.message.side, written_on=view.message.written_on, text=view.text)
            for view in selectors.messages_for(holder, report)
        ],
    )


@router.post(
    "/public/reports/mine/messages",
    response={201: AnonymousMessageOut, 429: AnonymousErrorOut},
    auth=Receipt(),
    url_name="public-report-reply",
    summary="Reply to the vertrouwenspersoon with the receipt code",
)
@_public
def report_reply(request: HttpRequest, payload: AnonymousMessageIn) -> Status[Any]:
    """Write in the report the receipt code opens, while it is not closed (403 when it is)."""
    holder = _holder(request)
    report = selectors.report_get_for(holder, holder.report_id)
    message = services.message_write(
        actor=holder, report=report, text=payload.message, today=timezone.localdate()
    )
    return Status(
        201, AnonymousMessageOut(side=message.side, written_on=message.written_on, text=payload.message)
    )
