from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from werkvrede.core.forms import Form
from werkvrede.guideline import fairness


def english() -> bool:
    return (get_language() or "nl").startswith("en")


class AnswerForm(Form):
    """One radio group per question (1-5, Dutch first) and an optional comment without identity."""

    comment = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        help_text=_(
            "Noem geen namen of details waaraan iemand je kan herkennen. Alleen HR leest toelichtingen, "
            "per kwartaal en pas als genoeg mensen hebben geantwoord."
        ),
        max_length=fairness.COMMENT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        in_english = english()
        choices = [(str(n), en if in_english else nl) for n, nl, en in fairness.SCALE]
        comment = self.fields.pop("comment")
        for question in fairness.QUESTIONS:
            self.fields[question.code] = forms.TypedChoiceField(
                label=question.text_en if in_english else question.text_nl,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies bij deze vraag een antwoord.")},
            )
        self.fields["comment"] = comment

    def answers(self) -> dict[str, object]:
        return {code: self.cleaned_data[code] for code in fairness.QUESTION_CODES}

    def questions(self) -> list[Any]:
        return [self[code] for code in fairness.QUESTION_CODES]
