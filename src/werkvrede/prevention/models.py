"""The prevention scan: a pulse for one team and its anonymous answers (docs/prevention.md).

A pulse belongs to its organisation's HR and casemanagers. Its answers carry no identity: no user,
no address, no browser, no date or time — only which pulse they belong to and the answer to each
statement (PS-x). Nothing in a response points to the person who gave it.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models


class Pulse(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE)
    # A label HR types ("Team Inkoop"); there is no team model. Compared case-insensitively.
    team = models.CharField(max_length=80)
    team_key = models.CharField(max_length=80)
    # The public link's secret (`/peiling/<token>/`): HR needs to see and share it again.
    token = models.CharField(max_length=64, unique=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    started_on = models.DateField()
    closes_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    guideline_version = models.CharField(max_length=20)

    class Meta:
        indexes = [models.Index(fields=["organisation", "team_key", "started_on"])]

    def __str__(self) -> str:
        return f"{self.team} ({self.started_on})"

    def is_closed(self, today: date) -> bool:
        """Closed by HR, or past its closing date."""
        return self.closed_on is not None or (self.closes_on is not None and today > self.closes_on)


class PulseResponse(models.Model):
    """One person's answers: {statement code: 1..5}. Deliberately nothing else."""

    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="responses")
    answers = models.JSONField()

    def __str__(self) -> str:
        return f"response {self.pk}"
