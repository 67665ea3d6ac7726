"""The public pulse page (no log-in): answer a team's pulse through its link (docs/prevention.md).

No session and no cookie but Django's CSRF cookie; nothing here stores an address, a browser, a
date or a time: the answers are stored with their pulse only (`services.pulse_answer`).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from werkvrede.core.access import public
from werkvrede.core.refusals import Invalid, NotPossible, add_to_form
from werkvrede.guideline import prevention
from werkvrede.prevention import anonymous, selectors, services
from werkvrede.prevention.forms import AnswerForm
from werkvrede.prevention.models import Pulse


def _render(
    request: HttpRequest, pulse: Pulse, form: AnswerForm, status: int = 200, **extra: object
) -> HttpResponse:
    return render(
        request,
        "prevention/public/answer.html",
        {"pulse": pulse, "form": form, "statement_count": len(prevention.STATEMENTS), **extra},
        status=status,
    )


def _closed(request: HttpRequest, pulse: Pulse) -> HttpResponse:
    return render(request, "prevention/public/closed.html", {"pulse": pulse}, status=410)


@public
@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponseBase:
    pulse = selectors.pulse_by_token(token)
    if pulse is None:
        return render(request, "prevention/public/unknown.html", status=404)
    today = timezone.localdate()
    if pulse.is_closed(today):
        return _closed(request, pulse)
    if request.method != "POST":
        if request.GET.get("klaar"):
            return render(request, "prevention/public/thanks.html", {"pulse": pulse})
        return _render(request, pulse, AnswerForm())
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _render(request, pulse, form, 400)
    if not anonymous.answer_allowed(request, pulse.pk):
        return _render(request, pulse, form, 429, limited=True)
    try:
        services.pulse_answer(pulse=pulse, answers=form.answers(), today=today)
    except NotPossible:
        return _closed(request, pulse)
    except Invalid as exc:
        add_to_form(form, exc)
        return _render(request, pulse, form, 400)
    return redirect(f"{request.path}?klaar=1")
