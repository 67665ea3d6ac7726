"""The public page behind an invitation link: choose a password, once."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from werkvrede.accounts.invitations import invitation_accept as accept
from werkvrede.accounts.invitations import user_for_token
from werkvrede.core.access import public


@public
def invitation_accept(request: HttpRequest) -> HttpResponseBase:
    user = user_for_token(request.GET.get("u", ""), request.GET.get("t", ""))
    if user is None:
        # Expired, used or altered: the same answer for each, and nothing about whom it was for.
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept(user=user, password=form.cleaned_data["new_password1"])
        messages.success(request, _("Je wachtwoord is ingesteld. Log nu in met je e-mailadres."))
        return redirect("accounts:login")
    response: HttpResponse = render(
        request, "accounts/invitation_accept.html", {"form": form, "invitee": user}
    )
    return response
