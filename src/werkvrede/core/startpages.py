"""What each role's start page offers. Honest: only what exists today is listed as available."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkvrede.core.roles import Role


@dataclass(frozen=True)
class StartSection:
    role: Role
    intro: str | Promise
    coming: tuple[str | Promise, ...]


START_SECTIONS: dict[Role, StartSection] = {
    Role.EMPLOYEE: StartSection(
        Role.EMPLOYEE,
        _("Onder Zaken volg je je eigen zaak: waar je staat, wat de volgende stap is en wie wat ziet."),
        (),
    ),
    Role.LINE_MANAGER: StartSection(
        Role.LINE_MANAGER,
        _("Hierboven staat wat er van je verwacht wordt. Onder Zaken: de zaken waarin je een rol hebt."),
        (),
    ),
    Role.HR_ADVISER: StartSection(
        Role.HR_ADVISER,
        _("Hierboven staat wat er moet gebeuren; het Overzicht toont alle zaken en verlopen termijnen."),
        (_("Trends"),),
    ),
    Role.CASEMANAGER: StartSection(
        Role.CASEMANAGER,
        _("Hierboven staat wat er moet gebeuren in de zaken die je begeleidt, met hun termijnen."),
        (),
    ),
    Role.OCCUPATIONAL_PHYSICIAN: StartSection(
        Role.OCCUPATIONAL_PHYSICIAN,
        _("Onder Zaken: de zaken waarin je advies nodig is. Het open spreekuur staat los van elke zaak."),
        (_("Spreekuur van vandaag"),),
    ),
    Role.DELEGATED_PROFESSIONAL: StartSection(
        Role.DELEGATED_PROFESSIONAL,
        _("Onder Zaken vind je de zaken waarin je onder verantwoordelijkheid van de bedrijfsarts werkt."),
        (),
    ),
    Role.MEDIATOR: StartSection(
        Role.MEDIATOR,
        _("Hierboven staat wat er van je gevraagd wordt; onder Mediations: je mediations en aanvragen."),
        (),
    ),
    Role.CONFIDENTIAL_ADVISER: StartSection(
        Role.CONFIDENTIAL_ADVISER,
        _(
            "Onder Meldingen: wat bij jou binnenkomt, met naam of anoniem; alleen jij en de melder lezen "
            "het. Daar vind je ook het jaarverslag, de trends en je adviezen aan het management."
        ),
        (),
    ),
    Role.COMPANY_SOCIAL_WORKER: StartSection(
        Role.COMPANY_SOCIAL_WORKER,
        _("Onder Zaken: de zaken waarin je ondersteunt of bemiddelt. Onder Mijn afspraken: je afspraken."),
        (),
    ),
    Role.ADMIN: StartSection(
        Role.ADMIN,
        _("Je beheert de mensen en rollen, het conflictprotocol, en je kunt het auditlog inzien."),
        (_("Bewaartermijnen"),),
    ),
    Role.WHISTLEBLOWER_OFFICER: StartSection(
        Role.WHISTLEBLOWER_OFFICER,
        _(
            "Onder Klokkenluiders: de meldingen van een vermoeden van een misstand, met hun termijnen "
            "(ontvangstbevestiging, terugkoppeling). Alleen jij en de melder lezen ze."
        ),
        (),
    ),
    Role.SUPPORTER: StartSection(
        Role.SUPPORTER,
        _("Onder Mijn ondersteuning: de persoon die jou heeft uitgenodigd, en jullie voorbereiding."),
        (),
    ),
}


def sections_for(roles: frozenset[Role]) -> list[StartSection]:
    return [START_SECTIONS[role] for role in Role if role in roles]


# Panels other contexts add to the start page ("Wat nu?"): a function of the request that returns
# (template name, context) or None when it has nothing for this person.
StartPanel = Callable[[HttpRequest], tuple[str, dict[str, Any]] | None]
_PANELS: list[StartPanel] = []


def register_start_panel(panel: StartPanel) -> None:
    _PANELS.append(panel)


def start_panels(request: HttpRequest) -> list[tuple[str, dict[str, Any]]]:
    return [rendered for panel in _PANELS if (rendered := panel(request)) is not None]


# Information other contexts add below the roles ("Hulp"): where to turn, not something to do now.
_INFOS: list[StartPanel] = []


def register_start_info(info: StartPanel) -> None:
    _INFOS.append(info)


def start_infos(request: HttpRequest) -> list[tuple[str, dict[str, Any]]]:
    return [rendered for info in _INFOS if (rendered := info(request)) is not None]
