"""The public reporting pages (no log-in): report to an organisation's vertrouwenspersoon anonymously,
keep the receipt code, read the answers and reply with it (SM-6, D15; docs/anonymous-reporting.md).

No session and no cookie but Django's CSRF cookie: the receipt code is shown once, in the answer to
the report's POST, and travels afterwards only in the body of a POST (never in a URL, the session or
a cookie). Nothing here stores an address, a browser or a time of day (`anonymous`, `services`).
"""

from __future__ import annotations

import re
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from werkvrede.accounts.models import Organisation
from werkvrede.confidential import anonymous, categories, selectors, services
from werkvrede.confidential.models import Report
from werkvrede.confidential.policies import ReceiptHolder
from werkvrede.confidential.public_forms import AnonymousReportForm, ReceiptForm, ReplyForm, SavedForm
from werkvrede.core.access import public
from werkvrede.core.refusals import Invalid, Refusal, add_to_form, refusal_context

RECEIPT_SHAPE = re.compile(r"^\d{4} \d{4} \d{4} \d{4}$")


def _read_url(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("reporting:read"))


def _no_channel(request: HttpRequest) -> HttpResponse:
    return render(request, "confidential/public/no_channel.html", status=404)


def _render_form(
    request: HttpRequest,
    organisation: Organisation,
    form: AnonymousReportForm,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    return render(
        request,
        "confidential/public/report_form.html",
        {"organisation": organisation, "form": form, "read_url": _read_url(request), **extra},
        status=status,
    )


def _render_receipt(
    request: HttpRequest, receipt: str, organisation_name: str, status: int = 200, **extra: Any
) -> HttpResponse:
    return render(
        request,
        "confidential/public/receipt.html",
        {
            "receipt": receipt,
            "organisation_name": organisation_name,
            "today": timezone.localdate(),
            "read_url": _read_url(request),
            "saved_form": extra.pop("saved_form", None)
            or SavedForm(initial={"receipt": receipt, "organisation": organisation_name}),
            **extra,
        },
        status=status,
    )


@public
@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def report_form(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = anonymous.reporting_channel(slug)
    if organisation is None:
        return _no_channel(request)
    choices = categories.choices(organisation.pk)
    if request.method != "POST":
        return _render_form(request, organisation, AnonymousReportForm(categories=choices))
    form = AnonymousReportForm(request.POST, categories=choices)
    if not form.is_valid():
        return _render_form(request, organisation, form, 400)
    if not anonymous.submission_allowed(request, organisation.pk):
        return _render_form(request, organisation, form, 429, limited=True)
    try:
        _report, receipt = services.anonymous_report(
            organisation_id=organisation.pk,
            category=form.cleaned_data["category"],
            message=form.cleaned_data["message"],
            today=timezone.localdate(),
        )
    except Invalid as exc:
        add_to_form(form, exc)
        return _render_form(request, organisation, form, 400)
    except Refusal as exc:
        return _render_form(request, organisation, form, 409, **refusal_context(exc))
    # Shown once, in this answer only: the code is in no URL, session, cookie, row or log.
    return _render_receipt(request, receipt, organisation.name)


@public
@never_cache
@csrf_exempt
@require_http_methods(["POST"])
def report_prefill(request: HttpRequest, slug: str) -> HttpResponse:
    """The report form filled in with what the self-help guide passed on; nothing is saved here.

    The guide sets no cookie, so its POST carries no CSRF token; this view has no side effect (it
    only renders the form, whose own POST is CSRF-protected as always; ADR 0086).
    """
    organisation = anonymous.reporting_channel(slug)
    if organisation is None:
        return _no_channel(request)
    choices = categories.choices(organisation.pk)
    known = {value for value, _label in choices}
    category = request.POST.get("category", "")
    initial = {
        "category": category if category in known else "",
        # Not cut to the limit: the form says how long it may be when it is sent (the service checks).
        "message": request.POST.get("message", ""),
    }
    return _render_form(
        request, organisation, AnonymousReportForm(initial=initial, categories=choices), prefilled=True
    )


def _render_code_form(
    request: HttpRequest, form: ReceiptForm | None = None, status: int = 200, **extra: Any
) -> HttpResponse:
    return render(
        request, "confidential/public/code_form.html", {"form": form or ReceiptForm(), **extra}, status=status
    )


def _render_read(
    request: HttpRequest,
    holder: ReceiptHolder,
    report: Report,
    code: str,
    reply_form: ReplyForm | None = None,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    organisation = Organisation.objects.get(pk=report.organisation_id)
    return render(
        request,
        "confidential/public/read.html",
        {
            "report": report,
            "organisation": organisation,
            "category_label": categories.label_of(report.organisation_id, report.category),
            "messages_": selectors.messages_for(holder, report),
            "code": code,
            "reply_form": reply_form or ReplyForm(),
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
    """Enter the receipt code (POST only: no code in a URL or an access log) and read the report."""
    if request.method != "POST":
        return _render_code_form(request)
    step = request.POST.get("step", "open")
    if step == "saved":
        return _saved(request)
    if not anonymous.receipt_attempt_allowed(request):
        return _render_code_form(request, ReceiptForm(request.POST), 429, limited=True)
    form = ReceiptForm(request.POST)
    if not form.is_valid():
        return _render_code_form(request, form, 400)
    code = form.cleaned_data["code"]
    holder = anonymous.check_receipt(request, code)
    if holder is None:
        return _render_code_form(request, form, 400, wrong=True)
    report = selectors.report_get_for(holder, holder.report_id)
    if step != "reply":
        return _render_read(request, holder, report, code)
    reply = ReplyForm(request.POST)
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
            report.refresh_from_db()
            return _render_read(request, holder, report, code, sent=True)
    return _render_read(request, holder, report, code, reply, 400)


def _saved(request: HttpRequest) -> HttpResponse:
    """The receipt page's "I saved my code": on to the code form; unticked, the code once more."""
    form = SavedForm(request.POST)
    if form.is_valid() and form.cleaned_data["saved"]:
        return _render_code_form(request, saved=True)
    receipt = request.POST.get("receipt", "")
    if not RECEIPT_SHAPE.match(receipt):
        return _render_code_form(request)
    organisation_name = form.cleaned_data.get("organisation", "") if form.is_valid() else ""
    return _render_receipt(request, receipt, organisation_name, 400, saved_form=form, not_saved=True)
