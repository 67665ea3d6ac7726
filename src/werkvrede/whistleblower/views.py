"""Pages of the whistleblower channel: the officers' inbox and report (SM-8), the melder's own reports,
and the Beheerder's R-115 settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.confidential import advisers_of
from werkvrede.core.policy import AccessDenied, allowed
from werkvrede.core.refusals import Invalid, Refusal, add_to_form, refusal_context
from werkvrede.whistleblower import selectors, services
from werkvrede.whistleblower.forms import (
    AssessForm,
    ConfirmForm,
    NamedReportForm,
    RouteForm,
    SettingsForm,
    TextForm,
)
from werkvrede.whistleblower.models import WhistleReport
from werkvrede.whistleblower.policies import is_officer_of
from werkvrede.whistleblower.selectors import REPORT


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


@requires("whistleblower.inbox.open")
def inbox(request: HttpRequest) -> HttpResponse:
    rows = selectors.inbox_for(_actor(request), today=timezone.localdate())
    return render(request, "whistleblower/inbox.html", {"rows": rows})


# --- The named melder -------------------------------------------------------------------------------


def _people(actor: Actor) -> list[tuple[int, str]]:
    return [(pk, name) for pk, name in selectors.colleagues(actor.organisation_id or 0) if pk != actor.uid]


def _render_mine(
    request: HttpRequest, form: NamedReportForm | None = None, status: int = 200, **extra: Any
) -> HttpResponse:
    actor = _actor(request)
    oid = actor.organisation_id or 0
    return render(
        request,
        "whistleblower/mine.html",
        {
            "form": form or NamedReportForm(people=_people(actor)),
            "reports": selectors.reports_of_melder(actor),
            "has_officer": bool(selectors.officer_ids(oid)),
            **extra,
        },
        status=status,
    )


@requires("whistleblower.mine.open")
def mine(request: HttpRequest) -> HttpResponse:
    return _render_mine(request)


@require_POST
@requires("whistleblower.mine.open")
def write(request: HttpRequest) -> HttpResponseBase:
    actor = _actor(request)
    form = NamedReportForm(request.POST, people=_people(actor))
    if form.is_valid():
        try:
            report = services.named_report(
                actor=actor,
                message=form.cleaned_data["message"],
                concerned_user_ids=[int(pk) for pk in form.cleaned_data["concerned"]],
                today=timezone.localdate(),
            )
        except Invalid as exc:
            add_to_form(form, exc)
        except Refusal as exc:
            return _render_mine(request, form, 409, **refusal_context(exc))
        else:
            messages.success(
                request,
                _("Je melding is bij het meldpunt. Je krijgt binnen 7 dagen een ontvangstbevestiging."),
            )
            return redirect("whistleblower:report", report_id=report.pk)
    return _render_mine(request, form, 400)


# --- One report ----------------------------------------------------------------------------------


def _render_report(
    request: HttpRequest, report: WhistleReport, status: int = 200, **forms: Any
) -> HttpResponse:
    actor = _actor(request)
    officer = is_officer_of(actor, report)
    context: dict[str, Any] = {
        "report": report,
        "is_officer": officer,
        "messages_": selectors.messages_for(actor, report),
        "deadlines": selectors.deadlines_of(report, today=timezone.localdate()),
        "can_write": report.is_active,
        "message_form": TextForm(),
        "advisers": advisers_of(report.organisation_id),
    }
    # The steps the rules allow this person now (SM-8 through `policies`), each with its empty form.
    steps = {
        "acknowledge_form": ("whistleblower.report.acknowledge", TextForm),
        "assess_form": ("whistleblower.report.assess", AssessForm),
        "feedback_form": ("whistleblower.report.feedback", TextForm),
        "close_form": ("whistleblower.report.close", ConfirmForm),
        "route_form": ("whistleblower.report.route", RouteForm),
        "consent_form": ("whistleblower.report.route_consent", ConfirmForm),
    }
    for name, (action, form) in steps.items():
        context[name] = form() if allowed(actor, action, report) else None
    context["can_follow_up"] = allowed(actor, "whistleblower.report.follow_up", report)
    if officer:
        context["concerned"] = selectors.concerned_names(actor, report)
    context.update(forms)
    return render(request, "whistleblower/report.html", context, status=status)


@requires("whistleblower.report.read", on=REPORT)
def report_detail(request: HttpRequest, report: WhistleReport) -> HttpResponse:
    return _render_report(request, report)


def _form_step(
    request: HttpRequest,
    report: WhistleReport,
    form: Any,
    key: str,
    run: Callable[..., Any],
    done: str,
    **fixed: Any,
) -> HttpResponseBase:
    """One SM-8 step from a form: done, or the report again with what was typed and why not."""
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "confirm"}
        try:
            run(actor=_actor(request), report=report, today=timezone.localdate(), **data, **fixed)
        except Invalid as exc:
            add_to_form(form, exc)
        except Refusal as exc:
            return _render_report(request, report, 409, **{key: form}, **refusal_context(exc))
        else:
            messages.success(request, done)
            return redirect("whistleblower:report", report_id=report.pk)
    return _render_report(request, report, 400, **{key: form})


@require_POST
@requires("whistleblower.message.write", on=REPORT)
def message_add(request: HttpRequest, report: WhistleReport) -> HttpResponseBase:
    return _form_step(
        request,
        report,
        TextForm(request.POST),
        "message_form",
        services.message_write,
        _("Je bericht is verstuurd."),
    )


@require_POST
@requires("whistleblower.report.acknowledge", on=REPORT)
def acknowledge(request: HttpRequest, report: WhistleReport) -> HttpResponseBase:
    return _form_step(
        request,
        report,
        TextForm(request.POST),
        "acknowledge_form",
        services.acknowledge,
        _("De ontvangst is bevestigd; de melder ziet je bericht."),
    )


class _Assess(AssessForm):
    def clean_public_interest(self) -> bool:
        return bool(self.cleaned_data["public_interest"] == "yes")


@require_POST
@requires("whistleblower.report.assess", on=REPORT)
def assess(request: HttpRequest, report: WhistleReport) -> HttpResponseBase:
    return _form_step(
        request,
        report,
        _Assess(request.POST),
        "assess_form",
        services.assess,
        _("De beoordeling is vastgelegd."),
    )


@require_POST
@requires("whistleblower.report.follow_up", on=REPORT)
def follow_up(request: HttpRequest, report: WhistleReport) -> HttpResponseBase:
    return _form_step(
        request,
        report,
        ConfirmForm({"confirm": "on"}),
        "follow_up_form",
        services.follow_up,
        _("De opvolging is gestart."),
    )


@require_POST
@requires("whistleblower.report.feedback", on=REPORT)
def feedback(request: HttpRequest, report: WhistleReport) -> HttpResponseBase:
    return _form_step(
        request,
        report,
        TextForm(request.POST),
        "feedback_form",
        services.feedback,
        _("De terugkoppeling is gegeven; de melder ziet je bericht."),
    )


@require_POST
@requires("whistleblower.report.close", on=REPORT)
def close(request: HttpRequest, report: WhistleReport) -> HttpResponseBase:
    return _form_step(
        request,
        report,
        ConfirmForm(request.POST),
        "close_form",
        services.close,
        _("De melding is afgesloten."),
    )


@require_POST
@requires("whistleblower.report.route", on=REPORT)
def route(request: HttpRequest, report: WhistleReport) -> HttpResponseBase:
    return _form_step(
        request,
        report,
        RouteForm(request.POST),
        "route_form",
        services.route_propose,
        _("Het voorstel staat klaar. Er gaat pas iets over als de melder toestemming geeft (R-118)."),
    )


@require_POST
@requires("whistleblower.report.route_consent", on=REPORT)
def route_consent(request: HttpRequest, report: WhistleReport) -> HttpResponseBase:
    return _form_step(
        request,
        report,
        ConfirmForm(request.POST),
        "consent_form",
        services.route_consent,
        _("Je hebt toestemming gegeven. Er is niets uit je melding meegegaan (R-118)."),
    )


# --- the Beheerder's settings -----------------------------------------------------------------


def _render_settings(request: HttpRequest, form: SettingsForm, status: int = 200) -> HttpResponse:
    actor = _actor(request)
    return render(
        request,
        "whistleblower/settings.html",
        {
            "form": form,
            "r115": selectors.procedure_findings(actor, today=timezone.localdate()),
            "has_officer": bool(selectors.officer_ids(actor.organisation_id or 0)),
        },
        status=status,
    )


@requires("whistleblower.procedure.view")
def settings_page(request: HttpRequest) -> HttpResponseBase:
    actor = _actor(request)
    if request.method == "POST":
        if not allowed(actor, "whistleblower.procedure.edit"):
            raise AccessDenied(actor, "whistleblower.procedure.edit")
        form = SettingsForm(request.POST)
        if not form.is_valid():
            return _render_settings(request, form, 400)
        services.settings_save(actor=actor, today=timezone.localdate(), **form.cleaned_data)
        messages.success(request, _("De gegevens zijn bewaard."))
        return redirect("whistleblower:settings")
    current = selectors.settings_of(actor)
    initial = {"workers": current.workers, "procedure_adopted": current.procedure_adopted} if current else {}
    return _render_settings(request, SettingsForm(initial=initial))
