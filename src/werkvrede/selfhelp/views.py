"""The self-help guide at /hulp/ and /hulp/<organisation-slug>/: no log-in, nothing stored, no cookie.

The answers travel only in the body of a POST (never in a URL, so never in an access log) to a view
that stores nothing and sets no cookie; with no side effect to protect, the POST needs no CSRF token,
and a token would set a cookie (docs/adr/0086-self-help-guide-stores-nothing.md).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from werkvrede.accounts.models import Organisation
from werkvrede.core.access import public
from werkvrede.core.confidential import advisers_of
from werkvrede.core.policy import allowed
from werkvrede.protocol.parameters import tenant_parameters
from werkvrede.protocol.selectors import protocol_for, public_protocol_url
from werkvrede.selfhelp.advice import advise, prefill_message
from werkvrede.selfhelp.forms import PATHS, GuideForm
from werkvrede.selfhelp.situation import EMPLOYEE


def _organisation(slug: str | None) -> Organisation | None:
    if slug is None:
        return None
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:  # like any missing page: nothing about other organisations
        raise Http404
    return organisation


def _guide(request: HttpRequest, slug: str | None) -> HttpResponse:
    organisation = _organisation(slug)
    protocol = protocol_for(organisation.pk) if organisation else None
    context: dict[str, Any] = {
        "organisation": organisation,
        "protocol": protocol,
        # who the vertrouwenspersoon is, from the people with that role.
        "advisers": advisers_of(organisation.pk) if organisation else [],
        "public_protocol_url": public_protocol_url(organisation.slug, protocol)
        if organisation and protocol
        else None,
    }
    step = request.POST.get("step") if request.method == "POST" else None
    if step not in ("questions", "advice", "change"):
        return render(request, "selfhelp/start.html", context)
    path = request.POST.get("path", EMPLOYEE)
    if path not in PATHS:
        path = EMPLOYEE
    if step == "questions":
        return render(
            request, "selfhelp/questions.html", {**context, "form": GuideForm(path=path), "path": path}
        )
    form = GuideForm(request.POST, path=path)
    if step == "change":  # back to the questions, with the answers given (nothing typed is lost)
        form.is_valid()
        return render(request, "selfhelp/questions.html", {**context, "form": form, "path": path})
    if not form.is_valid():
        return render(request, "selfhelp/questions.html", {**context, "form": form, "path": path}, status=400)
    answers = form.answers()
    advice = advise(
        answers, today=timezone.localdate(), tenant=tenant_parameters(protocol) if protocol else None
    )
    return render(
        request,
        "selfhelp/advice.html",
        {
            **context,
            "form": form,
            "path": path,
            "advice": advice,
            "answers": answers,
            "carried": _carried(form),
            "prefill_category": answers.behaviours[0] if answers.behaviours else "",
            "prefill_message": prefill_message(answers),
            # A logged-in member may start a signal in their own organisation with the answers.
            "can_signal": _can_signal(request, organisation),
            "case_draft": prefill_message(answers, for_case=True),
        },
    )


@public
@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def guide(request: HttpRequest) -> HttpResponse:
    return _guide(request, None)


@public
@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def guide_organisation(request: HttpRequest, slug: str) -> HttpResponse:
    return _guide(request, slug)


def _can_signal(request: HttpRequest, organisation: Organisation | None) -> bool:
    actor = request.actor  # type: ignore[attr-defined]
    if organisation is not None and actor.organisation_id != organisation.pk:
        return False
    return allowed(actor, "cases.case.signal")


def _carried(form: GuideForm) -> list[tuple[str, str]]:
    """The answers as (name, value) pairs, for the "change my answers" form of the advice page."""
    pairs: list[tuple[str, str]] = []
    for name, value in form.cleaned_data.items():
        for item in value if isinstance(value, list) else [value]:
            if item not in (None, ""):
                pairs.append((name, str(item)))
    return pairs
