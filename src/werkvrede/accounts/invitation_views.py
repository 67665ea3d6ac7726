"""The public page behind an invitation link: a new account chooses its password, an existing one
logs in and accepts. Once, and only by the invitee."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from werkvrede.accounts import invitations
from werkvrede.accounts.middleware import ACTIVE_ORGANISATION_SESSION_KEY
from werkvrede.core.access import public
from werkvrede.core.refusals import NotPossible


@public
def invitation_accept(request: HttpRequest) -> HttpResponseBase:
    state, invitation = invitations.invitation_link_state(request.GET.get("i", ""))
    if invitation is None:
        # Say which (expired, replaced, used, withdrawn) and the next step, never whom it was for or
        # where to (ADR 0071); an altered link is only "not valid".
        return render(request, "accounts/invitation_invalid.html", {"state": state}, status=404)
    invitee = invitation.invitee
    context: dict[str, object] = {"invitation": invitation, "invitee": invitee}
    if not invitee.has_usable_password():
        form = SetPasswordForm(invitee, request.POST or None)
        context["form"] = form
        if request.method == "POST" and form.is_valid():
            try:
                invitations.invitation_accept(
                    invitation=invitation,
                    password=form.cleaned_data["new_password1"],
                    today=timezone.localdate(),
                )
            except NotPossible as exc:
                return _refused(request, str(exc))
            messages.success(request, _("Je wachtwoord is ingesteld. Log nu in met je e-mailadres."))
            return redirect("accounts:login")
        status = 400 if form.is_bound else 200
        return render(request, "accounts/invitation_accept.html", context, status=status)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.user.pk != invitee.pk:
        # Someone else's invitation: say so without saying whose.
        return render(request, "accounts/invitation_other_account.html", status=403)
    if request.method == "POST":
        try:
            invitations.invitation_accept(invitation=invitation, today=timezone.localdate())
        except NotPossible as exc:
            return _refused(request, str(exc))
        request.session[ACTIVE_ORGANISATION_SESSION_KEY] = invitation.organisation_id
        messages.success(
            request,
            _("Je hebt de uitnodiging aangenomen. Je werkt nu in %(organisation)s.")
            % {"organisation": invitation.organisation.name},
        )
        return redirect("core:home")
    return render(request, "accounts/invitation_join.html", context)


def _refused(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "accounts/invitation_refused.html", {"message": message}, status=409)
