from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkvrede.contact.models import PreferredContact, RequesterRole
from werkvrede.core.forms import Form


class ContactRequestForm(Form):
    name = forms.CharField(label=_("Je naam"), max_length=200)
    organisation_name = forms.CharField(label=_("Naam van de organisatie"), max_length=200)
    email = forms.EmailField(label=_("E-mailadres"))
    phone = forms.CharField(label=_("Telefoonnummer (niet verplicht)"), max_length=40, required=False)
    requester_role = forms.ChoiceField(
        label=_("Je bent"), choices=RequesterRole.choices, widget=forms.RadioSelect
    )
    people_involved = forms.IntegerField(
        label=_("Met hoeveel mensen gaat het ongeveer?"), min_value=1, max_value=500, initial=2
    )
    preferred_contact = forms.ChoiceField(
        label=_("Hoe wil je benaderd worden?"), choices=PreferredContact.choices, widget=forms.RadioSelect
    )
    # Honeypot: hidden from people (and from screen readers); bots fill in every field.
    website = forms.CharField(required=False, label=_("Laat dit veld leeg"))

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("preferred_contact") == PreferredContact.PHONE and not data.get("phone"):
            self.add_error("phone", _("Vul een telefoonnummer in, of kies voor contact per e-mail."))
        return data


class SettingsForm(Form):
    accepts_contact_requests = forms.BooleanField(
        label=_("Ik neem contactaanvragen aan"),
        required=False,
        help_text=_("Nieuwe aanvragen van het openbare contactformulier komen dan ook bij jou binnen."),
    )


class SetupForm(Form):
    organisation_name = forms.CharField(label=_("Naam van de organisatie"), max_length=200)
    employer_name = forms.CharField(label=_("Naam van de werkgever (vertegenwoordiger)"), max_length=200)
    employer_email = forms.EmailField(label=_("E-mailadres van de werkgever"))
    employee_name = forms.CharField(label=_("Naam van de werknemer"), max_length=200)
    employee_email = forms.EmailField(label=_("E-mailadres van de werknemer"))
