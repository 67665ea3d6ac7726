"""The password policy (ADR 0072): Django's length and common-password checks with our own messages.

At least 12 characters and not a commonly used password; no composition rules. The messages say
what to do instead, in Dutch and English (Django's Dutch plural of the length message did not
reach the page).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def validate(self, password: str, user: Any = None) -> None:
        if len(password) < self.min_length:
            raise ValidationError(
                _(
                    "Dit wachtwoord is te kort. Kies er een van minstens %(min_length)d tekens, "
                    "bijvoorbeeld een zin van een paar woorden."
                )
                % {"min_length": self.min_length},
                code="password_too_short",
                params={"min_length": self.min_length},
            )

    def get_help_text(self) -> str:
        return _("Minstens %(min_length)d tekens. Een zin van een paar woorden werkt goed.") % {
            "min_length": self.min_length
        }


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def validate(self, password: str, user: Any = None) -> None:
        try:
            super().validate(password, user)
        except ValidationError:
            raise ValidationError(
                _("Dit wachtwoord wordt te vaak gebruikt en is daardoor makkelijk te raden. Kies een ander."),
                code="password_too_common",
            ) from None

    def get_help_text(self) -> str:
        return _("Geen veelgebruikt wachtwoord.")
