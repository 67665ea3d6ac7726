from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from werkvrede.core.forms import Form, InputRulesMixin


class LoginForm(InputRulesMixin, AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mailadres"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    error_messages = {
        "invalid_login": _(
            "Deze combinatie van e-mailadres en wachtwoord kennen we niet. "
            "Controleer beide en probeer het opnieuw."
        ),
        "inactive": _("Dit account is niet actief. Neem contact op met de beheerder van je organisatie."),
    }


class OrganisationSwitchForm(Form):
    organisation = forms.IntegerField(widget=forms.HiddenInput)
