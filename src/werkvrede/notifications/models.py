"""A notification: that a person has something to look at. Never what it is about."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Notification(models.Model):
    class Kind(models.TextChoices):
        ADVICE_SENT = "ADVICE_SENT"
        REFERRAL_RECEIVED = "REFERRAL_RECEIVED"
        DEADLINE_DUE_SOON = "DEADLINE_DUE_SOON"
        DEADLINE_OVERDUE = "DEADLINE_OVERDUE"
        MEDIATION_STATUS = "MEDIATION_STATUS"  # D14 "N" to the referrer
        MEDIATION_FOLLOWUP = "MEDIATION_FOLLOWUP"  # after the end, for BA and CM

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    # What makes a notification unique (e.g. one reminder per deadline, due date and person): a second
    # attempt to create it — a second cron run, a second worker — finds it already there.
    key = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self) -> str:
        return self.key
