"""The Beheerder's pages for people and roles: invite, resend, withdraw, roles, deactivate, import (ADR 0071).

Thin: selectors and services only. A refusal is shown beside the form, with what was typed kept.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from werkvrede.accounts import people, people_import
from werkvrede.accounts.forms import (
    PeopleImportConfirmForm,
    PeopleImportForm,
    PersonInviteForm,
    PersonRolesForm,
)
from werkvrede.accounts.invitations import max_age_days
from werkvrede.accounts.models import Invitation, Membership
from werkvrede.accounts.selectors import INVITATION, MEMBERSHIP
from werkvrede.core.access import requires
from werkvrede.core.refusals import Invalid, NotPossible, StaleVersion, add_to_form, refusal_context
from werkvrede.core.roles import Role

OUTCOME_MESSAGES = {
    people.Outcome.INVITED: gettext_lazy(
        "%(email)s is uitgenodigd. De uitnodiging is %(days)d dagen geldig."
    ),
    people.Outcome.ALREADY_INVITED: gettext_lazy(
        "%(email)s heeft al een open uitnodiging; er is geen tweede gemaakt. Stuur die opnieuw of trek "
        "hem in om andere rollen te geven."
    ),
    people.Outcome.ROLES_ADDED: gettext_lazy("%(email)s is al lid; de ontbrekende rollen zijn gegeven."),
    people.Outcome.UNCHANGED: gettext_lazy("%(email)s is al lid met deze rollen; er is niets veranderd."),
}


def _actor(request: HttpRequest) -> Any:
    return request.actor  # type: ignore[attr-defined]


@requires("accounts.people.invite")
def person_invite(request: HttpRequest) -> HttpResponse:
    form = PersonInviteForm(request.POST or None)
    context: dict[str, Any] = {"form": form, "days": max_age_days()}
    if request.method == "POST" and form.is_valid():
        try:
            plan = people.person_invite(
                actor=_actor(request),
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                roles=[Role(r) for r in form.cleaned_data["roles"]],
            )
        except Invalid as exc:
            add_to_form(form, exc)
        except NotPossible as exc:
            context.update(refusal_context(exc))
        else:
            messages.success(
                request, str(OUTCOME_MESSAGES[plan.outcome]) % {"email": plan.email, "days": max_age_days()}
            )
            return redirect("accounts:people")
    status = 400 if form.is_bound else 200
    return render(request, "accounts/person_invite.html", context, status=status)


@require_POST
@requires("accounts.people.invite", on=INVITATION)
def invitation_resend(request: HttpRequest, invitation: Invitation) -> HttpResponseBase:
    try:
        people.invitation_resend(actor=_actor(request), invitation=invitation)
    except NotPossible as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("De uitnodiging aan %(email)s is opnieuw verstuurd; de vorige link werkt niet meer.")
            % {"email": invitation.invitee.email},
        )
    return redirect("accounts:people")


@requires("accounts.people.invite", on=INVITATION)
def invitation_withdraw(request: HttpRequest, invitation: Invitation) -> HttpResponseBase:
    """Confirm (GET) and withdraw (POST) an open invitation."""
    if request.method == "POST":
        try:
            people.invitation_withdraw(actor=_actor(request), invitation=invitation)
        except NotPossible as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("De uitnodiging aan %(email)s is ingetrokken; de link zegt dat nu.")
                % {"email": invitation.invitee.email},
            )
        return redirect("accounts:people")
    return render(request, "accounts/invitation_withdraw.html", {"invitation": invitation})


@requires("accounts.person.roles", on=MEMBERSHIP)
def person_roles(request: HttpRequest, membership: Membership) -> HttpResponse:
    held = [g.role for g in membership.grants.all()]
    form = PersonRolesForm(request.POST or None, initial={"roles": held, "version": membership.version})
    context: dict[str, Any] = {"membership": membership, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            people.roles_set(
                actor=_actor(request),
                membership=membership,
                roles=[Role(r) for r in form.cleaned_data["roles"]],
                expected_version=form.cleaned_data["version"],
            )
        except Invalid as exc:
            add_to_form(form, exc)
        except (NotPossible, StaleVersion) as exc:
            context.update(refusal_context(exc, form))
        else:
            messages.success(
                request, _("De rollen van %(name)s zijn bijgewerkt.") % {"name": membership.user.full_name}
            )
            return redirect("accounts:person", membership_id=membership.pk)
    status = 400 if form.is_bound else 200
    return render(request, "accounts/person_roles.html", context, status=status)


@requires("accounts.person.deactivate", on=MEMBERSHIP)
def person_deactivate(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Confirm (GET) and deactivate (POST) a leaver: irreversible but for a reactivation."""
    context: dict[str, Any] = {"membership": membership}
    if request.method == "POST":
        try:
            people.person_deactivate(actor=_actor(request), membership=membership)
        except NotPossible as exc:
            context.update(refusal_context(exc))
            return render(request, "accounts/person_deactivate.html", context, status=409)
        messages.success(
            request,
            _("%(name)s is gedeactiveerd: de rollen zijn beëindigd en elke sessie is afgesloten.")
            % {"name": membership.user.full_name},
        )
        return redirect("accounts:person", membership_id=membership.pk)
    return render(request, "accounts/person_deactivate.html", context)


@requires("accounts.people.invite")
def people_import_upload(request: HttpRequest) -> HttpResponse:
    """Upload (POST) a CSV file and see the preview; nothing is imported here."""
    form = PeopleImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > people_import.MAX_BYTES:
            form.add_error("file", _("Het bestand is groter dan 2 MB. Splits het in delen."))
        else:
            preview = people_import.preview(actor=_actor(request), data=upload.read())
            if preview.file_errors:
                for error in preview.file_errors:
                    form.add_error("file", error)
            else:
                preview_id = people_import.preview_store(
                    request.session, _actor(request).organisation_id, preview
                )
                confirm = PeopleImportConfirmForm(initial={"preview_id": preview_id})
                return render(
                    request,
                    "accounts/people_import_preview.html",
                    {"preview": preview, "confirm": confirm},
                )
    status = 400 if form.is_bound else 200
    return render(request, "accounts/people_import.html", {"form": form}, status=status)


@require_POST
@requires("accounts.people.invite")
def people_import_confirm(request: HttpRequest) -> HttpResponse:
    form = PeopleImportConfirmForm(request.POST)
    actor = _actor(request)
    rows = (
        people_import.preview_rows(request.session, actor.organisation_id, form.cleaned_data["preview_id"])
        if form.is_valid()
        else None
    )
    if rows is None:
        messages.error(
            request,
            _("Dit overzicht is verlopen of hoort bij een andere sessie. Upload het bestand opnieuw."),
        )
        return redirect("accounts:people-import")
    try:
        result = people_import.import_rows(actor=actor, rows=rows, only_valid=form.cleaned_data["only_valid"])
    except NotPossible as exc:
        preview = people_import.Preview(rows=people_import.check_rows(actor.organisation_id, rows))
        context = {"preview": preview, "confirm": form, **refusal_context(exc)}
        return render(request, "accounts/people_import_preview.html", context, status=409)
    people_import.preview_forget(request.session)
    return render(request, "accounts/people_import_done.html", {"result": result})
