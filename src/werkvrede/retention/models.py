"""Retention that runs (R-140…R-149) and legal holds on a person (R-140).

A hold on a case lives in `cases.LegalHold` (ADR 0101); a hold on a person is kept here, because it
covers everything about the person across contexts. `PurgeRun` is the report of one run of
`manage.py purge_expired` for one organisation: counts per retention rule and data category only,
never who or what (docs/adr/0175-retention-that-runs.md).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from werkvrede.cases.models import LegalHoldCategory


class PersonHold(models.Model):
    """A legal hold on a person (R-140): nothing about them is purged or erased while it is active."""

    Category = LegalHoldCategory

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=20, choices=Category.choices)
    reason = models.TextField()
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-set_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person"],
                condition=models.Q(lifted_at__isnull=True),
                name="one_active_person_hold",
            )
        ]

    def __str__(self) -> str:
        return f"person hold {self.pk}"

    @property
    def active(self) -> bool:
        return self.lifted_at is None


class PurgeRun(models.Model):
    """What one run of `purge_expired` did in one organisation (None: records without one, CONTACT)."""

    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    ran_at = models.DateTimeField(default=timezone.now)
    today = models.DateField()
    dry_run = models.BooleanField(default=False)
    # {"R-147": {"D17": 3, "SEALED": 3}}: rows per retention rule and data category.
    purged = models.JSONField(default=dict)
    # {"R-140": 2}: records a legal hold kept; {"R-144": 1}: records whose owner was warned.
    held = models.JSONField(default=dict)
    warned = models.JSONField(default=dict)
    files_removed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-ran_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-ran_at"])]

    def __str__(self) -> str:
        return f"purge run {self.pk}"

    @property
    def total(self) -> int:
        return sum(sum(per.values()) for per in self.purged.values())


class RetentionWarning(models.Model):
    """One warning per organisation, retention rule, record and expiry date: a second run sends none."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    rule = models.CharField(max_length=10)
    record = models.CharField(max_length=60)
    expires_on = models.DateField()
    warned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "rule", "record", "expires_on"], name="retention_warning_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule} {self.record}"
