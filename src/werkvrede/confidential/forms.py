from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkvrede.confidential.models import Route
from werkvrede.confidential.services import MESSAGE_MAX
from werkvrede.core.forms import Form

CONSENT_LABEL = _(
    "Ik geef de vertrouwenspersoon toestemming om mijn melding vast te leggen (CC-9). Ik weet dat "
    "alleen de vertrouwenspersoon en ik hem kunnen lezen."
)


def _message_field(label: Any) -> forms.CharField:
    # No max_length on the field: a text over the limit comes back with the text and a message that
    # says how long it is (the service checks the limit), never cut off by the browser.
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Ten hoogste %(max)s tekens.") % {"max": f"{MESSAGE_MAX:,}".replace(",", ".")},
    )


class WriteForm(Form):
    message = _message_field(_("Je bericht aan de vertrouwenspersoon"))
    registration_consent = forms.BooleanField(label=CONSENT_LABEL, required=False)


class MessageForm(Form):
    text = _message_field(_("Bericht"))
    registration_consent = forms.BooleanField(label=CONSENT_LABEL, required=False)

    def __init__(self, *args: Any, needs_consent: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not needs_consent:
            del self.fields["registration_consent"]


class IntakeForm(Form):
    confidentiality_explained = forms.BooleanField(
        label=_(
            "Ik heb uitgelegd wat geheimhouding betekent, en dat die alleen wijkt bij een wettelijke "
            "plicht of een conflict van plichten (R-103)."
        ),
        required=False,
    )
    privilege_limits_explained = forms.BooleanField(
        label=_(
            "Ik heb uitgelegd dat een vertrouwenspersoon geen verschoningsrecht heeft: een rechter "
            "kan getuigenis eisen (R-104)."
        ),
        required=False,
    )
    registration_consent = forms.BooleanField(
        label=_("De melder geeft toestemming om de melding vast te leggen (CC-9)."), required=False
    )


class CategoryForm(Form):
    category = forms.ChoiceField(label=_("Categorie"), choices=())

    def __init__(self, *args: Any, categories: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = categories  # type: ignore[attr-defined]


class RouteForm(Form):
    route = forms.ChoiceField(
        label=_("Welke weg kiest de melder?"),
        choices=[
            (Route.INFORMAL.value, Route.INFORMAL.label),
            (Route.FORMAL_COMPLAINT.value, Route.FORMAL_COMPLAINT.label),
        ],
        widget=forms.RadioSelect,
    )


class ProfileForm(Form):
    contact = forms.CharField(
        label=_("Hoe medewerkers je bereiken"),
        help_text=_(
            "Bijvoorbeeld telefoonnummer, e-mailadres en wanneer je bereikbaar bent. Dit ziet "
            "iedereen in je organisatie."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        required=False,
    )
    external = forms.BooleanField(label=_("Ik ben een externe vertrouwenspersoon"), required=False)


class CategoryAddForm(Form):
    label = forms.CharField(label=_("Nieuwe categorie (Nederlands)"), max_length=100)
    label_en = forms.CharField(label=_("In het Engels"), max_length=100, required=False)
