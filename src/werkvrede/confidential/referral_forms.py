"""Forms of referrals (R-102, CC-6) and the confidentiality review (R-103). Nothing typed is lost:
every field keeps its text when the service refuses."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkvrede.accounts.models import User
from werkvrede.confidential.models import BreachOutcome, ReferralTarget
from werkvrede.confidential.referrals import SUMMARY_MAX, condition_labels
from werkvrede.core.forms import Form
from werkvrede.core.widgets import DateInput


def _people(users: list[tuple[User, Any]]) -> list[tuple[str, Any]]:
    return [("", _("— kies —"))] + [
        (str(u.pk), f"{u.full_name} ({label})" if label else u.full_name) for u, label in users
    ]


class ProposalForm(Form):
    target = forms.ChoiceField(label=_("Naar wie verwijs je?"), choices=ReferralTarget.choices)
    recipient = forms.TypedChoiceField(
        label=_("Wie ontvangt de verwijzing?"),
        help_text=_("Alleen bij HR, de bedrijfsarts, het bedrijfsmaatschappelijk werk en een mediator."),
        choices=(),
        coerce=int,
        empty_value=None,
        required=False,
    )
    summary = forms.CharField(
        label=_("Wat mag je doorgeven?"),
        help_text=_(
            "Alleen deze tekst en de naam van de melder gaan naar de ontvanger, en pas als de melder "
            "toestemming geeft. Ten hoogste %(max)s tekens."
        )
        % {"max": f"{SUMMARY_MAX:,}".replace(",", ".")},
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    other_party = forms.TypedChoiceField(
        label=_("Bij een mediator: met wie gaat de melder in gesprek?"),
        choices=(),
        coerce=int,
        empty_value=None,
        required=False,
    )
    mediation_subject = forms.CharField(
        label=_("Bij een mediator: het onderwerp van de mediation"),
        help_text=_("De mediator en de andere partij zien dit onderwerp."),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        recipients: list[tuple[User, Any]],
        others: list[User],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = _people(recipients)  # type: ignore[attr-defined]
        self.fields["other_party"].choices = _people([(u, "") for u in others])  # type: ignore[attr-defined]


class AnswerForm(Form):
    consent = forms.BooleanField(
        label=_(
            "Ik geef schriftelijk toestemming om mijn naam en de samenvatting hierboven door te geven "
            "aan de genoemde ontvanger, en niets anders (CC-6)."
        ),
        required=False,
    )


class BreachForm(Form):
    recipient_role = forms.ChoiceField(
        label=_("Aan wie zou je iets verstrekken?"), choices=ReferralTarget.choices
    )
    statutory_duty = forms.BooleanField(
        label=_("Er geldt een wettelijke plicht om te verstrekken."), required=False
    )
    legal_basis = forms.CharField(
        label=_("Welke wettelijke plicht (wet en artikel)?"), max_length=300, required=False
    )
    conditions = forms.MultipleChoiceField(
        label=_("Zonder wettelijke plicht: welke voorwaarden gelden? (alle acht zijn nodig)"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    melder_informed_on = forms.DateField(
        label=_("Op welke dag heb je de melder geïnformeerd?"), required=False, widget=DateInput()
    )
    justification = forms.CharField(
        label=_("Je verantwoording"),
        help_text=_("Waarom, en wat je zou verstrekken. Alleen vertrouwenspersonen kunnen dit lezen."),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["conditions"].choices = list(condition_labels().items())  # type: ignore[attr-defined]


class BreachDecideForm(Form):
    outcome = forms.ChoiceField(
        label=_("Hoe is het afgelopen?"),
        choices=[
            (BreachOutcome.NOT_DISCLOSED.value, BreachOutcome.NOT_DISCLOSED.label),
            (BreachOutcome.DISCLOSED.value, BreachOutcome.DISCLOSED.label),
        ],
        widget=forms.RadioSelect,
    )
