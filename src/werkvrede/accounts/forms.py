from __future__ import annotations

import math
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from werkvrede.accounts import throttle
from werkvrede.core.clientaddr import UNKNOWN, client_network
from werkvrede.core.forms import Form, InputRulesMixin, VersionField


def wait_text(seconds: int) -> str:
    if seconds < 60:
        return ngettext("%(count)d seconde", "%(count)d seconden", seconds) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext("%(count)d minuut", "%(count)d minuten", minutes) % {"count": minutes}


REFUSALS = {
    throttle.Rule.ACCOUNT_CLIENT: _(
        "Er is vanaf deze verbinding te vaak een verkeerd wachtwoord ingevuld voor dit e-mailadres. "
        "Wacht %(wait)s en probeer het dan opnieuw. Het account zelf is niet geblokkeerd."
    ),
    throttle.Rule.ACCOUNT: _(
        "Voor dit account is het afgelopen uur te vaak een verkeerd wachtwoord ingevuld. Daarom kan "
        "niemand er tot %(time)s met een wachtwoord op inloggen, ook de eigenaar niet (nog %(wait)s)."
    ),
    throttle.Rule.CLIENT: _(
        "Vanaf deze verbinding is het afgelopen uur op te veel verschillende accounts zonder succes "
        "ingelogd. Inloggen vanaf deze verbinding kan weer om %(time)s (nog %(wait)s)."
    ),
}


def refusal_message(refusal: throttle.Wait) -> str:
    values = {
        "wait": wait_text(refusal.retry_after),
        "time": timezone.localtime(refusal.until).strftime("%H:%M"),
    }
    return str(REFUSALS[refusal.rule]) % values


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

    # Set when the throttle refused to check the password (the view answers 429).
    refusal: throttle.Wait | None = None

    def clean(self) -> dict[str, Any]:
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not username or not password:
            return self.cleaned_data  # the field errors say what is missing; nothing was tried
        client = client_network(self.request) if self.request is not None else UNKNOWN
        attempt = throttle.attempt_start(username=username, client=client)
        if isinstance(attempt, throttle.Wait):
            self.refusal = attempt
            raise ValidationError(refusal_message(attempt), code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError:
            throttle.attempt_failed(attempt)
            raise
        throttle.attempt_succeeded(attempt)
        return cleaned


class OrganisationSwitchForm(Form):
    organisation = forms.IntegerField(widget=forms.HiddenInput)


def _role_choices() -> list[tuple[str, str]]:
    from werkvrede.accounts.people import ASSIGNABLE_ROLES

    return [(r.value, f"{r.label} ({r.value})") for r in ASSIGNABLE_ROLES]


class PersonInviteForm(Form):
    email = forms.EmailField(label=_("E-mailadres"), widget=forms.EmailInput(attrs={"autocomplete": "off"}))
    full_name = forms.CharField(label=_("Naam"), max_length=200)
    roles = forms.MultipleChoiceField(
        label=_("Rollen"),
        choices=_role_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Een steunpersoon (SUP) nodigt de werknemer zelf uit, per zaak."),
    )


class PersonRolesForm(Form):
    version = VersionField()
    roles = forms.MultipleChoiceField(
        label=_("Rollen"), choices=_role_choices, widget=forms.CheckboxSelectMultiple, required=False
    )


class PeopleImportForm(Form):
    file = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Kolommen: email, name, roles (bijvoorbeeld WN of LG;HR) en eventueel manager_email. "
            "Scheidingsteken komma of puntkomma; UTF-8. Er wordt nog niets geïmporteerd: je ziet eerst een "
            "overzicht."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class PeopleImportConfirmForm(Form):
    preview_id = forms.CharField(widget=forms.HiddenInput, max_length=64)
    only_valid = forms.BooleanField(
        label=_("Alleen de goede regels importeren; de regels met fouten overslaan"), required=False
    )
