""" "Did it feel fair?" (ADR 0135): who is asked, and the answers — kept apart by construction.

An invitation knows the person and what ended, so no one is asked twice; it never points to an
answer. An answer knows only the organisation, the quarter, the phase and, for a mediation, the
mediator (for their own aggregate): no person, no case, no date or time, and a random id so that
the order of answers says nothing either.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkvrede.core import phases


class Phase(models.TextChoices):
    INTAKE = phases.INTAKE, _("Intake")
    INTERVENTION_PERIOD = phases.INTERVENTION_PERIOD, _("Interventieperiode")
    MEDIATION = phases.MEDIATION, _("Mediation")
    CASE = phases.CASE, _("Zaak")


class Invitation(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    phase = models.CharField(max_length=20, choices=Phase.choices)
    # What ended ("case:12", "period:4", "mediation:7"): one invitation per person per phase end.
    subject = models.CharField(max_length=40)
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    mediator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_on = models.DateField()
    # Answered or declined: never when, never which answer.
    done = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "phase", "subject"], name="fairness_invitation_once")
        ]
        indexes = [models.Index(fields=["user", "done"])]

    def __str__(self) -> str:
        return f"{self.phase} {self.subject}"


class Answer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    quarter = models.CharField(max_length=7)  # "2026-Q4"
    phase = models.CharField(max_length=20, choices=Phase.choices)
    # Only for a mediation: the mediator's own aggregate (ADR 0135).
    mediator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    heard = models.PositiveSmallIntegerField()
    respect = models.PositiveSmallIntegerField()
    understood = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True, max_length=500)

    class Meta:
        indexes = [models.Index(fields=["organisation", "quarter", "phase"])]

    def __str__(self) -> str:
        return f"{self.quarter} {self.phase}"
