"""The guide's advice: the guideline engine decides the routes (RT-x) and indications (I-x); this
module only puts them in plain words, the vertrouwenspersoon first (R-100)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkvrede.guideline import evaluate, parse_situation
from werkvrede.selfhelp.situation import Answers, situation_data

VP_FIRST = "RT-2"
MEDIATION = "RT-8"


@dataclass(frozen=True)
class Step:
    code: str
    title: str | Promise
    text: str | Promise


ROUTE_STEPS: dict[str, tuple[str | Promise, str | Promise]] = {
    "RT-2": (
        _("Ga eerst naar de vertrouwenspersoon"),
        _(
            "Bij pesten, intimidatie, seksuele intimidatie, agressie of discriminatie praat je eerst met de "
            "vertrouwenspersoon. Die luistert, denkt met je mee en vertelt niets door zonder jouw "
            "toestemming. Jij kiest daarna wat er gebeurt; niemand confronteert de ander voordat jij dat "
            "wilt."
        ),
    ),
    "RT-3": (
        _("Ziek: eerst de bedrijfsarts"),
        _(
            "Bij een ziekmelding kijkt eerst de bedrijfsarts of het om ziekte gaat, om een conflict of om "
            "allebei. Wat je de bedrijfsarts vertelt over je gezondheid, hoort je werkgever niet."
        ),
    ),
    "RT-4": (
        _("Even afstand nemen"),
        _(
            "Ben je niet ziek maar heb je wel even afstand nodig? Vraag dan om een interventieperiode of, "
            "als je organisatie dat kent, arbeidsconflictenverlof. Daarbij maak je altijd een afspraak om "
            "het conflict te bespreken."
        ),
    ),
    "RT-5": (
        _("Praat met de bedrijfsarts op het open spreekuur"),
        _(
            "Op het open spreekuur praat je met de bedrijfsarts, ook als je niet ziek bent. Je werkgever "
            "hoort daar niets over zonder jouw toestemming."
        ),
    ),
    "RT-6": (
        _("Praat samen, met hulp als dat nodig is"),
        _(
            "Een gesprek tussen jullie twee is de eerste stap; iemand van HR mag erbij zijn. Lukt het niet, "
            "dan kan HR of de bedrijfsmaatschappelijk werker bemiddelen."
        ),
    ),
    "RT-7": (
        _("Er is een advocaat bij: kies een onafhankelijke derde"),
        _(
            "Als iemand juridische hulp heeft, bemiddelt de bedrijfsmaatschappelijk werker niet. Een "
            "arbeidsmediator of een andere onafhankelijke derde kan wel helpen; advocaten mogen meepraten."
        ),
    ),
    "RT-8": (
        _("Mediation kan helpen"),
        _(
            "Een arbeidsmediator helpt jullie om samen een oplossing te vinden. De mediator kiest geen "
            "kant en beslist niets; wat jullie bespreken blijft vertrouwelijk. Mediation is altijd "
            "vrijwillig."
        ),
    ),
    "RT-9": (
        _("Geen mediation? Er is andere hulp"),
        _(
            "Wil iemand geen mediation, dan zijn er andere wegen: coaching, loopbaanbegeleiding, een "
            "aanpak voor het hele team, of juridisch advies."
        ),
    ),
    "RT-10": (
        _("Het conflict is erg ver opgelopen"),
        _(
            "Als jullie elkaar willen schaden, heeft mediation weinig kans. Vraag juridisch advies of vraag "
            "de organisatie om in te grijpen."
        ),
    ),
    "RT-13": (
        _("Uit elkaar gaan"),
        _(
            "Wil iemand stoppen met het werk, praat daar dan over met hulp van een exitmediator of een "
            "jurist."
        ),
    ),
}

INDICATION_WORDS: dict[str, str | Promise] = {
    "I-1": _("het conflict duurt al een tijd en zelf praten hielp niet"),
    "I-2": _("ook met hulp van HR of een collega kwamen jullie er niet uit"),
    "I-3": _("er zijn anderen bij betrokken, zoals collega's of advocaten"),
    "I-4": _("het conflict is opgelopen of dreigt op te lopen"),
    "I-5": _("het conflict maakt de ziekte langer"),
    "I-6": _("het begon met pesten of intimidatie, en de melder wil mediation"),
    "I-7": _("jullie willen praten over uit elkaar gaan"),
    "I-8": _("er is nog geen echt conflict, maar de samenwerking loopt niet goed"),
}


@dataclass(frozen=True)
class GuideAdvice:
    routes: tuple[str, ...]
    indications: tuple[str, ...]
    steps: tuple[Step, ...]
    reasons: tuple[tuple[str, str | Promise], ...]

    @property
    def vp_first(self) -> bool:
        return VP_FIRST in self.routes

    @property
    def mediation(self) -> bool:
        return MEDIATION in self.routes


def advise(answers: Answers, *, today: date, tenant: dict[str, Any] | None = None) -> GuideAdvice:
    """Ask the guideline engine which routes fit these answers, and say them in plain words."""
    result = evaluate(parse_situation(situation_data(answers, today=today, tenant=tenant)), today=today)
    steps = [Step(code, *ROUTE_STEPS[code]) for code in result.routes if code in ROUTE_STEPS]
    if not steps:
        steps.append(
            Step(
                "R-060",
                _("Begin met een gesprek"),
                _(
                    "Praat eerst met de ander over wat je dwarszit. Lukt dat niet, vraag dan je "
                    "leidinggevende, "
                    "HR of de vertrouwenspersoon om met je mee te denken."
                ),
            )
        )
    reasons = tuple((code, INDICATION_WORDS[code]) for code in result.indications if code in INDICATION_WORDS)
    return GuideAdvice(
        routes=result.routes, indications=result.indications, steps=tuple(steps), reasons=reasons
    )


def prefill_message(answers: Answers, *, for_case: bool = False) -> str:
    """A first draft for the report to the vertrouwenspersoon, or (`for_case`) for a case's signal,
    which leaves out anything about health (R-131); the visitor reads and changes it first."""
    from werkvrede.selfhelp.forms import GuideForm  # the labels of the choices

    labels = dict(GuideForm.base_fields["behaviours"].choices)  # type: ignore[attr-defined]
    lines = [str(_("Ik heb de hulpwijzer ingevuld."))]
    if answers.behaviours:
        lines.append(
            str(_("Het gaat om: %(what)s."))
            % {"what": ", ".join(str(labels[b]).lower() for b in answers.behaviours)}
        )
    if answers.talked in ("failed", "helper_failed"):
        lines.append(str(_("Ik heb al geprobeerd erover te praten, maar het werd niet beter.")))
    if answers.sick == "afraid" and not for_case:
        lines.append(str(_("Ik ben bang dat ik ziek word.")))
    lines.append(str(_("Wat er gebeurt: ")))
    return "\n".join(lines)
