from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkvrede.accounts.models import Membership
from werkvrede.cases.forms import MemberLookupMixin
from werkvrede.core.forms import Form, VersionField
from werkvrede.core.widgets import DateInput
from werkvrede.interventions.models import (
    ChairRole,
    ContactRole,
    EvaluationOutcome,
    InitiatedBy,
    InterventionKind,
    PeriodForm,
)

DATE = DateInput()


class PeriodProposalForm(Form):
    initiated_by = forms.ChoiceField(label=_("Wie neemt het initiatief?"), choices=InitiatedBy.choices)
    form = forms.ChoiceField(
        label=_("Vorm"),
        choices=PeriodForm.choices,
        widget=forms.RadioSelect,
        help_text=_("Liefst tijdelijk op een andere werkplek; vrijstelling alleen als dat niet kan (R-040)."),
    )
    released_reason = forms.CharField(
        label=_("Waarom kan een andere werkplek niet?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht bij vrijstelling van werk (R-040)."),
    )
    start_on = forms.DateField(label=_("Eerste dag"), widget=DATE)
    end_on = forms.DateField(
        label=_("Laatste dag"), widget=DATE, help_text=_("Een open einde kan niet (R-046).")
    )
    exceptional_reason = forms.CharField(
        label=_("Bijzondere reden voor een langere periode"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht als de periode langer is dan de gewone lengte uit het protocol (R-041)."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start_on") and data.get("end_on") and data["end_on"] < data["start_on"]:
            self.add_error(
                "end_on", _("De laatste dag ligt voor de eerste dag. Kies een latere laatste dag.")
            )
        return data


class AppointmentForm(MemberLookupMixin, Form):
    with_role = forms.ChoiceField(label=_("Afspraak met (rol)"), choices=ContactRole.choices)
    with_person = forms.CharField(
        label=_("Naam van de persoon"),
        max_length=200,
        help_text=_(
            "Met wie het conflict en een oplossing besproken worden. Meestal de leidinggevende, "
            "of diens leidinggevende als de leidinggevende de wederpartij is."
        ),
    )
    # An e-mail address, not a list of everyone: organisations have thousands of members.
    with_member = forms.EmailField(
        label=_("E-mailadres van deze persoon (als die een account heeft)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("Dan ziet die persoon de afspraak (alleen de afspraak)."),
    )
    chaired_by = forms.ChoiceField(
        label=_("Wie leidt het gesprek?"),
        choices=[("", "—"), *ContactRole.choices],
        required=False,
        help_text=_("De vertrouwenspersoon mag steunen, maar het gesprek nooit leiden (R-064)."),
    )
    meeting_on = forms.DateField(label=_("Datum van het gesprek"), widget=DATE)

    def __init__(self, *args: Any, organisation_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation_id = organisation_id

    def clean_with_member(self) -> Membership | None:
        return self._member(self.cleaned_data.get("with_member"))


class ExtensionForm(Form):
    extension_end_on = forms.DateField(label=_("Nieuwe laatste dag"), widget=DATE)
    extension_reason = forms.CharField(
        label=_("Bijzondere reden voor de verlenging"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Samen nooit langer dan het maximum uit het protocol (R-041)."),
    )


class EvaluationForm(Form):
    outcome = forms.ChoiceField(
        label=_("Uitkomst"), choices=EvaluationOutcome.choices, widget=forms.RadioSelect
    )


class LeaveRequestForm(Form):
    start_on = forms.DateField(label=_("Eerste verlofdag"), widget=DATE)
    end_on = forms.DateField(label=_("Laatste verlofdag"), widget=DATE)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start_on") and data.get("end_on") and data["end_on"] < data["start_on"]:
            self.add_error(
                "end_on", _("De laatste dag ligt voor de eerste dag. Kies een latere laatste dag.")
            )
        return data


class InterventionRecordForm(Form):
    kind = forms.ChoiceField(label=_("Soort"), choices=InterventionKind.choices)
    chair_role = forms.ChoiceField(label=_("Wie leidt het?"), choices=ChairRole.choices, required=False)
    hr_attends = forms.BooleanField(label=_("HR is bij het gesprek"), required=False)
    support_employee = forms.NullBooleanField(label=_("De werknemer steunt deze aanpak"), required=False)
    support_other = forms.NullBooleanField(label=_("De wederpartij steunt deze aanpak"), required=False)
    planned_on = forms.DateField(label=_("Gepland op"), widget=DATE, required=False)
    note = forms.CharField(
        label=_("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
        help_text=_(
            "Geen medische gegevens. Bij een verwijzing naar de vertrouwenspersoon wordt niets meegestuurd."
        ),
    )


class InterventionUpdateForm(InterventionRecordForm):
    """The plan of an intervention that has not started; its kind stays as recorded."""

    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["kind"]
