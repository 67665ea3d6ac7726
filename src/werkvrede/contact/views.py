"""The public contact form, and the mediators' pages for the requests it brings in."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from werkvrede.contact import ratelimit, selectors, services
from werkvrede.contact.forms import ContactRequestForm, SettingsForm, SetupForm
from werkvrede.contact.models import ContactRequest
from werkvrede.contact.privacy import PRIVACY_STATEMENT, RETENTION_DAYS
from werkvrede.contact.selectors import CONTACT_REQUEST
from werkvrede.core.access import public, requires
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed
from werkvrede.core.refusals import Invalid, add_to_form
from werkvrede.core.roles import Role


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


@public
@csrf_protect
def request_form(request: HttpRequest) -> HttpResponseBase:
    form = ContactRequestForm(request.POST or None)
    if request.method == "POST":
        if not ratelimit.allow(request):
            return render(
                request,
                "contact/request_form.html",
                {"form": form, "privacy": PRIVACY_STATEMENT, "limited": True},
                status=429,
            )
        if form.is_valid():
            data = form.cleaned_data
            if not data.get("website"):  # a filled honeypot: answer as if stored, store nothing
                services.contact_request_submit(
                    data=services.RequestInput(
                        name=data["name"],
                        organisation_name=data["organisation_name"],
                        email=data["email"],
                        phone=data.get("phone", ""),
                        requester_role=data["requester_role"],
                        people_involved=data["people_involved"],
                        preferred_contact=data["preferred_contact"],
                    ),
                    today=timezone.localdate(),
                )
            return redirect("contact:thanks")
    status = 400 if form.is_bound else 200
    return render(
        request, "contact/request_form.html", {"form": form, "privacy": PRIVACY_STATEMENT}, status=status
    )


@public
def thanks(request: HttpRequest) -> HttpResponse:
    # Truthful either way: with nobody taking requests it waits (docs/adr/0129-waiting-contact-requests.md).
    return render(
        request,
        "contact/thanks.html",
        {
            "privacy": PRIVACY_STATEMENT,
            "mediator_available": bool(services.accepting_mediators()),
            "retention_days": RETENTION_DAYS,
        },
    )


@requires("contact.request.list")
def request_list(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    return render(
        request,
        "contact/request_list.html",
        {"requests": selectors.requests_for(actor), "accepts": selectors.accepts_requests(actor)},
    )


@requires("contact.settings.edit")
def settings_edit(request: HttpRequest) -> HttpResponseBase:
    actor = _actor(request)
    form = SettingsForm(
        request.POST or None, initial={"accepts_contact_requests": selectors.accepts_requests(actor)}
    )
    if request.method == "POST" and form.is_valid():
        services.settings_update(actor=actor, accepts=form.cleaned_data["accepts_contact_requests"])
        messages.success(request, _("Je instelling is opgeslagen."))
        return redirect("contact:list")
    return render(request, "contact/settings.html", {"form": form})


@requires("contact.request.view", on=CONTACT_REQUEST)
def request_detail(request: HttpRequest, contact: ContactRequest) -> HttpResponse:
    actor = _actor(request)
    return render(
        request,
        "contact/request_detail.html",
        {
            "contact": contact,
            "can_take": allowed(actor, "contact.request.take", contact),
            "can_setup": allowed(actor, "contact.request.setup", contact),
            "invitations": services.setup_invitations_for(actor, contact),
        },
    )


@require_POST
@requires("contact.request.take", on=CONTACT_REQUEST)
def request_take(request: HttpRequest, contact: ContactRequest) -> HttpResponseBase:
    actor = _actor(request)
    services.request_take(actor=actor, request=contact)
    messages.success(request, _("Je hebt de aanvraag opgepakt. Andere mediators zien haar niet meer."))
    return redirect("contact:detail", request_id=contact.pk)


@requires("contact.request.setup", on=CONTACT_REQUEST)
def request_setup(request: HttpRequest, contact: ContactRequest) -> HttpResponseBase:
    actor = _actor(request)
    initial = {"organisation_name": contact.organisation_name}
    prefix = "employer" if contact.requester_role == "EMPLOYER" else "employee"
    initial |= {f"{prefix}_name": contact.name, f"{prefix}_email": contact.email}
    form = SetupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            setup = services.request_setup(
                actor=actor,
                request=contact,
                organisation_name=data["organisation_name"],
                parties=[
                    services.Party(data["employer_name"], data["employer_email"], Role.LINE_MANAGER),
                    services.Party(data["employee_name"], data["employee_email"], Role.EMPLOYEE),
                ],
            )
        except Invalid as exc:
            add_to_form(form, exc)
        else:
            messages.success(
                request,
                _(
                    "%(organisation)s is ingericht en de partijen hebben een uitnodiging per e-mail "
                    "gekregen. Zodra beiden de uitnodiging hebben aangenomen, staat de mediation klaar."
                )
                % {"organisation": setup.organisation.name},
            )
            return redirect("contact:detail", request_id=contact.pk)
    status = 400 if form.is_bound else 200
    return render(request, "contact/request_setup.html", {"contact": contact, "form": form}, status=status)
