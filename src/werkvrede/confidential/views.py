"""Pages of the vertrouwenspersoon context: the VP's inbox and report, the melder's own reports."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkvrede.confidential import categories, selectors, services
from werkvrede.confidential.forms import (
    CategoryAddForm,
    CategoryForm,
    IntakeForm,
    MessageForm,
    ProfileForm,
    RouteForm,
    WriteForm,
)
from werkvrede.confidential.models import Report, ReportCategory, ReportState
from werkvrede.confidential.policies import is_vp_of
from werkvrede.confidential.referral_views import referral_section
from werkvrede.confidential.selectors import CATEGORY, REPORT
from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.confidential import advisers_of
from werkvrede.core.refusals import Invalid, Refusal, add_to_form, refusal_context


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


@requires("confidential.inbox.open")
def inbox(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    reports = selectors.inbox_for(actor)
    names = categories.labels(actor.organisation_id or 0)  # once, not per row (#18)
    rows = [(r, categories.label_in(names, r.category)) for r in reports]
    return render(request, "confidential/inbox.html", {"rows": rows})


@require_POST
@requires("confidential.inbox.open")
def contact_count(request: HttpRequest) -> HttpResponseBase:
    services.contact_record(actor=_actor(request), today=timezone.localdate())
    messages.success(request, _("Het contact is geteld. Er is niets anders vastgelegd."))
    return redirect("confidential:inbox")


# --- The melder -------------------------------------------------------------------------------------


@requires("confidential.mine.open")
def mine(request: HttpRequest) -> HttpResponse:
    return _render_mine(request, WriteForm())


def _render_mine(request: HttpRequest, form: WriteForm, status: int = 200, **extra: Any) -> HttpResponse:
    actor = _actor(request)
    return render(
        request,
        "confidential/mine.html",
        {
            "advisers": advisers_of(actor.organisation_id),
            "reports": list(selectors.reports_of_melder(actor)),
            "form": form,
            **extra,
        },
        status=status,
    )


@require_POST
@requires("confidential.mine.open")
def write(request: HttpRequest) -> HttpResponseBase:
    form = WriteForm(request.POST)
    if form.is_valid():
        try:
            report = services.report_write(
                actor=_actor(request),
                message=form.cleaned_data["message"],
                registration_consent=form.cleaned_data["registration_consent"],
                today=timezone.localdate(),
            )
        except Invalid as exc:
            add_to_form(form, exc)
        except Refusal as exc:
            return _render_mine(request, form, 409, **refusal_context(exc))
        else:
            messages.success(
                request,
                _("Je bericht is bij de vertrouwenspersoon. Je krijgt een e-mail als er antwoord is."),
            )
            return redirect("confidential:report", report_id=report.pk)
    return _render_mine(request, form, 400)


# --- One report ----------------------------------------------------------------------------------


def _render_report(request: HttpRequest, report: Report, status: int = 200, **forms: Any) -> HttpResponse:
    actor = _actor(request)
    vp = is_vp_of(actor, report)
    oid = report.organisation_id
    context: dict[str, Any] = {
        "report": report,
        "is_vp": vp,
        "category_label": categories.label_of(oid, report.category),
        "messages_": selectors.messages_for(actor, report),
        "can_write": report.is_active and not (vp and report.state == ReportState.CONTACT),
        "message_form": forms.get("message_form")
        or MessageForm(needs_consent=not vp and report.state == ReportState.CONTACT),
        "advisers": [] if vp else advisers_of(oid),
        "referral": referral_section(actor, report),
    }
    if vp:
        state = report.state
        context.update(
            {
                "guidance": selectors.guidance_for(report, today=timezone.localdate()),
                "intake_form": forms.get("intake_form")
                or (IntakeForm() if state == ReportState.CONTACT else None),
                "category_form": forms.get("category_form")
                or (
                    CategoryForm(categories=categories.choices(oid), initial={"category": report.category})
                    if state in (ReportState.INTAKE, ReportState.ADVICE)
                    else None
                ),
                "route_form": forms.get("route_form")
                or (RouteForm() if state == ReportState.ADVICE else None),
                "can_aftercare": state
                in (
                    ReportState.INFORMAL_SOLUTION_SUPPORT,
                    ReportState.REFERRED,
                    ReportState.FORMAL_COMPLAINT_SUPPORT,
                ),
                "can_close": state == ReportState.AFTERCARE,
            }
        )
    context.update({k: v for k, v in forms.items() if k not in context or context[k] is None})
    return render(request, "confidential/report.html", context, status=status)


@requires("confidential.report.view", on=REPORT)
def report_detail(request: HttpRequest, report: Report) -> HttpResponse:
    return _render_report(request, report)


@require_POST
@requires("confidential.message.write", on=REPORT)
def message_add(request: HttpRequest, report: Report) -> HttpResponseBase:
    actor = _actor(request)
    needs_consent = not is_vp_of(actor, report) and report.state == ReportState.CONTACT
    form = MessageForm(request.POST, needs_consent=needs_consent)
    if form.is_valid():
        try:
            services.message_write(
                actor=actor,
                report=report,
                text=form.cleaned_data["text"],
                registration_consent=form.cleaned_data.get("registration_consent", False),
                today=timezone.localdate(),
            )
        except Invalid as exc:
            add_to_form(form, exc)
        except Refusal as exc:
            return _render_report(request, report, 409, message_form=form, **refusal_context(exc))
        else:
            messages.success(request, _("Je bericht is verstuurd."))
            return redirect("confidential:report", report_id=report.pk)
    return _render_report(request, report, 400, message_form=form)


def _step_done(request: HttpRequest, report: Report, text: str) -> HttpResponseBase:
    messages.success(request, text)
    return redirect("confidential:report", report_id=report.pk)


def _form_step(
    request: HttpRequest, report: Report, form: Any, key: str, run: Callable[..., Any], done: str
) -> HttpResponseBase:
    """One SM-6 step from a form: done, or the form again with what was typed and why not."""
    if form.is_valid():
        try:
            run(actor=_actor(request), report=report, today=timezone.localdate(), **form.cleaned_data)
        except Invalid as exc:
            add_to_form(form, exc)
        except Refusal as exc:
            return _render_report(request, report, 409, **{key: form}, **refusal_context(exc))
        else:
            return _step_done(request, report, done)
    return _render_report(request, report, 400, **{key: form})


@require_POST
@requires("confidential.report.manage", on=REPORT)
def intake(request: HttpRequest, report: Report) -> HttpResponseBase:
    form = IntakeForm(request.POST)
    return _form_step(
        request, report, form, "intake_form", services.intake_record, _("De intake is vastgelegd.")
    )


@require_POST
@requires("confidential.report.manage", on=REPORT)
def category(request: HttpRequest, report: Report) -> HttpResponseBase:
    form = CategoryForm(request.POST, categories=categories.choices(report.organisation_id))
    done = _("De categorie is vastgelegd.")
    return _form_step(request, report, form, "category_form", services.category_record, done)


@require_POST
@requires("confidential.report.manage", on=REPORT)
def route(request: HttpRequest, report: Report) -> HttpResponseBase:
    form = RouteForm(request.POST)
    done = _("De gekozen weg is vastgelegd.")
    return _form_step(request, report, form, "route_form", services.route_record, done)


@require_POST
@requires("confidential.report.manage", on=REPORT)
def aftercare(request: HttpRequest, report: Report) -> HttpResponseBase:
    try:
        services.aftercare_start(actor=_actor(request), report=report, today=timezone.localdate())
    except Refusal as exc:
        return _render_report(request, report, 409, **refusal_context(exc))
    return _step_done(request, report, _("De melding is in de nazorg."))


@requires("confidential.report.manage", on=REPORT)
def close(request: HttpRequest, report: Report) -> HttpResponseBase:
    if request.method != "POST":
        return render(request, "confidential/close_confirm.html", {"report": report})
    try:
        services.report_close(actor=_actor(request), report=report, today=timezone.localdate())
    except Refusal as exc:
        return _render_report(request, report, 409, **refusal_context(exc))
    return _step_done(
        request,
        report,
        _("De melding is afgesloten. Na het jaarverslag wordt het dossier vernietigd (R-107)."),
    )


# --- The VP's settings ---------------------------------------------------------------------------


@requires("confidential.settings.manage")
def settings_page(request: HttpRequest) -> HttpResponse:
    return _render_settings(request)


def _render_settings(request: HttpRequest, status: int = 200, **forms: Any) -> HttpResponse:
    actor = _actor(request)
    profile = selectors.profile_of(actor)
    return render(
        request,
        "confidential/settings.html",
        {
            "profile_form": forms.get("profile_form")
            or ProfileForm(initial={"contact": profile.contact, "external": profile.external}),
            "category_form": forms.get("category_form") or CategoryAddForm(),
            "categories": [
                (c, categories.label(c))
                for c in categories.categories_of(actor.organisation_id or 0, active_only=False)
            ],
            **{k: v for k, v in forms.items() if not k.endswith("_form")},
        },
        status=status,
    )


@require_POST
@requires("confidential.settings.manage")
def profile_save(request: HttpRequest) -> HttpResponseBase:
    form = ProfileForm(request.POST)
    if not form.is_valid():
        return _render_settings(request, 400, profile_form=form)
    services.profile_save(actor=_actor(request), **form.cleaned_data)
    messages.success(request, _("Je contactgegevens zijn opgeslagen."))
    return redirect("confidential:settings")


@require_POST
@requires("confidential.settings.manage")
def category_add(request: HttpRequest) -> HttpResponseBase:
    form = CategoryAddForm(request.POST)
    if form.is_valid():
        try:
            services.category_add(actor=_actor(request), **form.cleaned_data)
        except Invalid as exc:
            add_to_form(form, exc)
        else:
            messages.success(request, _("De categorie is toegevoegd."))
            return redirect("confidential:settings")
    return _render_settings(request, 400, category_form=form)


@require_POST
@requires("confidential.settings.manage", on=CATEGORY)
def category_toggle(request: HttpRequest, category: ReportCategory) -> HttpResponseBase:
    try:
        services.category_toggle(actor=_actor(request), category_id=category.pk)
    except Refusal as exc:
        return _render_settings(request, 409, **refusal_context(exc))
    messages.success(request, _("De categorie is aangepast."))
    return redirect("confidential:settings")
