from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkvrede.accounts.models import Membership
from werkvrede.cases.models import ConflictType
from werkvrede.core.forms import Form, VersionField
from werkvrede.core.roles import Role
from werkvrede.core.widgets import DateInput
from werkvrede.guideline.parse import MAX_INT as MAX_GUIDELINE_COUNT
from werkvrede.sickness.models import (
    AbleToConverse,
    AdviceContent,
    AdviceKind,
    Condition,
    ConflictStyle,
    InterventionForm,
    VerdictValue,
)

_YES_NO = [("", "—"), ("true", _("Ja")), ("false", _("Nee"))]


def _yes_no(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=_YES_NO,
        coerce=lambda v: v == "true",
        empty_value=None,
        required=False,
    )


class SickReportForm(Form):
    """The employer's sick-report form: the dates and R-130's fields, nothing else (R-130, R-132)."""

    version = VersionField()
    first_sick_day = forms.DateField(label=_("Eerste ziektedag"), widget=DateInput())
    notified_to_ba_on = forms.DateField(
        label=_("Gemeld bij de arbodienst of bedrijfsarts op"), required=False,
        widget=DateInput(), help_text=_("Uiterlijk 7 dagen na de eerste ziektedag (R-010)."),
    )  # fmt: skip
    recovery_date = forms.DateField(label=_("Hersteld per"), required=False, widget=DateInput())
    phone = forms.CharField(label=_("Telefoonnummer tijdens de ziekte"), max_length=40, required=False)
    address = forms.CharField(label=_("(Verpleeg)adres"), max_length=300, required=False)
    expected_duration = forms.CharField(
        label=_("Verwachte duur van het verzuim"), max_length=100, required=False,
        help_text=_("Bijvoorbeeld: een week. Niet waarom."),
    )  # fmt: skip
    ongoing_appointments = forms.CharField(
        label=_("Lopende afspraken"), max_length=300, required=False,
        help_text=_("Afspraken in het werk die overgenomen moeten worden."),
    )  # fmt: skip
    ongoing_work = forms.CharField(
        label=_("Lopend werk"), max_length=300, required=False,
        help_text=_("Werk dat door moet gaan of overgedragen moet worden."),
    )  # fmt: skip
    safety_net_applies = _yes_no(_("Valt de werknemer onder een vangnetregeling van de Ziektewet?"))
    work_accident = _yes_no(_("Hangt de ziekte samen met een arbeidsongeval?"))
    traffic_accident_liable_third_party = _yes_no(
        _("Is het een verkeersongeval waarbij een ander aansprakelijk kan zijn?")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, recovered = data.get("first_sick_day"), data.get("recovery_date")
        if first and recovered and recovered < first:
            self.add_error("recovery_date", _("Deze datum ligt voor de eerste ziektedag."))
        notified = data.get("notified_to_ba_on")
        if first and notified and notified < first:
            self.add_error("notified_to_ba_on", _("Deze datum ligt voor de eerste ziektedag."))
        return data


class ConsultForm(Form):
    consult_on = forms.DateField(label=_("Datum van het spreekuur"), widget=DateInput())
    note = forms.CharField(
        label=_("Medische aantekening (alleen voor bedrijfsarts en werknemer)"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}), max_length=20_000,
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consult_on"].initial = timezone.localdate()


class MedicalNoteForm(Form):
    text = forms.CharField(
        label=_("Medische aantekening"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20_000
    )


class VerdictForm(Form):
    value = forms.ChoiceField(
        label=_("Oordeel"), choices=VerdictValue.choices, widget=forms.RadioSelect,
        help_text=_("Gedeeltelijk arbeidsgeschikt is arbeidsongeschikt met beperkingen en een percentage."),
    )  # fmt: skip
    degree_pct = forms.IntegerField(
        label=_("Mate van arbeidsongeschiktheid (%)"), min_value=0, max_value=100, required=False
    )
    expected_duration = forms.CharField(label=_("Verwachte duur"), max_length=100, required=False)
    no_work_capacity = forms.BooleanField(
        label=_("Op dit moment geen benutbare mogelijkheden"), required=False
    )
    limitations = forms.CharField(
        label=_("Beperkingen in het werk"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat de werknemer niet kan. Geen diagnose: de werkgever leest dit."),
    )  # fmt: skip
    possibilities = forms.CharField(
        label=_("Mogelijkheden en aanpassingen"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    recorded_on = forms.DateField(label=_("Datum van het oordeel"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recorded_on"].initial = timezone.localdate()


class FindingForm(Form):
    conflict = forms.TypedChoiceField(
        label=_("Is er sprake van een arbeidsconflict?"), choices=[("true", _("Ja")), ("false", _("Nee"))],
        coerce=lambda v: v == "true", widget=forms.RadioSelect,
        help_text=_("De variant (A, B, C) volgt hieruit en uit het oordeel; je vult die niet zelf in."),
    )  # fmt: skip
    prolongs_incapacity = forms.BooleanField(
        label=_("Het conflict verlengt naar verwachting de arbeidsongeschiktheid"), required=False,
        help_text=_("Dan is mediation geïndiceerd (I-5)."),
    )  # fmt: skip
    recorded_on = forms.DateField(label=_("Datum"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recorded_on"].initial = timezone.localdate()


class DiagnosisForm(Form):
    conflict_type = forms.ChoiceField(label=_("Soort conflict"), choices=ConflictType.choices)
    glasl_stage = forms.TypedChoiceField(
        label=_("Escalatiefase (Glasl 1–9)"), choices=[(str(i), str(i)) for i in range(1, 10)], coerce=int
    )
    style_employee = forms.ChoiceField(
        label=_("Conflictstijl van de werknemer"), choices=ConflictStyle.choices
    )
    style_other = forms.ChoiceField(
        label=_("Conflictstijl van de wederpartij"), choices=ConflictStyle.choices
    )
    occupational_disease_assessed = forms.BooleanField(label=_("Beroepsziekte overwogen"), required=False)


class CapacityForm(Form):
    resilience = forms.CharField(label=_("Draagkracht"), widget=forms.Textarea(attrs={"rows": 3}))
    problem_solving = forms.CharField(
        label=_("Probleemoplossend vermogen"), widget=forms.Textarea(attrs={"rows": 3})
    )
    able_to_converse = forms.ChoiceField(
        label=_("In staat tot het gesprek over het conflict?"), choices=AbleToConverse.choices,
        widget=forms.RadioSelect,
    )  # fmt: skip
    medical_grounds = forms.CharField(
        label=_("Medische gronden"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen als de werknemer tijdelijk niet in staat is. De werkgever ziet dit niet."),
    )  # fmt: skip
    review_date = forms.DateField(label=_("Heroverweging op"), required=False, widget=DateInput())
    strengthening_advice = forms.CharField(
        label=_("Advies om de belastbaarheid te versterken"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("able_to_converse") == AbleToConverse.NO_MEDICAL_GROUNDS:
            if not data.get("medical_grounds", "").strip():
                self.add_error("medical_grounds", _("Vul de medische gronden in."))
            if not data.get("review_date"):
                self.add_error("review_date", _("Kies een datum om dit opnieuw te beoordelen."))
        return data


class AdviceForm(Form):
    """The structured fields of R-030…R-039; the recipients always include the employee (R-021)."""

    kind = forms.ChoiceField(label=_("Soort advies"), choices=AdviceKind.choices)
    content = forms.MultipleChoiceField(
        label=_("Wat het advies bevat"), choices=AdviceContent.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    resumption_condition = forms.ChoiceField(
        label=_("Voorwaarde voor werkhervatting"), choices=Condition.choices, initial=Condition.NONE
    )
    reintegration_condition = forms.ChoiceField(
        label=_("Voorwaarde voor re-integratie"), choices=Condition.choices, initial=Condition.NONE
    )
    recommends_termination = forms.BooleanField(
        label=_("Adviseert beëindiging van het dienstverband"), required=False
    )
    recommends_resignation = forms.BooleanField(
        label=_("Adviseert de werknemer ontslag te nemen"), required=False
    )
    not_able_to_converse = forms.BooleanField(
        label=_("Tijdelijk niet in staat tot een gesprek over het conflict"), required=False
    )
    not_able_medical_grounds = forms.BooleanField(label=_("Dit berust op medische gronden"), required=False)
    review_date = forms.DateField(label=_("Heroverweging op"), required=False, widget=DateInput())
    ip_form = forms.ChoiceField(
        label=_("Interventieperiode: vorm"), choices=[("", "—"), *InterventionForm.choices], required=False
    )
    ip_start_on = forms.DateField(label=_("Interventieperiode: begin"), required=False, widget=DateInput())
    ip_days = forms.IntegerField(
        label=_("Interventieperiode: aantal dagen"),
        min_value=1,
        max_value=MAX_GUIDELINE_COUNT,
        required=False,
    )
    ip_contact_person = forms.CharField(
        label=_("Interventieperiode: contactpersoon voor de afspraak"), max_length=200, required=False
    )
    solution_direction = forms.CharField(
        label=_("Oplossingsrichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    text = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 5}), max_length=20_000,
        help_text=_("Werkgever en werknemer lezen precies dit. Geen medische gegevens."),
    )  # fmt: skip
    employer_recipients = forms.MultipleChoiceField(
        label=_("Aan de werkgever: wie"), required=True, widget=forms.CheckboxSelectMultiple,
        choices=[("LG", _("Leidinggevende")), ("HR", _("HR-adviseur")), ("CM", _("Casemanager"))],
        initial=["HR"], help_text=_("De werknemer krijgt altijd tegelijk hetzelfde advies."),
    )  # fmt: skip


class OpenConsultForm(Form):
    # An e-mail address, not a list of every employee: organisations have thousands of them.
    employee = forms.EmailField(
        label=_("E-mailadres van de werknemer"), widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
    held_on = forms.DateField(label=_("Datum van het open spreekuur"), widget=DateInput())
    note = forms.CharField(
        label=_("Medische aantekening"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20_000,
    )  # fmt: skip
    employer_consulted_role = forms.ChoiceField(
        label=_("Werkgever geraadpleegd"), required=False,
        choices=[
            ("", _("Nee")), ("LG", _("Leidinggevende")), ("HR", _("HR-adviseur")), ("CM", _("Casemanager")),
        ],
        help_text=_("Alleen met geldige toestemming van de werknemer voor die rol (CC-1, R-038)."),
    )  # fmt: skip

    def __init__(self, *args: Any, organisation_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation_id = organisation_id
        self.fields["held_on"].initial = timezone.localdate()

    def clean_employee(self) -> Membership:
        email = self.cleaned_data["employee"]
        member = (
            Membership.objects.filter(
                organisation_id=self.organisation_id,
                is_active=True,
                grants__role=Role.EMPLOYEE,
                user__email__iexact=email,
            )
            .select_related("user")
            .first()
            if self.organisation_id is not None
            else None
        )
        if member is None:
            raise forms.ValidationError(_("Geen werknemer van je organisatie heeft dit e-mailadres."))
        return member


# --- The Poortwachter documents (D10) ---------------------------------------------------------------

_WVP_TEXT_ROWS = {"casemanager": 1, "expected_duration": 1}
_WVP_NULLABLE = (("", _("Onbekend")), ("true", _("Ja")), ("false", _("Nee")))


def wvp_form_class(kind: str) -> type[forms.Form]:
    """The form of one kind of Poortwachter document: exactly the fields its writer fills in."""
    from werkvrede.documents.content import WVP_FIELD_LABELS
    from werkvrede.sickness.wvp import BOOLEAN_FIELDS, DATE_FIELDS, MEDICAL_PART, NULLABLE_BOOLEANS, SPECS

    spec = SPECS[kind]
    fields: dict[str, forms.Field] = {}
    for name in spec.fields:
        label = WVP_FIELD_LABELS[name]
        if name in NULLABLE_BOOLEANS:
            fields[name] = forms.TypedChoiceField(
                label=label,
                choices=_WVP_NULLABLE,
                required=False,
                coerce=lambda v: {"true": True, "false": False}.get(v),
                empty_value=None,
            )
        elif name in BOOLEAN_FIELDS:
            fields[name] = forms.BooleanField(label=label, required=False)
        elif name in DATE_FIELDS:
            fields[name] = forms.DateField(label=label, required=False, widget=DateInput())
        elif name in _WVP_TEXT_ROWS:
            fields[name] = forms.CharField(label=label, required=False, max_length=200)
        else:
            fields[name] = forms.CharField(
                label=label, required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
            )
    if spec.kind == "PROBLEM_ANALYSIS":
        fields[MEDICAL_PART] = forms.CharField(
            label=_("Medisch deel (alleen voor de bedrijfsarts; versleuteld, nooit in het document)"),
            required=False,
            max_length=20000,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
    return type(f"WvpForm{kind.title()}", (Form,), fields)


class WvpSignForm(Form):
    typed_name = forms.CharField(label=_("Typ uw volledige naam om te ondertekenen"), max_length=200)
