"""Pages of the prevention scan for HR and casemanagers: the pulses, starting one, its link and
results, closing it (docs/prevention.md)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.refusals import Invalid, Refusal, add_to_form, refusal_context
from werkvrede.guideline import prevention
from werkvrede.prevention import selectors, services
from werkvrede.prevention.forms import StartForm, english
from werkvrede.prevention.models import Pulse
from werkvrede.prevention.selectors import PULSE


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


def _render_list(request: HttpRequest, form: StartForm, status: int = 200, **extra: Any) -> HttpResponse:
    today = timezone.localdate()
    pulses = selectors.pulses_for(_actor(request))
    return render(
        request,
        "prevention/list.html",
        {"rows": [(p, p.is_closed(today)) for p in pulses], "form": form, **extra},
        status=status,
    )


@requires("prevention.pulses.open")
def pulse_list(request: HttpRequest) -> HttpResponse:
    return _render_list(request, StartForm())


@require_POST
@requires("prevention.pulse.start")
def pulse_start(request: HttpRequest) -> HttpResponseBase:
    form = StartForm(request.POST)
    if form.is_valid():
        try:
            pulse = services.pulse_start(
                actor=_actor(request),
                team=form.cleaned_data["team"],
                closes_on=form.cleaned_data["closes_on"],
                today=timezone.localdate(),
            )
        except Invalid as exc:
            add_to_form(form, exc)
        except Refusal as exc:
            return _render_list(request, form, 409, **refusal_context(exc))
        else:
            messages.success(request, _("De peiling is gestart. Deel de link hieronder met het team."))
            return redirect("prevention:pulse", pulse_id=pulse.pk)
    return _render_list(request, form, 400)


def _factor_rows(results: selectors.Results) -> list[dict[str, Any]]:
    in_english = english()
    changes = {c.factor: c for c in results.changes}
    rows = []
    for f in prevention.FACTORS:
        outcome = results.result.of(f.code) if results.result else None
        rows.append(
            {
                "code": f.code,
                "name": f.name_en if in_english else f.name_nl,
                "result": outcome,
                "change": changes.get(f.code),
                "advice": (f.advice_en if in_english else f.advice_nl) if outcome and outcome.high else "",
            }
        )
    return rows


@requires("prevention.pulse.results", on=PULSE, hide=True)
def pulse_detail(request: HttpRequest, pulse: Pulse) -> HttpResponse:
    today = timezone.localdate()
    results = services.results_read(actor=_actor(request), pulse=pulse, today=today)
    rows = _factor_rows(results)
    return render(
        request,
        "prevention/detail.html",
        {
            "pulse": pulse,
            "closed": results.closed,
            "results": results,
            "rows": rows,
            "high": [r for r in rows if r["advice"]],
            "compared": any(c.comparable for c in results.changes),
            "link": request.build_absolute_uri(reverse("pulse:answer", kwargs={"token": pulse.token})),
        },
    )


@require_http_methods(["GET", "POST"])
@requires("prevention.pulse.close", on=PULSE)
def pulse_close(request: HttpRequest, pulse: Pulse) -> HttpResponseBase:
    if request.method != "POST":
        return render(request, "prevention/close_confirm.html", {"pulse": pulse})
    services.pulse_close(actor=_actor(request), pulse=pulse, today=timezone.localdate())
    messages.success(request, _("De peiling is gesloten. Niemand kan nog antwoorden."))
    return redirect("prevention:pulse", pulse_id=pulse.pk)
