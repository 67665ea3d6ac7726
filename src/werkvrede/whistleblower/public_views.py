"""The public whistleblower pages (no log-in): report a suspected misstand anonymously, keep the
receipt code, read the acknowledgement and the feedback and reply with it (SM-8, D18).

No session and no cookie but Django's CSRF cookie: the receipt code is shown once, in the answer to
the report's POST, and travels afterwards only in the body of a POST (never in a URL, the session or
a cookie). Nothing here stores an address, a browser or a time of day.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from werkvrede.core import receipts
from werkvrede.core.access import public
from werkvrede.core.refusals import Invalid, Refusal, add_to_form, refusal_context
from werkvrede.whistleblower import selectors, services
from werkvrede.whistleblower.forms import ReceiptCodeForm, ReceiptReplyForm, ReportForm
from werkvrede.whistleblower.models import WhistleReport
from werkvrede.whistleblower.policies import WhistleReceiptHolder
from werkvrede.whistleblower.public_api import check_receipt


def _no_channel(request: HttpRequest) -> HttpResponse:
    return render(request, "whistleblower/public/no_channel.html", status=404)


@public
@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def report_form(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.channel_of(slug)
    if organisation is None:
        return _no_channel(request)

    def again(form: ReportForm, status: int, **extra: Any) -> HttpResponse:
        return render(
            request,
            "whistleblower/public/report_form.html",
            {"organisation": organisation, "form": form, **extra},
            status=status,
        )

    if request.method != "POST":
        return again(ReportForm(), 200)
    form = ReportForm(request.POST)
    if not form.is_valid():
        return again(form, 400)
    if not receipts.submission_allowed(request, organisation.pk, channel="whistleblower"):
        return again(form, 429, limited=True)
    try:
        _report, receipt = services.anonymous_report(
            organisation_id=organisation.pk, message=form.cleaned_data["message"], today=timezone.localdate()
        )
    except Invalid as exc:
        add_to_form(form, exc)
        return again(form, 400)
    except Refusal as exc:
        return again(form, 409, **refusal_context(exc))
    # Shown once, in this answer only: the code is in no URL, session, cookie, row or log.
    return render(
        request,
        "whistleblower/public/receipt.html",
        {"receipt": receipt, "organisation": organisation, "today": timezone.localdate()},
    )


def _render_read(
    request: HttpRequest,
    holder: WhistleReceiptHolder,
    report: WhistleReport,
    code: str,
    reply: ReceiptReplyForm | None = None,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    return render(
        request,
        "whistleblower/public/read.html",
        {
            "report": report,
            "deadlines": selectors.deadlines_of(report, today=timezone.localdate()),
            "messages_": selectors.messages_for(holder, report),
            "reply_form": reply or ReceiptReplyForm(initial={"code": code}),
            "can_write": report.is_active,
            **extra,
        },
        status=status,
    )


@public
@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def read(request: HttpRequest) -> HttpResponse:
    """Enter the receipt code (POST only: no code in a URL or an access log), read, and reply."""

    def code_form(form: ReceiptCodeForm | None = None, status: int = 200, **extra: Any) -> HttpResponse:
        return render(
            request,
            "whistleblower/public/code_form.html",
            {"form": form or ReceiptCodeForm(), **extra},
            status=status,
        )

    if request.method != "POST":
        return code_form()
    if not receipts.receipt_attempt_allowed(request):
        return code_form(ReceiptCodeForm(request.POST), 429, limited=True)
    form = ReceiptCodeForm(request.POST)
    if not form.is_valid():
        return code_form(form, 400)
    code = form.cleaned_data["code"]
    holder = check_receipt(request, code)
    if holder is None:
        return code_form(form, 400, wrong=True)
    report = selectors.report_get_for(holder, holder.report_id)
    if request.POST.get("step") != "reply":
        return _render_read(request, holder, report, code)
    reply = ReceiptReplyForm(request.POST)
    if reply.is_valid():
        try:
            services.message_write(
                actor=holder, report=report, text=reply.cleaned_data["text"], today=timezone.localdate()
            )
        except Invalid as exc:
            add_to_form(reply, exc)
        except Refusal as exc:
            return _render_read(request, holder, report, code, reply, 409, **refusal_context(exc))
        else:
            return _render_read(request, holder, report, code, sent=True)
    return _render_read(request, holder, report, code, reply, 400)
