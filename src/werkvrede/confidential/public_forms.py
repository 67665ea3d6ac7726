"""Forms of the public reporting pages (no log-in): an anonymous report, its receipt code, a reply."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkvrede.confidential.forms import _message_field
from werkvrede.core.forms import Form


class AnonymousReportForm(Form):
    category = forms.ChoiceField(label=_("Waar gaat het over?"), choices=(), required=False)
    message = _message_field(_("Je bericht aan de vertrouwenspersoon"))

    def __init__(self, *args: Any, categories: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [  # type: ignore[attr-defined]
            ("", _("Kies een onderwerp (mag je openlaten)")),
            *categories,
        ]


class ReceiptForm(Form):
    code = forms.CharField(
        label=_("Je ontvangstcode"),
        help_text=_("De 16 cijfers die je kreeg toen je je melding verstuurde. Spaties mogen."),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": _("Vul je ontvangstcode in.")},
    )


class SavedForm(Form):
    saved = forms.BooleanField(label=_("Ik heb mijn code bewaard"), required=False)
    # The code shown on the receipt page comes back with the form, so that the page can show it again
    # when the box is not ticked; it is never stored.
    receipt = forms.CharField(max_length=40, required=False, widget=forms.HiddenInput)
    organisation = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)


class ReplyForm(Form):
    text = _message_field(_("Je antwoord aan de vertrouwenspersoon"))
