"""The consents page: one's own consents (give, withdraw) and the consents addressed to one."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from werkvrede.consent import selectors, services
from werkvrede.consent.forms import ConsentForm, WithdrawForm
from werkvrede.consent.models import Consent
from werkvrede.consent.selectors import CONSENT
from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.policy import AccessDenied, allowed
from werkvrede.core.refusals import Invalid, add_to_form
from werkvrede.core.roles import Role


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


@requires("consent.consent.list")
def consent_list(request: HttpRequest) -> HttpResponseBase:
    actor = _actor(request)
    can_give = allowed(actor, "consent.consent.give")
    form = ConsentForm(request.POST or None, members=selectors.recipient_choices(actor))
    if request.method == "POST":
        if not can_give:
            raise AccessDenied(actor, "consent.consent.give")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.consent_give(
                    actor=actor,
                    data=services.ConsentInput(
                        recipient_role=data["recipient_role"],
                        recipient_membership_id=data["recipient"].pk if data.get("recipient") else None,
                        categories=tuple(data["categories"]),
                        purpose=data["purpose"],
                        given_on=data["given_on"],
                        expires_on=data.get("expires_on"),
                    ),
                )
            except Invalid as exc:
                add_to_form(form, exc)
            else:
                messages.success(request, _("Je toestemming is vastgelegd."))
                return redirect("consent:list")
    response: HttpResponse = render(
        request,
        "consent/consent_list.html",
        {
            "own": list(selectors.own_consents(actor).select_related("recipient", "requested_by")),
            "addressed": list(selectors.addressed_consents(actor)),
            "can_give": can_give,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )
    return response


@require_http_methods(["GET", "POST"])
@requires("consent.consent.withdraw", on=CONSENT)
def consent_withdraw(request: HttpRequest, consent: Consent) -> HttpResponseBase:
    """Ask first (works without JavaScript): what stops, what stays, who sees it (R-172)."""
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.consent_withdraw(actor=_actor(request), consent_id=consent.pk)
        messages.success(
            request,
            _(
                "Je toestemming is ingetrokken. Vanaf nu wordt er op grond van deze toestemming niets meer "
                "gedeeld. Wat al gedeeld is, blijft gedeeld."
            ),
        )
        return redirect("consent:list")
    response: HttpResponse = render(
        request,
        "consent/consent_withdraw.html",
        {"consent": consent, "form": form, "role_label": Role(consent.recipient_role).label},
        status=400 if request.method == "POST" else 200,
    )
    return response
