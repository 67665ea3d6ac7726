from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from werkvrede.core.forms import Form
from werkvrede.core.widgets import DateInput
from werkvrede.guideline import prevention


class StartForm(Form):
    team = forms.CharField(
        label=_("Team"),
        help_text=_(
            "De naam van het team, zoals jullie die gebruiken. Dezelfde naam later laat de verandering zien."
        ),
        max_length=80,
    )
    closes_on = forms.DateField(
        label=_("Sluitdatum (niet verplicht)"),
        help_text=_("Na deze dag kan niemand meer antwoorden. Leeg: je sluit de peiling zelf."),
        required=False,
        widget=DateInput(),
    )


def english() -> bool:
    return (get_language() or "nl").startswith("en")


class AnswerForm(Form):
    """One radio group per statement (PS-x), 1-5; every statement must be answered."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        in_english = english()
        choices = [(str(n), en if in_english else nl) for n, nl, en in prevention.SCALE]
        for statement in prevention.STATEMENTS:
            self.fields[statement.code] = forms.TypedChoiceField(
                label=statement.text_en if in_english else statement.text_nl,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies bij deze stelling een antwoord.")},
            )

    def answers(self) -> dict[str, int]:
        return {code: self.cleaned_data[code] for code in prevention.STATEMENT_CODES}
