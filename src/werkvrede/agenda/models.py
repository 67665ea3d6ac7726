"""A person's calendar feed: a secret link to their own deadlines and sessions (ADR 0118)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class CalendarFeed(models.Model):
    """One link per person and organisation; only a keyed digest of its secret is stored.

    Renewing revokes the old row and makes a new one; a revoked row is kept (audit trail) and its
    link answers 404.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64, unique=True)
    # The language of the feed's labels: the interface language when the link was made.
    language = models.CharField(max_length=5, default="nl")
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "organisation", "revoked_at"])]

    def __str__(self) -> str:
        return f"calendar feed {self.pk}"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
