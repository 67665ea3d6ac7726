"""'Your rights': plain-language guidance for the supported employee, drawn from the guideline.

Each item names the rule or consent condition (docs/rules.md) it explains, so a reader can look it up
and a change in the guideline points here. Shown in the preparation space; never stored per person.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Guidance:
    code: str
    title: str | Promise
    text: str | Promise


RIGHTS: tuple[Guidance, ...] = (
    Guidance(
        "R-070",
        _("Mediation is vrijwillig"),
        _(
            "Je doet alleen mee aan mediation als je dat zelf wilt. Niemand mag je verplichten, en weigeren "
            "mag niet tegen je worden gebruikt."
        ),
    ),
    Guidance(
        "R-072",
        _("Eerst een mediationovereenkomst"),
        _(
            "Voordat het eerste gesprek begint, tekenen alle partijen en de mediator een overeenkomst. "
            "Daarin staan de afspraken: vrijwilligheid, vertrouwelijkheid en wie er bij de gesprekken is."
        ),
    ),
    Guidance(
        "R-081",
        _("Je mag altijd stoppen"),
        _(
            "Je kunt de mediation op elk moment beëindigen, zonder reden. Je doet dat schriftelijk; de "
            "werkgever hoort alleen dat de mediation is geëindigd, niet waarom."
        ),
    ),
    Guidance(
        "CC-7",
        _("Wat in de mediation gezegd wordt, blijft daar"),
        _(
            "De inhoud van de gesprekken mag buiten de mediation alleen gebruikt worden als alle partijen "
            "daarmee instemmen. Dat geldt ook als het later tot een procedure komt."
        ),
    ),
    Guidance(
        "CC-8",
        _("Je steunpersoon bij de gesprekken"),
        _(
            "Je steunpersoon mag bij de mediationgesprekken zijn als alle partijen en de mediator instemmen "
            "en je steunpersoon een geheimhoudingsverklaring tekent. Je steunpersoon spreekt niet namens "
            "jou: het gesprek is tussen jou en de andere partij."
        ),
    ),
    Guidance(
        "R-092",
        _("Bedenktijd bij een beëindigingsovereenkomst"),
        _(
            "Teken je een beëindigingsovereenkomst, dan mag je die binnen de bedenktermijn (14 dagen, 21 "
            "dagen als de termijn niet in de overeenkomst staat) schriftelijk ontbinden, zonder reden."
        ),
    ),
)
