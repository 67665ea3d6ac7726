""" "Did it feel fair?" pages (ADR 0135): the three questions for the person invited, and the
aggregates per quarter for HR and the mediator."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.refusals import Invalid, NotPossible, add_to_form
from werkvrede.fairness import selectors, services
from werkvrede.fairness.forms import AnswerForm, english
from werkvrede.fairness.models import Invitation, Phase
from werkvrede.fairness.selectors import INVITATION
from werkvrede.guideline import fairness


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


def _render(
    request: HttpRequest, invitation: Invitation, form: AnswerForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "fairness/answer.html",
        {"invitation": invitation, "question": selectors.label_of(invitation), "form": form},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@requires("fairness.invitation.answer", on=INVITATION, hide=True)
def answer(request: HttpRequest, invitation: Invitation) -> HttpResponseBase:
    if request.method != "POST":
        return _render(request, invitation, AnswerForm())
    actor = _actor(request)
    if "decline" in request.POST:
        services.decline(actor=actor, invitation=invitation)
        messages.success(request, _("Prima. We vragen het je niet opnieuw."))
        return redirect("core:home")
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer(
                actor=actor,
                invitation=invitation,
                answers=form.answers(),
                comment=form.cleaned_data["comment"],
                today=timezone.localdate(),
            )
        except Invalid as exc:
            add_to_form(form, exc)
        except NotPossible as exc:
            form.add_error(None, str(exc))
            return _render(request, invitation, form, 409)
        else:
            messages.success(request, _("Dank je wel. Je antwoorden zijn anoniem opgeslagen."))
            return redirect("core:home")
    return _render(request, invitation, form, 400)


@requires("fairness.results.view")
def results(request: HttpRequest) -> HttpResponse:
    data = services.results_read(actor=_actor(request), today=timezone.localdate())
    in_english = english()
    questions = [
        (q.short_en if in_english else q.short_nl, q.text_en if in_english else q.text_nl)
        for q in fairness.QUESTIONS
    ]
    rows = [
        {
            "cell": cell,
            "phase": Phase(cell.phase).label,
            "means": [cell.means[q.code] for q in fairness.QUESTIONS] if cell.means else [],
            "comments": data.comments.get((cell.quarter, cell.phase), ()),
        }
        for cell in data.cells
    ]
    return render(request, "fairness/results.html", {"results": data, "rows": rows, "questions": questions})
