"""The privacy statement of the contact form: what is stored, why, how long, who reads it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

RETENTION_DAYS = 90


@dataclass(frozen=True)
class Statement:
    question: str | Promise
    answer: str | Promise


PRIVACY_STATEMENT: tuple[Statement, ...] = (
    Statement(
        _("Wat bewaren we?"),
        _(
            "Je naam, de naam van de organisatie, je e-mailadres, eventueel je telefoonnummer, of je "
            "werkgever of werknemer bent, met hoeveel mensen het ongeveer is en hoe je benaderd wilt worden. "
            "Verder niets: geen beschrijving van het conflict, geen gezondheidsgegevens."
        ),
    ),
    Statement(
        _("Waarom?"),
        _("Alleen om contact met je op te nemen over de vraag of mediation bij jouw situatie past."),
    ),
    Statement(
        _("Hoe lang?"),
        _(
            "Maximaal 90 dagen. Komt er een mediation, dan worden je gegevens onderdeel van het account "
            "dat de mediator voor je aanmaakt; de aanvraag zelf wordt dan niet langer bewaard dan nodig."
        ),
    ),
    Statement(
        _("Wie leest het?"),
        _(
            "Alleen de mediators die via Werkvrede contactaanvragen aannemen. Je werkgever of andere "
            "organisaties zien je aanvraag niet."
        ),
    ),
)
