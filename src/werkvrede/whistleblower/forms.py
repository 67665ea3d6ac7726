"""Forms of the whistleblower channel. Dutch first; every error says what to fix."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkvrede.core.forms import Form
from werkvrede.whistleblower.models import RouteTarget
from werkvrede.whistleblower.services import MESSAGE_MAX


class ReportForm(Form):
    message = forms.CharField(
        label=_("Wat wil je melden?"),
        help_text=_(
            "Beschrijf het vermoeden van een misstand: wat, waar, wanneer, en waarom het het algemeen "
            "belang raakt. Noem geen gezondheidsgegevens die niet nodig zijn."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MESSAGE_MAX,
        error_messages={"required": _("Schrijf wat je wilt melden; het veld is nog leeg.")},
    )


class NamedReportForm(ReportForm):
    concerned = forms.MultipleChoiceField(
        label=_("Betrokkenen (niet verplicht)"),
        help_text=_("Wie je hier noemt, kan deze melding nooit inzien, ook niet als meldpunt (R-118)."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["concerned"]
        if isinstance(field, forms.MultipleChoiceField):
            field.choices = [(str(pk), name) for pk, name in people]


class TextForm(Form):
    text = forms.CharField(
        label=_("Bericht"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MESSAGE_MAX,
        error_messages={"required": _("Schrijf je bericht; het veld is nog leeg.")},
    )


class AssessForm(Form):
    public_interest = forms.TypedChoiceField(
        label=_("Beoordeling"),
        choices=[
            ("yes", _("Vermoeden van een misstand met een maatschappelijk belang")),
            ("no", _("Geen misstand: een persoonlijk conflict of iets anders")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of het om een misstand gaat of niet.")},
    )
    confirm = forms.BooleanField(
        label=_("Ik weet dat deze beoordeling niet terug te draaien is."),
        error_messages={"required": _("Vink aan dat je de beoordeling niet kunt terugdraaien.")},
    )


class RouteForm(Form):
    target = forms.ChoiceField(
        label=_("Voorstel aan de melder"),
        choices=RouteTarget.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies waarheen je de melder wilt doorverwijzen.")},
    )


class ConfirmForm(Form):
    confirm = forms.BooleanField(
        label=_("Ik bevestig deze stap; hij is niet terug te draaien."),
        error_messages={"required": _("Vink aan dat je deze stap wilt zetten.")},
    )


class SettingsForm(Form):
    workers = forms.IntegerField(
        label=_("Aantal mensen dat voor de organisatie werkt"),
        min_value=0,
        max_value=10_000_000,
        required=False,
        error_messages={"min_value": _("Vul een aantal van 0 of meer in.")},
    )
    procedure_adopted = forms.BooleanField(
        label=_("De organisatie heeft een interne meldprocedure vastgesteld (R-115)"), required=False
    )


class ReceiptCodeForm(Form):
    code = forms.CharField(
        label=_("Ontvangstcode"),
        help_text=_("De 16 cijfers die je kreeg toen je de melding verstuurde."),
        max_length=40,
        error_messages={"required": _("Vul je ontvangstcode in.")},
    )


class ReceiptReplyForm(ReceiptCodeForm):
    text = forms.CharField(
        label=_("Je antwoord"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MESSAGE_MAX,
        error_messages={"required": _("Schrijf je antwoord; het veld is nog leeg.")},
    )
