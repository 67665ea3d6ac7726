from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkvrede.accounts.models import Membership
from werkvrede.cases.models import CaseNote, CaseRole, Configuration, ConflictType, Domain


class MembershipChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user.full_name)


class SignalForm(forms.Form):
    signalled_on = forms.DateField(
        label=_("Datum van het signaal"), widget=forms.DateInput(attrs={"type": "date"})
    )
    employee = MembershipChoiceField(
        label=_("Werknemer"), queryset=Membership.objects.none(), required=False,
        help_text=_("De werknemer die het conflict ervaart of bij wie het speelt."),
    )  # fmt: skip
    employee_name = forms.CharField(
        label=_("Of: naam van de werknemer"), max_length=200, required=False,
        help_text=_("Alleen als de werknemer hierboven niet voorkomt."),
    )  # fmt: skip
    other_party = MembershipChoiceField(
        label=_("Wederpartij"), queryset=Membership.objects.none(), required=False
    )
    other_party_name = forms.CharField(
        label=_("Of: naam van de wederpartij (persoon of groep)"), max_length=200, required=False
    )
    description = forms.CharField(
        label=_("Wat is er aan de hand?"), widget=forms.Textarea(attrs={"rows": 5}), required=False,
        help_text=_("Beschrijf wat er gebeurt en wat je belemmert. Geen medische gegevens."),
    )  # fmt: skip
    description_visibility = forms.ChoiceField(
        label=_("Wie mag dit lezen?"), choices=CaseNote.Visibility.choices,
        initial=CaseNote.Visibility.HANDLERS, widget=forms.RadioSelect,
    )  # fmt: skip

    def __init__(self, *args: Any, members: QuerySet[Membership], is_employee: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.is_employee = is_employee
        self.fields["signalled_on"].initial = timezone.localdate()
        self.fields["employee"].queryset = members  # type: ignore[attr-defined]
        self.fields["other_party"].queryset = members  # type: ignore[attr-defined]
        if is_employee:
            del self.fields["employee"]
            del self.fields["employee_name"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.is_employee and not data.get("employee") and not data.get("employee_name", "").strip():
            self.add_error("employee", _("Kies de werknemer, of vul een naam in."))
        if not data.get("other_party") and not data.get("other_party_name", "").strip():
            self.add_error("other_party", _("Kies de wederpartij, of vul een naam in."))
        return data


class IntakeForm(forms.Form):
    configuration = forms.ChoiceField(
        label=_("Partijen"), choices=[("", "—"), *Configuration.choices], required=False,
        help_text=_("R-003: individu of groep, aan beide kanten binnen de organisatie."),
    )  # fmt: skip
    domains = forms.MultipleChoiceField(
        label=_("Waar gaat het conflict over?"), choices=Domain.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("R-002: minstens één domein."),
    )  # fmt: skip
    employee_feels_obstructed = forms.BooleanField(
        label=_("De werknemer voelt zich belemmerd of geërgerd"), required=False
    )
    other_feels_obstructed = forms.BooleanField(
        label=_("De wederpartij voelt zich belemmerd of geërgerd"), required=False
    )
    acknowledged_by_other = forms.NullBooleanField(
        label=_("Erkent de andere partij het conflict?"),
        required=False,
    )
    undesirable_behaviour_suspected = forms.BooleanField(
        label=_("Vermoeden van ongewenst gedrag (intimidatie, pesten, agressie, discriminatie)"),
        required=False,
        help_text=_("Dan wordt eerst de vertrouwenspersoon aangeboden (R-100)."),
    )  # fmt: skip
    glasl_stage = forms.TypedChoiceField(
        label=_("Escalatiefase (Glasl 1–9)"), choices=[("", "—")] + [(str(i), str(i)) for i in range(1, 10)],
        coerce=int, empty_value=None, required=False,
    )  # fmt: skip
    conflict_type = forms.ChoiceField(
        label=_("Soort conflict"), choices=[("", "—"), *ConflictType.choices], required=False
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Jouw verslag"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000,
        help_text=_("Wat is er gebeurd, hoe zie jij het? Geen medische gegevens."),
    )  # fmt: skip
    visibility = forms.ChoiceField(
        label=_("Wie mag dit lezen?"), choices=CaseNote.Visibility.choices,
        initial=CaseNote.Visibility.PRIVATE, widget=forms.RadioSelect,
    )  # fmt: skip


class ParticipantForm(forms.Form):
    member = MembershipChoiceField(label=_("Persoon"), queryset=Membership.objects.none())
    role = forms.ChoiceField(label=_("Rol in de zaak"), choices=CaseRole.choices)

    def __init__(self, *args: Any, members: QuerySet[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members  # type: ignore[attr-defined]
