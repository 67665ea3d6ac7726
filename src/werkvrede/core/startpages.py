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
        _("Hier volg je straks je eigen zaak: waar je staat, wat de volgende stap is en wie wat ziet."),
        (_("Mijn zaak"), _("Voorbereiden (met je ondersteuner)"), _("Documenten"), _("Hulp zoeken")),
    ),
    Role.LINE_MANAGER: StartSection(
        Role.LINE_MANAGER,
        _("Hier zie je straks de signalen en zaken van je team, en wat er vandaag van je verwacht wordt."),
        (_("Signalen"), _("Zaken van mijn team"), _("Nieuw signaal"), _("Protocol")),
    ),
    Role.HR_ADVISER: StartSection(
        Role.HR_ADVISER,
        _("Hier zie je straks wat er vandaag en deze week moet gebeuren in de zaken van je organisatie."),
        (_("Signalen"), _("Zaken"), _("Nieuw signaal"), _("Overzicht"), _("Protocol & instellingen")),
    ),
    Role.CASEMANAGER: StartSection(
        Role.CASEMANAGER,
        _("Hier zie je straks de zaken die je begeleidt, met hun termijnen."),
        (_("Signalen"), _("Zaken"), _("Nieuw signaal")),
    ),
    Role.OCCUPATIONAL_PHYSICIAN: StartSection(
        Role.OCCUPATIONAL_PHYSICIAN,
        _("Hier zie je straks je spreekuur van vandaag en de zaken waarin je advies nodig is."),
        (_("Spreekuur"), _("Zaken"), _("Open spreekuur")),
    ),
    Role.DELEGATED_PROFESSIONAL: StartSection(
        Role.DELEGATED_PROFESSIONAL,
        _("Hier zie je straks de zaken waarin je onder verantwoordelijkheid van de bedrijfsarts werkt."),
        (_("Zaken"),),
    ),
    Role.MEDIATOR: StartSection(
        Role.MEDIATOR,
        _("Hier zie je straks je mediations en nieuwe aanvragen."),
        (_("Mediations"), _("Aanvragen")),
    ),
    Role.CONFIDENTIAL_ADVISER: StartSection(
        Role.CONFIDENTIAL_ADVISER,
        _("Hier zie je straks de meldingen die bij jou binnenkomen, en je jaarverslag."),
        (_("Meldingen"), _("Jaarverslag")),
    ),
    Role.COMPANY_SOCIAL_WORKER: StartSection(
        Role.COMPANY_SOCIAL_WORKER,
        _("Hier zie je straks de zaken waarin je ondersteunt of bemiddelt."),
        (_("Zaken"),),
    ),
    Role.ADMIN: StartSection(
        Role.ADMIN,
        _("Je beheert de mensen en rollen van je organisatie en kunt het auditlog inzien."),
        (_("Conflictprotocol"), _("Bewaartermijnen")),
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
