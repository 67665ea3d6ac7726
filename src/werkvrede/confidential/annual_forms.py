from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkvrede.core.forms import Form


class CompileForm(Form):
    year = forms.TypedChoiceField(label=_("Jaar"), coerce=int, choices=())
    recommendations = forms.CharField(
        label=_("Aanbevelingen aan de organisatie"),
        help_text=_(
            "Wat je de organisatie aanraadt. Geen namen of e-mailadressen: het jaarverslag is "
            "anoniem (R-105)."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
    )

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(str(y), str(y)) for y in years]  # type: ignore[attr-defined]


class AdviceForm(Form):
    text = forms.CharField(
        label=_("Advies aan het management"),
        help_text=_(
            "Wat je in de meldingen ziet en wat je aanraadt, zonder melders herkenbaar te maken (R-108)."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ConcernsForm(Form):
    person = forms.TypedChoiceField(
        label=_("Iemand van de organisatie"), coerce=int, choices=(), required=False, empty_value=None
    )
    name = forms.CharField(label=_("Of typ een naam"), max_length=200, required=False)

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", _("Kies niemand"))] + [(str(pk), name) for pk, name in people]  # type: ignore[attr-defined]
