from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkvrede.core.forms import Form


class EraseForm(Form):
    """Irreversible: the Beheerder types the person's name and ticks that they understand."""

    confirm_name = forms.CharField(label=_("Typ de naam van de persoon"), max_length=200)
    understood = forms.BooleanField(label=_("Ik begrijp dat wissen niet terug te draaien is."), required=True)

    def __init__(self, *args: Any, expected_name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expected_name = expected_name

    def clean_confirm_name(self) -> str:
        typed: str = self.cleaned_data["confirm_name"]
        if " ".join(typed.split()).casefold() != " ".join(self.expected_name.split()).casefold():
            raise forms.ValidationError(_("Dit is niet de naam van de persoon. Typ de naam zoals hierboven."))
        return typed
