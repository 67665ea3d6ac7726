"""Protocol pages: the plain-language protocol for everyone, the parameters for ADM (edit) and HR (read)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.confidential import advisers_of
from werkvrede.core.policy import AccessDenied, allowed, hidden
from werkvrede.core.refusals import Invalid, add_to_form
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
    protocol = selectors.protocol_for(_organisation_id(actor))
    return render(
        request,
        "protocol/protocol_page.html",
        {
            "protocol": protocol,
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
    form = ProtocolForm(request.POST or None, initial=_initial(current))
    if request.method == "POST" and form.is_valid():
        changes = form.changes(current)
        if not changes:
            messages.info(request, _("Er is niets veranderd; het protocol blijft zoals het was."))
            return redirect("protocol:settings")
        if request.POST.get("bevestigd") != "ja":
            return render(request, "protocol/protocol_confirm.html", {"form": form, "changes": changes})
        try:
            protocol = services.protocol_update(actor=actor, values=form.cleaned_data)
        except Invalid as exc:
            add_to_form(form, exc)
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
            "can_edit": can_edit,
        },
        status=400 if request.method == "POST" else 200,
    )


def _initial(protocol: object) -> dict[str, object]:
    return {name: getattr(protocol, name) for name in EDITABLE_FIELDS}
