"""Forms of the mediation pages. The neutral notice has no form at all (R-080)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkvrede.core.forms import Form
from werkvrede.core.widgets import DateInput
from werkvrede.mediation.models import AdmissionKind, ChecklistItem, OutcomeKind, PartySide, Track

DATE = DateInput()


class UserChoiceField(forms.TypedChoiceField):
    def __init__(self, *, users: Any, **kwargs: Any) -> None:
        choices = [("", "—")] + [(u.pk, u.full_name) for u in users]
        super().__init__(choices=choices, coerce=int, empty_value=None, **kwargs)


class ReferralForm(Form):
    subject = forms.CharField(
        label=_("Onderwerp van de mediation"),
        max_length=200,
        help_text=_(
            "Kort en neutraal, bijvoorbeeld 'samenwerking in het team'. Het komt in de overeenkomst."
        ),
    )

    def __init__(
        self, *args: Any, users: Any, mediators: Any, without_account: Any = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.without_account = list(without_account)
        self.fields["employee"] = UserChoiceField(
            users=users, label=_("Werknemer (partij)"), required=not self.without_account
        )
        self.fields["other"] = UserChoiceField(users=users, label=_("Wederpartij"), required=False)
        self.fields["employer_representative"] = UserChoiceField(
            users=users,
            label=_("Vertegenwoordiger van de werkgever"),
            required=False,
            help_text=_(
                "Alleen deze persoon neemt namens de werkgever deel en ziet de inhoud (voetnoot 18)."
            ),
        )
        self.fields["mediator"] = UserChoiceField(users=mediators, label=_("Mediator"), required=False)
        # A case party without an account is invited by e-mail from the referral itself (ADR 0138).
        for party in self.without_account:
            self.fields[f"invite_{party.pk}"] = forms.EmailField(
                label=_("%(name)s: uitnodigen per e-mail") % {"name": party.name},
                required=False,
                help_text=_(
                    "Deze persoon krijgt een eenmalige uitnodiging en wordt partij zodra die is aangenomen."
                ),
            )

    def invited(self) -> list[tuple[int, str]]:
        """(case party id, e-mail) of the parties to invite."""
        d = self.cleaned_data
        return [(p.pk, d[f"invite_{p.pk}"]) for p in self.without_account if d.get(f"invite_{p.pk}")]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        sides = {p.side for p in self.without_account if data.get(f"invite_{p.pk}")}
        if not data.get("employee") and "WN" not in sides and "employee" not in self.errors:
            self.add_error("employee", _("Kies de werknemer of nodig de werknemer uit per e-mail."))
        if not data.get("other") and not data.get("employer_representative") and "WP" not in sides:
            self.add_error("other", _("Kies een wederpartij of een vertegenwoordiger van de werkgever."))
        return data

    def parties(self) -> list[tuple[int, str]]:
        d = self.cleaned_data
        out: list[tuple[int, str]] = [(d["employee"], PartySide.EMPLOYEE)] if d.get("employee") else []
        if d.get("other"):
            out.append((d["other"], PartySide.OTHER))
        if d.get("employer_representative"):
            out.append((d["employer_representative"], PartySide.EMPLOYER_REPRESENTATIVE))
        return out


class IntakeForm(Form):
    held_on = forms.DateField(label=_("Datum van de intake"), widget=DATE)
    positions = forms.CharField(label=_("Standpunten"), widget=forms.Textarea(attrs={"rows": 3}))
    interests = forms.CharField(label=_("Belangen"), widget=forms.Textarea(attrs={"rows": 3}))
    causes = forms.CharField(label=_("Onderliggende oorzaken"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, parties: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = {
            "party": forms.TypedChoiceField(
                label=_("Partij"), choices=[(p.pk, p.user.full_name) for p in parties], coerce=int
            ),
            **self.fields,
        }


class AgreementForm(Form):
    voluntary = forms.BooleanField(
        label=_("Deelname is vrijwillig; iedere partij kan op elk moment stoppen (R-070)"), required=False
    )
    confidential = forms.BooleanField(
        label=_("Geheimhouding, ook na afloop en in een procedure; de mediator is geen getuige (R-074)"),
        required=False,
    )
    neutrality = forms.BooleanField(
        label=_("De mediator is neutraal en beslist niets (R-071)"), required=False
    )
    reglement = forms.CharField(label=_("Reglement"), required=False, initial="MfN-mediationreglement")
    fees = forms.CharField(label=_("Kosten"), required=False)
    paid_by = forms.CharField(label=_("Wie betaalt"), required=False)
    reporting = forms.CharField(
        label=_("Verslaglegging"),
        required=False,
        initial=_("De verwijzer krijgt alleen het bericht dat de mediation is begonnen en geëindigd."),
    )
    interim_agreements = forms.CharField(label=_("Tussentijdse afspraken"), required=False)
    place = forms.CharField(label=_("Plaats"), required=False)


class SessionForm(Form):
    starts_at = forms.DateTimeField(
        label=_("Datum en tijd"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    duration_minutes = forms.IntegerField(label=_("Duur in minuten"), min_value=15, max_value=480, initial=90)

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"] = forms.TypedMultipleChoiceField(
            label=_("Deelnemers"),
            choices=[(u.pk, u.full_name) for u in people],
            coerce=int,
            widget=forms.CheckboxSelectMultiple,
        )


class NoteForm(Form):
    text = forms.CharField(label=_("Aantekening"), widget=forms.Textarea(attrs={"rows": 4}))


class MessageForm(Form):
    """R-083: a message of the mediator to the parties; all parties are ticked to start with."""

    text = forms.CharField(label=_("Bericht"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, parties: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipients"] = forms.TypedMultipleChoiceField(
            label=_("Aan"),
            choices=[(party.user_id, party.user.full_name) for party in parties],
            coerce=int,
            widget=forms.CheckboxSelectMultiple,
            initial=[party.user_id for party in parties],
            help_text=_(
                "Schrijf je aan één partij, dan zie je eerst de richtlijn over partijdigheid (R-083)."
            ),
        )


class TrackForm(Form):
    track = forms.ChoiceField(label=_("Spoor"), choices=Track.choices, widget=forms.RadioSelect)


class OutcomeForm(Form):
    kind = forms.ChoiceField(
        label=_("Soort afspraken"), choices=OutcomeKind.choices, widget=forms.RadioSelect
    )
    points = forms.CharField(
        label=_("Afspraken"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Eén afspraak per regel."),
    )
    ends_mediation = forms.BooleanField(
        label=_("Met het tekenen van deze afspraken eindigt de mediation (R-082)"), required=False
    )
    ended_on = forms.DateField(label=_("Einddatum van de mediation"), required=False, widget=DATE)
    place = forms.CharField(label=_("Plaats"), required=False)
    employment_ends_on = forms.DateField(
        label=_("Einddatum van het dienstverband (alleen exitmediation)"),
        required=False,
        widget=DATE,
        help_text=_(
            "Ingevuld en door alle partijen getekend, stelt Werkvrede hieruit de "
            "beëindigingsovereenkomst op, met de bedenktermijn (R-092)."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("ends_mediation") and not data.get("ended_on"):
            self.add_error("ended_on", _("Geef de einddatum: de afspraken moeten die noemen (R-082)."))
        return data


class AdmissionForm(Form):
    kind = forms.ChoiceField(label=_("Soort"), choices=AdmissionKind.choices, widget=forms.RadioSelect)

    def __init__(self, *args: Any, users: Any, parties: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"] = UserChoiceField(users=users, label=_("Persoon"))
        self.fields["for_party"] = forms.TypedChoiceField(
            label=_("Voor partij"), choices=[(p.pk, p.user.full_name) for p in parties], coerce=int
        )


class SignForm(Form):
    typed_name = forms.CharField(
        label=_("Typ je volledige naam om te ondertekenen"),
        max_length=200,
        help_text=_("Zoals hij in Werkvrede staat. Ondertekenen kan niet ongedaan worden gemaakt."),
    )
    confirm = forms.BooleanField(label=_("Ik heb het document gelezen en onderteken het"))


class EndForm(SignForm):
    ended_on = forms.DateField(label=_("Einddatum"), widget=DATE)


class TerminationForm(Form):
    end_of_employment_on = forms.DateField(label=_("Einddatum van het dienstverband"), widget=DATE)
    mentions_dissolution_right = forms.BooleanField(
        label=_("De overeenkomst noemt het recht om binnen 14 dagen te ontbinden (anders 21 dagen, R-092)"),
        required=False,
        initial=True,
    )
    statutory_director = forms.BooleanField(
        label=_("De werknemer is statutair bestuurder (R-095)"), required=False
    )
    court_settlement = forms.BooleanField(
        label=_("Schikking ten overstaan van de rechter (R-095)"), required=False
    )
    checklist = forms.MultipleChoiceField(
        label=_("Controlelijst (R-096)"),
        choices=ChecklistItem.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    employer_reason = forms.CharField(label=_("Reden (initiatief van de werkgever)"), required=False)
    final_settlement_on = forms.DateField(label=_("Datum eindafrekening"), required=False, widget=DATE)
    place = forms.CharField(label=_("Plaats van ondertekening"), required=False)
    essentials_agreed_on = forms.DateField(
        label=_("Kern al eerder schriftelijk afgesproken op (optioneel)"),
        required=False,
        widget=DATE,
        help_text=_(
            "De bedenktermijn telt vanaf de laatste handtekening; rechters verschillen hierover (R-093)."
        ),
    )

    def __init__(self, *args: Any, employees: Any, signatories: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = {
            "employee": UserChoiceField(users=employees, label=_("Werknemer")),
            "employer_signatory": UserChoiceField(users=signatories, label=_("Tekent namens de werkgever")),
            **self.fields,
        }
