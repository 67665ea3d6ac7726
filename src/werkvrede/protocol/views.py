"""Protocol pages: the plain-language protocol for everyone, the parameters for ADM (edit) and HR (read)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from werkvrede.accounts.models import Organisation
from werkvrede.core.access import public, requires
from werkvrede.core.actor import Actor
from werkvrede.core.confidential import advisers_of
from werkvrede.core.policy import AccessDenied, allowed, hidden
from werkvrede.core.refusals import Invalid, StaleVersion, add_to_form, refusal_context
from werkvrede.protocol import selectors, services
from werkvrede.protocol.forms import ProtocolForm
from werkvrede.protocol.models import DayUnit
from werkvrede.protocol.parameters import EDITABLE_FIELDS


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


def _organisation_id(actor: Actor) -> int:
    if actor.organisation_id is None:  # the rules refuse actors without an organisation
        raise hidden(actor, "protocol.page.view")
    return actor.organisation_id


@requires("protocol.page.view")
def protocol_page(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    organisation_id = _organisation_id(actor)
    protocol = selectors.protocol_for(organisation_id)
    organisation = Organisation.objects.get(pk=organisation_id)
    return render(
        request,
        "protocol/protocol_page.html",
        {
            "protocol": protocol,
            "public_url": selectors.public_protocol_url(organisation.slug, protocol),
            "guide_url": _guide_url(organisation.slug),
            "working_days": protocol.conflict_leave_day_unit == DayUnit.WORKING,
            "can_view_parameters": allowed(actor, "protocol.parameters.view"),
            # who the vertrouwenspersoon is, from the people with that role.
            "advisers": advisers_of(actor.organisation_id),
            "can_write_vp": allowed(actor, "confidential.mine.open"),
        },
    )


@requires("protocol.parameters.view")
def protocol_settings(request: HttpRequest) -> HttpResponseBase:
    actor = _actor(request)
    organisation_id = _organisation_id(actor)
    current = selectors.protocol_for(organisation_id)
    can_edit = allowed(actor, "protocol.parameters.edit")
    if request.method == "POST" and not can_edit:
        raise AccessDenied(actor, "protocol.parameters.edit")
    form = ProtocolForm(request.POST or None, initial={**_initial(current), "version": current.version})
    refused: dict[str, Any] = {}
    if request.method == "POST" and form.is_valid():
        changes = form.changes(current)
        if not changes:
            messages.info(request, _("Er is niets veranderd; het protocol blijft zoals het was."))
            return redirect("protocol:settings")
        if request.POST.get("bevestigd") != "ja":
            return render(request, "protocol/protocol_confirm.html", {"form": form, "changes": changes})
        try:
            protocol = services.protocol_update(
                actor=actor, values=form.cleaned_data, expected_version=form.cleaned_data["version"]
            )
        except Invalid as exc:
            add_to_form(form, exc)
        except StaleVersion as exc:
            refused = refusal_context(exc, form)
            current = selectors.protocol_for(organisation_id)
        else:
            messages.success(
                request, _("Versie %(version)s van het protocol geldt nu.") % {"version": protocol.version}
            )
            return redirect("protocol:settings")
    return render(
        request,
        "protocol/protocol_settings.html",
        {
            "form": form,
            "current": current,
            "history": selectors.protocol_history(organisation_id),
            "public_url": selectors.public_protocol_url(
                Organisation.objects.get(pk=organisation_id).slug, current
            ),
            "can_edit": can_edit,
            **refused,
        },
        status=400 if request.method == "POST" else 200,
    )


def _initial(protocol: object) -> dict[str, object]:
    return {name: getattr(protocol, name) for name in EDITABLE_FIELDS}


def _guide_url(slug: str) -> str | None:
    try:
        return reverse("selfhelp:organisation", args=[slug])
    except NoReverseMatch:  # the guide is not installed
        return None


def _public_context(request: HttpRequest, slug: str) -> dict[str, object]:
    found = selectors.public_protocol_get(slug)
    if found is None:  # unknown, or not published: alike (ADR 0087)
        raise Http404
    organisation, protocol = found
    advisers = advisers_of(organisation.pk)
    return {
        "organisation": organisation,
        "protocol": protocol,
        "working_days": protocol.conflict_leave_day_unit == DayUnit.WORKING,
        # the vertrouwenspersoon, and the anonymous route to them when there is one.
        "advisers": advisers,
        "reporting_url": request.build_absolute_uri(reverse("reporting:report", args=[organisation.slug]))
        if advisers
        else None,
        "page_url": request.build_absolute_uri(reverse("protocol:public", args=[organisation.slug])),
    }


@public
@never_cache
@require_GET
def public_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The organisation's protocol for anyone, without log-in, when the Beheerder published it."""
    return render(request, "protocol/public.html", _public_context(request, slug))


@public
@never_cache
@require_GET
def public_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The same protocol as a printable PDF (WeasyPrint), in the visitor's language."""
    from weasyprint import HTML  # imported on use: it loads Pango, which the rest of the site never needs

    context = _public_context(request, slug)
    html = render_to_string("protocol/public_pdf.html", context)
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="conflictprotocol-{slug}.pdf"'
    return response
