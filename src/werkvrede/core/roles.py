"""Organisation roles. The stored values are the actor codes (docs/rules.md), which are public."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "ADM", _("Beheerder")
    HR_ADVISER = "HR", _("HR-adviseur")
    CASEMANAGER = "CM", _("Casemanager")
    LINE_MANAGER = "LG", _("Leidinggevende")
    EMPLOYEE = "WN", _("Werknemer")
    OCCUPATIONAL_PHYSICIAN = "BA", _("Bedrijfsarts")
    DELEGATED_PROFESSIONAL = "TD", _("Professional onder taakdelegatie")
    MEDIATOR = "MED", _("Mediator")
    CONFIDENTIAL_ADVISER = "VP", _("Vertrouwenspersoon")
    COMPANY_SOCIAL_WORKER = "BMW", _("Bedrijfsmaatschappelijk werker")
    # Supports one employee in one case, invited by that employee; sees nothing else (SUP, D17).
    SUPPORTER = "SUP", _("Steunpersoon")
    # Handles the organisation's whistleblower reports and nothing else (SM-8, D18, R-116…R-118).
    WHISTLEBLOWER_OFFICER = "DO", _("Meldpunt klokkenluiders")


# Roles that work with sealed compartments or the whole organisation's data. Used for shorter idle
# sessions (15 minutes idle) and, later, for two-factor enforcement.
PROFESSIONAL_ROLES = frozenset(
    {
        Role.ADMIN,
        Role.HR_ADVISER,
        Role.CASEMANAGER,
        Role.OCCUPATIONAL_PHYSICIAN,
        Role.DELEGATED_PROFESSIONAL,
        Role.MEDIATOR,
        Role.CONFIDENTIAL_ADVISER,
        Role.COMPANY_SOCIAL_WORKER,
        Role.WHISTLEBLOWER_OFFICER,
    }
)
