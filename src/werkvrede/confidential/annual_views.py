"""Pages of the annual report (D16, R-105), the destruction of dossiers (R-107), trends and advice to
management (R-108), and the VP's note of whom a report concerns (R-108)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkvrede.accounts.models import User
from werkvrede.audit import services as audit
from werkvrede.confidential import annual, annual_services, categories, selectors
from werkvrede.confidential.annual_forms import AdviceForm, CompileForm, ConcernsForm
from werkvrede.confidential.models import AnnualReport, Channel, Report, ReportState, Route
from werkvrede.confidential.selectors import ANNUAL_REPORT, REPORT
from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed
from werkvrede.core.refusals import Invalid, Refusal, add_to_form, refusal_context


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


# --- How a stored annual report reads -------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[tuple[str, str, str]]  # label, this year, the year before
    broken_down: bool
    previous_broken_down: bool


def _label(names: dict[str, str], dimension: str, key: str) -> str:
    if key == "UNKNOWN":
        return _("Geen categorie")
    if dimension == "category":
        return categories.label_in(names, key)
    if dimension == "channel" and key in Channel.values:
        return str(Channel(key).label)
    if dimension == "route":
        return str(Route(key).label) if key in Route.values else _("Geen weg gekozen")
    if dimension == "state" and key in ReportState.values:
        return str(ReportState(key).label)
    return key


def _section(
    names: dict[str, str],
    title: str,
    dimension: str,
    now: dict[str, Any],
    before: dict[str, Any] | None,
    m: tuple[int, int],
) -> Section:
    """One dimension; `m` is the smallest cell of this year and of the year before."""
    rows, broken_down, previous_broken_down = annual.side_by_side(now, before, *m)
    return Section(
        title,
        [(_label(names, dimension, r.key), r.current, r.previous) for r in rows],
        broken_down,
        previous_broken_down,
    )


def annual_context(annual_report: AnnualReport) -> dict[str, Any]:
    """The annual report as it is read: every cell, or "< min_cell", beside the year before."""
    data = annual_report.aggregates
    now, before = data.get("current", {}), data.get("previous") or {}
    m = int(now.get("min_cell", data.get("min_cell", annual_report.min_cell)))
    mb = int(before.get("min_cell", m))
    names = categories.labels(annual_report.organisation_id)  # the category labels, read once

    def table(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
        return now.get(name, {}), before.get(name, {})

    closed, closed_before = table("closed")
    opened, opened_before = table("opened")

    def dimension(t: dict[str, Any], name: str) -> dict[str, Any]:
        return dict(t.get("dimensions", {}).get(name, {}))

    sections = [
        _section(
            names,
            _("Afgesloten meldingen per categorie"),
            "category",
            dimension(closed, "category"),
            dimension(closed_before, "category"),
            (m, mb),
        ),
        _section(
            names,
            _("Afgesloten meldingen per manier van melden"),
            "channel",
            dimension(closed, "channel"),
            dimension(closed_before, "channel"),
            (m, mb),
        ),
        _section(
            names,
            _("Afgesloten meldingen per gekozen weg"),
            "route",
            dimension(closed, "route"),
            dimension(closed_before, "route"),
            (m, mb),
        ),
        _section(
            names,
            _("Meldingen geopend in het jaar, naar stand"),
            "state",
            dimension(opened, "state"),
            dimension(opened_before, "state"),
            (m, mb),
        ),
    ]
    totals = [
        (
            _("Afgesloten meldingen"),
            annual.shown(closed.get("total"), m),
            annual.shown(closed_before.get("total"), mb),
        ),
        (
            _("Meldingen geopend in het jaar"),
            annual.shown(opened.get("total"), m),
            annual.shown(opened_before.get("total"), mb),
        ),
        (
            _("Contacten (ook zonder vastlegging)"),
            annual.shown(now.get("contacts"), m),
            annual.shown(before.get("contacts"), mb),
        ),
    ]
    return {
        "annual_report": annual_report,
        "year": now.get("year", annual_report.year),
        "previous_year": before.get("year", annual_report.year - 1),
        "min_cell": m,
        "totals": totals,
        "sections": sections,
    }


# --- The list and compiling ---------------------------------------------------------------------


@requires("confidential.annual.view")
def annual_list(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    can_compile = allowed(actor, "confidential.annual.compile")
    oid = actor.organisation_id or 0
    return render(
        request,
        "confidential/annual_list.html",
        {
            "reports": [
                (r, selectors.destroyable_count(actor, r)) for r in selectors.annual_reports_for(actor)
            ],
            "open_years": annual_services.years_open(oid, timezone.localdate()) if can_compile else [],
            "can_compile": can_compile,
        },
    )


def _compile_form(request: HttpRequest, data: Any = None) -> CompileForm:
    oid = _actor(request).organisation_id or 0
    years = annual_services.years_open(oid, timezone.localdate())
    initial = {}
    if data is None and request.GET.get("year", "").isdigit():
        initial["year"] = request.GET["year"]
    return CompileForm(data, years=years, initial=initial)


def _render_compile(request: HttpRequest, form: CompileForm, status: int = 200, **extra: Any) -> HttpResponse:
    return render(request, "confidential/annual_compile.html", {"form": form, **extra}, status=status)


@requires("confidential.annual.compile")
def annual_compile(request: HttpRequest) -> HttpResponseBase:
    """Compose (GET), check and confirm (POST), then compile (POST with `confirm`): irreversible."""
    if request.method != "POST":
        return _render_compile(request, _compile_form(request))
    form = _compile_form(request, request.POST)
    if not form.is_valid():
        return _render_compile(request, form, 400)
    if request.POST.get("edit") == "yes":  # back from the confirmation, with the text as typed
        return _render_compile(request, form)
    actor, today = _actor(request), timezone.localdate()
    year, text = form.cleaned_data["year"], form.cleaned_data["recommendations"]
    try:
        if request.POST.get("confirm") == "yes":
            annual_report = annual_services.annual_compile(
                actor=actor, year=year, recommendations=text, today=today
            )
        else:
            preview = annual_services.annual_preview(
                actor=actor, year=year, recommendations=text, today=today
            )
    except Invalid as exc:
        add_to_form(form, exc)
        return _render_compile(request, form, 400)
    except Refusal as exc:
        return _render_compile(request, form, 409, **refusal_context(exc))
    if request.POST.get("confirm") == "yes":
        messages.success(request, _("Het jaarverslag over %(year)s is samengesteld.") % {"year": year})
        return redirect("confidential:annual-report", annual_report_id=annual_report.pk)
    unsaved = AnnualReport(
        organisation_id=actor.organisation_id or 0,
        year=year,
        min_cell=preview.aggregates["min_cell"],
        aggregates=preview.aggregates,
        recommendations=text.strip(),
        made_on=today,
    )
    return render(
        request,
        "confidential/annual_confirm.html",
        {"form": form, "reports": preview.reports, **annual_context(unsaved)},
    )


# --- Reading ----------------------------------------------------------------------------------------


@requires("confidential.annual.view", on=ANNUAL_REPORT)
def annual_detail(request: HttpRequest, annual_report: AnnualReport) -> HttpResponse:
    actor = _actor(request)
    return render(
        request,
        "confidential/annual_report.html",
        {
            **annual_context(annual_report),
            "destroyable": selectors.destroyable_count(actor, annual_report),
            "made_by": User.objects.filter(pk=annual_report.made_by_id)
            .values_list("full_name", flat=True)
            .first(),
        },
    )


def annual_html(annual_report: AnnualReport, *, language: str) -> str:
    """The standalone page the PDF is made from, in `language`."""
    with translation.override(language):
        return render_to_string(
            "confidential/annual_pdf.html", {**annual_context(annual_report), "language": language}
        )


def annual_pdf_bytes(annual_report: AnnualReport, *, language: str) -> bytes:
    from weasyprint import HTML  # imported on use, as documents.rendering does

    base_url = str(settings.STATIC_ROOT) if getattr(settings, "STATIC_ROOT", None) else None
    pdf: bytes = HTML(string=annual_html(annual_report, language=language), base_url=base_url).write_pdf()
    return pdf


@requires("confidential.annual.view", on=ANNUAL_REPORT)
def annual_pdf(request: HttpRequest, annual_report: AnnualReport) -> HttpResponse:
    actor = _actor(request)
    language = "en" if (get_language() or "nl").startswith("en") else "nl"
    response = HttpResponse(
        annual_pdf_bytes(annual_report, language=language), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="jaarverslag-vp-{annual_report.year}-{language}.pdf"'
    )
    response["Cache-Control"] = "no-store"
    audit.record(
        "confidential.annual_report.downloaded",
        organisation_id=annual_report.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="confidential.annualreport",
        object_id=str(annual_report.pk),
        data={"year": annual_report.year, "language": language},
    )
    return response


# --- Destroying -------------------------------------------------------------------------------------


@requires("confidential.dossiers.destroy", on=ANNUAL_REPORT)
def annual_destroy(request: HttpRequest, annual_report: AnnualReport) -> HttpResponseBase:
    actor = _actor(request)
    count = selectors.destroyable_count(actor, annual_report)
    if request.method != "POST":
        return render(
            request, "confidential/annual_destroy.html", {"annual_report": annual_report, "count": count}
        )
    try:
        destroyed = annual_services.dossiers_destroy(
            actor=actor, annual_report=annual_report, today=timezone.localdate()
        )
    except Refusal as exc:
        return render(
            request,
            "confidential/annual_destroy.html",
            {"annual_report": annual_report, "count": count, **refusal_context(exc)},
            status=409,
        )
    messages.success(request, _("%(n)s dossiers zijn vernietigd.") % {"n": destroyed})
    return redirect("confidential:annual-report", annual_report_id=annual_report.pk)


# --- Trends -----------------------------------------------------------------------------------------


@requires("confidential.trends.view")
def trends(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    oid = actor.organisation_id or 0
    m = annual.min_cell_of(oid)
    tables = annual.trend_tables(oid, timezone.localdate(), m)
    names = categories.labels(oid)  # codes and labels in one read, not one per row
    keys = list(names)
    quarters = [f"{year} K{quarter}" for (year, quarter), _t in tables]
    rows = []
    for key in keys:
        cells = []
        for _q, table in tables:
            dimension = table.dimensions["category"]
            cell = next((c for c in dimension.cells if c.key == key), None)
            cells.append(annual.shown(cell.as_json() if cell else {"count": 0}, m))
        rows.append((categories.label_in(names, key), cells))
    totals = [annual.shown(table.total.as_json(), m) for _q, table in tables]
    return render(
        request,
        "confidential/trends.html",
        {"quarters": quarters, "rows": rows, "totals": totals, "min_cell": m},
    )


# --- Advice to management (R-108) -------------------------------------------------------------------


def _render_advices(request: HttpRequest, form: AdviceForm | None = None, status: int = 200) -> HttpResponse:
    actor = _actor(request)
    can_write = allowed(actor, "confidential.advice.write")
    return render(
        request,
        "confidential/advices.html",
        {
            "advices": selectors.advices_for(actor),
            "form": (form or AdviceForm()) if can_write else None,
        },
        status=status,
    )


@requires("confidential.advice.view")
def advices(request: HttpRequest) -> HttpResponse:
    return _render_advices(request)


@require_POST
@requires("confidential.advice.write")
def advice_write(request: HttpRequest) -> HttpResponseBase:
    form = AdviceForm(request.POST)
    if form.is_valid():
        try:
            annual_services.advice_write(
                actor=_actor(request), text=form.cleaned_data["text"], today=timezone.localdate()
            )
        except Invalid as exc:
            add_to_form(form, exc)
        else:
            messages.success(request, _("Je advies staat bij de adviezen aan het management."))
            return redirect("confidential:advices")
    return _render_advices(request, form, 400)


# --- Whom a report concerns (R-108) -----------------------------------------------------------------


def people_of(organisation_id: int) -> list[tuple[int, str]]:
    return list(
        User.objects.filter(memberships__organisation_id=organisation_id, memberships__is_active=True)
        .order_by("full_name", "pk")
        .values_list("pk", "full_name")
        .distinct()
    )


def concerns_form(report: Report, data: Any = None) -> ConcernsForm:
    return ConcernsForm(data, people=people_of(report.organisation_id))


@require_POST
@requires("confidential.report.manage", on=REPORT)
def concerns(request: HttpRequest, report: Report) -> HttpResponseBase:
    form = concerns_form(report, request.POST)
    if form.is_valid():
        try:
            annual_services.concerns_record(
                actor=_actor(request),
                report=report,
                user_id=form.cleaned_data["person"],
                name=form.cleaned_data["name"],
                today=timezone.localdate(),
            )
        except Invalid as exc:
            add_to_form(form, exc)
        else:
            messages.success(
                request, _("Vastgelegd. Alleen de vertrouwenspersoon ziet of er een patroon is.")
            )
            return redirect("confidential:report", report_id=report.pk)
    return render(request, "confidential/concerns.html", {"report": report, "form": form}, status=400)
