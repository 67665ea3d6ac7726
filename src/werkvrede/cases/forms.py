from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkvrede.accounts.models import Membership
from werkvrede.cases.models import (
    CaseNote,
    CaseRole,
    Configuration,
    ConflictType,
    Domain,
    LegalHold,
    MelderChoice,
    UndesirableBehaviour,
)
from werkvrede.core.forms import Form
from werkvrede.core.widgets import DateInput


def _member_email_field(label: Any, help_text: Any = "", required: bool = False) -> forms.EmailField:
    # An e-mail address instead of a list of everyone: organisations have thousands of members.
    return forms.EmailField(
        label=label,
        help_text=help_text,
        required=required,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class MemberLookupMixin:
    """Resolve e-mail fields to a membership of the organisation, or explain that there is none."""

    organisation_id: int | None

    def _member(self, value: str | None) -> Membership | None:
        if not value:
            return None
        if self.organisation_id is None:
            raise forms.ValidationError(_("Niemand met dit e-mailadres hoort bij je organisatie."))
        member = (
            Membership.objects.filter(
                organisation_id=self.organisation_id, is_active=True, user__email__iexact=value
            )
            .select_related("user")
            .first()
        )
        if member is None:
            raise forms.ValidationError(_("Niemand met dit e-mailadres hoort bij je organisatie."))
        return member


class SignalForm(MemberLookupMixin, Form):
    signalled_on = forms.DateField(label=_("Datum van het signaal"), widget=DateInput())
    employee = _member_email_field(
        _("E-mailadres van de werknemer"), _("De werknemer die het conflict ervaart of bij wie het speelt.")
    )
    employee_name = forms.CharField(
        label=_("Of: naam van de werknemer"), max_length=200, required=False,
        help_text=_("Alleen als de werknemer geen account in Werkvrede heeft."),
    )  # fmt: skip
    other_party = _member_email_field(
        _("E-mailadres van de wederpartij"), _("Als de wederpartij een collega of leidinggevende is.")
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

    def __init__(self, *args: Any, organisation_id: int | None, is_employee: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.is_employee = is_employee
        self.organisation_id = organisation_id
        self.fields["signalled_on"].initial = timezone.localdate()
        if is_employee:
            del self.fields["employee"]
            del self.fields["employee_name"]

    def clean_employee(self) -> Membership | None:
        return self._member(self.cleaned_data.get("employee"))

    def clean_other_party(self) -> Membership | None:
        return self._member(self.cleaned_data.get("other_party"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.is_employee or "employee" in self.errors:
            pass
        elif not data.get("employee") and not data.get("employee_name", "").strip():
            self.add_error("employee", _("Vul het e-mailadres of de naam van de werknemer in."))
        if (
            "other_party" not in self.errors
            and not data.get("other_party")
            and not data.get("other_party_name", "").strip()
        ):
            self.add_error("other_party", _("Vul het e-mailadres of de naam van de wederpartij in."))
        return data


class IntakeForm(Form):
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
    undesirable_behaviour_categories = forms.MultipleChoiceField(
        label=_("Welk gedrag wordt vermoed?"), choices=UndesirableBehaviour.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("RT-2: bij grensoverschrijdend gedrag wachten gesprekken en mediation met de ander "
                    "tot de melder heeft gekozen (R-100)."),
    )  # fmt: skip
    glasl_stage = forms.TypedChoiceField(
        label=_("Escalatiefase (Glasl 1–9)"), choices=[("", "—")] + [(str(i), str(i)) for i in range(1, 10)],
        coerce=int, empty_value=None, required=False,
    )  # fmt: skip
    conflict_type = forms.ChoiceField(
        label=_("Soort conflict"), choices=[("", "—"), *ConflictType.choices], required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("undesirable_behaviour_suspected") and not data.get("undesirable_behaviour_categories"):
            self.add_error(
                "undesirable_behaviour_categories",
                _("Kies minstens één soort gedrag, of haal het vinkje bij het vermoeden weg."),
            )
        if data.get("undesirable_behaviour_categories"):
            data["undesirable_behaviour_suspected"] = True
        return data


class MelderChoiceForm(Form):
    choice = forms.ChoiceField(
        label=_("Hoe wil je verder?"), choices=MelderChoice.choices, widget=forms.RadioSelect,
    )  # fmt: skip
    consents_to_mediation = forms.BooleanField(
        label=_("Ik vind een gesprek of mediation met de ander goed (I-6)"), required=False,
        help_text=_("Je kunt dit later altijd nog veranderen."),
    )  # fmt: skip


class NoteForm(Form):
    static_fields = True

    text = forms.CharField(
        label=_("Jouw verslag"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000,
        help_text=_("Wat is er gebeurd, hoe zie jij het? Geen medische gegevens."),
    )  # fmt: skip
    visibility = forms.ChoiceField(
        label=_("Wie mag dit lezen?"), choices=CaseNote.Visibility.choices,
        initial=CaseNote.Visibility.PRIVATE, widget=forms.RadioSelect,
    )  # fmt: skip


class ParticipantForm(MemberLookupMixin, Form):
    static_fields = True

    member = _member_email_field(_("E-mailadres van de persoon"), required=True)
    role = forms.ChoiceField(label=_("Rol in de zaak"), choices=CaseRole.choices)
    question = forms.CharField(
        label=_("Vraag aan de bedrijfsarts"), required=False, max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Alleen bij een verwijzing naar de bedrijfsarts. Niet om advies over beëindiging van het "
            "dienstverband (R-033, R-097)."
        ),
    )  # fmt: skip

    def __init__(self, *args: Any, organisation_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation_id = organisation_id

    def clean_member(self) -> Membership | None:
        return self._member(self.cleaned_data.get("member"))


class LegalHoldForm(Form):
    """R-140: keep the case's records past their retention term, only with a stated reason."""

    static_fields = True

    category = forms.ChoiceField(
        label=_("Grond voor de bewaarplicht"), choices=LegalHold.Category.choices, widget=forms.RadioSelect,
    )  # fmt: skip
    reason = forms.CharField(
        label=_("Reden"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2_000,
        help_text=_(
            "Bijvoorbeeld: de procedure bij de kantonrechter en het zaaknummer. Geen medische gegevens."
        ),
    )  # fmt: skip


class LegalHoldLiftForm(Form):
    static_fields = True

    lift_reason = forms.CharField(
        label=_("Waarom wordt de bewaarplicht opgeheven?"), widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2_000, help_text=_("Daarna lopen de bewaartermijnen weer. Geen medische gegevens."),
    )  # fmt: skip
