from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkvrede.core.forms import Form
from werkvrede.supporters.models import Section


class InviteForm(Form):
    full_name = forms.CharField(label=_("Naam van je steunpersoon"), max_length=200)
    email = forms.EmailField(
        label=_("E-mailadres van je steunpersoon"),
        help_text=_("Hier komt de uitnodiging. De e-mail zegt niets over je zaak."),
    )


class NoteForm(Form):
    section = forms.ChoiceField(label=_("Onderdeel"), choices=())
    text = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 5}), max_length=10_000)

    def __init__(self, *args: Any, sections: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["section"]
        if not isinstance(field, forms.ChoiceField):  # pragma: no cover - the declaration above
            raise TypeError("section must be a ChoiceField")
        field.choices = sections


def section_choices(sections: frozenset[Section]) -> list[tuple[str, str]]:
    return [(s.value, str(s.label)) for s in Section if s in sections]
