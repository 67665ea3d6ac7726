"""The consents page: one's own consents (give, withdraw) and the consents addressed to one."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkvrede.accounts.models import Membership
from werkvrede.consent import selectors, services
from werkvrede.consent.forms import ConsentForm
from werkvrede.consent.models import Consent
from werkvrede.consent.selectors import CONSENT
from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.policy import AccessDenied, allowed
from werkvrede.core.refusals import Invalid, add_to_form


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


def _members(actor: Actor) -> QuerySet[Membership]:
    if actor.organisation_id is None or actor.user_id is None:
        return Membership.objects.none()
    return (
        Membership.objects.filter(organisation_id=actor.organisation_id, is_active=True)
        .exclude(user_id=actor.user_id)
        .select_related("user")
        .order_by("user__full_name")
    )


@requires("consent.consent.list")
def consent_list(request: HttpRequest) -> HttpResponseBase:
    actor = _actor(request)
    can_give = allowed(actor, "consent.consent.give")
    form = ConsentForm(request.POST or None, members=_members(actor))
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


@require_POST
@requires("consent.consent.withdraw", on=CONSENT)
def consent_withdraw(request: HttpRequest, consent: Consent) -> HttpResponseBase:
    # Irreversible: without the explicit confirmation nothing happens; the page says what will
    # happen and who will see it (CC-10: past disclosures are not undone).
    if request.POST.get("confirmed") != "yes":
        return render(request, "consent/withdraw_confirm.html", {"consent": consent})
    services.consent_withdraw(actor=_actor(request), consent_id=consent.pk)
    messages.success(
        request, _("Je toestemming is ingetrokken. Vanaf nu wordt er niets meer op grond van gedeeld.")
    )
    return redirect("consent:list")
