"""The guide's questions, in plain Dutch (B1) with English translations: one form per path.

Every question has a neutral default, so an unanswered question never stops the advice; the only
error is a value that is not one of the choices.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkvrede.core.forms import Form
from werkvrede.selfhelp.situation import EMPLOYEE, MANAGER, Answers

PATHS = (EMPLOYEE, MANAGER)


def _radio(
    label: Any, choices: list[tuple[str, Any]], initial: str, help_text: Any = ""
) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        initial=initial,
        required=False,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


#: Glasl's nine stages in everyday words, in three groups (win-win, win-lose, lose-lose).
GLASL_GROUPS: tuple[tuple[Any, tuple[tuple[str, Any], ...]], ...] = (
    (
        _("We kunnen nog met elkaar praten"),
        (
            ("1", _("Er is spanning, maar we praten er nog gewoon over.")),
            ("2", _("We discussiëren en houden vast aan ons eigen gelijk.")),
            ("3", _("Praten helpt niet meer; we doen ieder ons eigen ding.")),
        ),
    ),
    (
        _("Het zit vast"),
        (
            ("4", _("We zoeken steun bij anderen en er ontstaan kampen.")),
            ("5", _("Er is gezichtsverlies: we vertrouwen elkaar niet meer.")),
            ("6", _("Er worden dreigementen en ultimatums gesteld.")),
        ),
    ),
    (
        _("Het gaat om schade"),
        (
            ("7", _("We proberen elkaar te schaden.")),
            ("8", _("We willen de ander kapotmaken.")),
            ("9", _("Het maakt niet meer uit wat het ons zelf kost.")),
        ),
    ),
)


class GuideForm(Form):
    path = forms.ChoiceField(choices=[(p, p) for p in PATHS], widget=forms.HiddenInput)
    feeling = _radio(
        _("Wat speelt er?"),
        [
            ("conflict", _("Ik voel me door iemand op mijn werk gehinderd, gefrustreerd of geïrriteerd.")),
            ("situation", _("Het is nog geen ruzie, maar de sfeer of de samenwerking voelt niet goed.")),
            ("none", _("Geen van beide, ik wil alleen informatie.")),
        ],
        "conflict",
    )
    behaviours = forms.MultipleChoiceField(
        label=_("Gebeurt er iets van het volgende? Kies alles wat past, of niets."),
        choices=[
            ("BULLYING", _("Pesten")),
            ("OTHER_INTIMIDATION", _("Intimidatie, bijvoorbeeld bang gemaakt worden")),
            ("SEXUAL_HARASSMENT", _("Seksuele intimidatie")),
            ("AGGRESSION_VIOLENCE", _("Agressie of geweld, ook schreeuwen of dreigen")),
            ("DISCRIMINATION", _("Discriminatie")),
        ],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    talked = _radio(
        _("Heb je al geprobeerd om er samen over te praten?"),
        [
            ("no", _("Nee, nog niet.")),
            ("failed", _("Ja, maar het werd niet beter.")),
            ("helper_failed", _("Ja, ook met hulp van HR of een andere collega, maar het werd niet beter.")),
            ("helped", _("Ja, en dat hielp.")),
        ],
        "no",
    )
    long_running = _radio(
        _("Hoe lang speelt dit al?"),
        [("no", _("Korter dan vier weken.")), ("yes", _("Vier weken of langer."))],
        "no",
    )
    sick = _radio(
        _("Ben je ziek, of ben je bang dat je ziek wordt?"),
        [
            ("no", _("Nee.")),
            ("afraid", _("Ik ben niet ziek, maar ik ben bang dat het zo ver komt.")),
            ("yes", _("Ja, ik heb me ziek gemeld.")),
        ],
        "no",
    )
    wants_distance = _radio(
        _("Heb je even afstand nodig van het werk of van de ander?"),
        [("no", _("Nee.")), ("yes", _("Ja."))],
        "no",
    )
    lawyer = _radio(
        _("Is er een advocaat of jurist bij betrokken?"),
        [
            ("no", _("Nee.")),
            ("own", _("Ja, ik heb er zelf een.")),
            ("other", _("Ja, de ander heeft er een.")),
        ],
        "no",
    )
    others_involved = _radio(
        _("Zijn er anderen bij betrokken, bijvoorbeeld collega's die partij kiezen?"),
        [("no", _("Nee.")), ("yes", _("Ja."))],
        "no",
    )
    part_ways = _radio(
        _("Denk je erover om uit elkaar te gaan (het werk stoppen)?"),
        [("no", _("Nee.")), ("yes", _("Ja, dat wil ik bespreken."))],
        "no",
    )
    willing = _radio(
        _("Wil je met de ander praten, met iemand erbij die niemand voortrekt?"),
        [("yes", _("Ja.")), ("no", _("Nee.")), ("unsure", _("Weet ik nog niet."))],
        "unsure",
    )
    glasl_stage = forms.ChoiceField(
        label=_("Hoe vast zit de samenwerking? Kies wat het best past."),
        choices=[("", _("Weet ik niet"))]
        + [(value, label) for _group, items in GLASL_GROUPS for value, label in items],
        initial="",
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, path: str = EMPLOYEE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["path"].initial = path
        if path == MANAGER:
            # The manager answers about the employee and the team (RT-3: the employee's sick report).
            self.fields["feeling"].choices = [  # type: ignore[attr-defined]
                (
                    "conflict",
                    _(
                        "Ik of mijn medewerker voelt zich door de ander gehinderd, gefrustreerd of "
                        "geïrriteerd."
                    ),
                ),
                (
                    "situation",
                    _("Het is nog geen ruzie, maar de sfeer of de samenwerking in het team voelt niet goed."),
                ),
                ("none", _("Geen van beide, ik wil alleen informatie.")),
            ]
            self.fields["sick"].label = _("Is je medewerker ziek, of bang om ziek te worden?")
            self.fields["sick"].choices = [  # type: ignore[attr-defined]
                ("no", _("Nee.")),
                ("afraid", _("Niet ziek, maar ik merk dat het zwaar wordt.")),
                ("yes", _("Ja, mijn medewerker heeft zich ziek gemeld.")),
            ]
            self.fields["wants_distance"].label = _("Heeft je medewerker even afstand nodig van het werk?")
            self.fields["lawyer"].choices = [  # type: ignore[attr-defined]
                ("no", _("Nee.")),
                ("own", _("Ja, de organisatie heeft er een.")),
                ("other", _("Ja, mijn medewerker heeft er een.")),
            ]
            self.fields["part_ways"].label = _("Wil iemand praten over uit elkaar gaan (het werk stoppen)?")

    def glasl_groups(self) -> list[tuple[Any, list[tuple[str, Any, bool]]]]:
        """The Glasl choices in their groups, with which one is chosen, for the template."""
        chosen = str(self["glasl_stage"].value() or "")
        return [
            (title, [(value, label, value == chosen) for value, label in items])
            for title, items in GLASL_GROUPS
        ]

    def answers(self) -> Answers:
        data = self.cleaned_data
        stage = data.get("glasl_stage") or ""
        return Answers(
            path=data["path"],
            feeling=data.get("feeling") or "conflict",
            behaviours=tuple(data.get("behaviours") or ()),
            talked=data.get("talked") or "no",
            long_running=data.get("long_running") == "yes",
            sick=data.get("sick") or "no",
            wants_distance=data.get("wants_distance") == "yes",
            lawyer=data.get("lawyer") or "no",
            others_involved=data.get("others_involved") == "yes",
            part_ways=data.get("part_ways") == "yes",
            willing=data.get("willing") or "unsure",
            glasl_stage=int(stage) if stage else None,
        )
