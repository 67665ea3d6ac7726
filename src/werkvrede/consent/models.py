"""Consent records (D20, CC-10): who consents, to whom, for what, how long; withdrawal stops future use.

The data subject gives and withdraws their own consent. Others only learn of consents addressed to
them (D20 fn 30 of the permission matrix, docs/rules.md).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """The data categories a consent can cover (docs/rules.md)."""

    D03 = "D03", _("Beperkingen en mogelijkheden")
    D04 = "D04", _("Oordeel over arbeidsongeschiktheid")
    D05 = "D05", _("Feiten en verslagen van het conflict")
    D06 = "D06", _("Conflictdiagnose van de bedrijfsarts")
    D07 = "D07", _("Belastbaarheid")
    D08 = "D08", _("Advies van de bedrijfsarts")
    # CC-6: a referral by the vertrouwenspersoon passes what the melder agreed to (confidential app).
    D15 = "D15", _("Melding bij de vertrouwenspersoon")
    # the whistleblower melder consents to routing a personal conflict (no report content).
    D18 = "D18", _("Melding bij het meldpunt klokkenluiders")


class Consent(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    data_subject = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The recipient: an actor code (docs/rules.md, e.g. HR), or one person in it.
    recipient_role = models.CharField(max_length=5)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    categories = models.JSONField(default=list)
    purpose = models.TextField()
    given_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-given_on", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "data_subject"]),
            models.Index(fields=["organisation", "recipient"]),
        ]

    def __str__(self) -> str:
        return f"consent {self.pk}"

    def is_valid_on(self, day: date) -> bool:
        """Given, not expired and not withdrawn (R-172: a withdrawal counts at once)."""
        if self.withdrawn_at is not None or day < self.given_on:
            return False
        return self.expires_on is None or day <= self.expires_on
