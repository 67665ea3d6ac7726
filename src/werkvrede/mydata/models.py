""" "Mijn gegevens": one request of a person for everything Werkvrede holds about them (ADR 0170).

The files (JSON and PDF) are encrypted with the data keys (AES-256-GCM, bound to the row) and kept in
the documents storage until they expire, seven days after they were made; then they are deleted.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: How long the download stays available (issue: "the download link expires after 7 days").
VALID_FOR = timedelta(days=7)


class ExportState(models.TextChoices):
    QUEUED = "QUEUED", _("In de wachtrij")
    RUNNING = "RUNNING", _("Wordt gemaakt")
    READY = "READY", _("Klaar")
    FAILED = "FAILED", _("Mislukt")
    EXPIRED = "EXPIRED", _("Verlopen")


class ExportRequest(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The organisation the person was acting in when they asked (the export covers all of theirs).
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(max_length=5, default="nl")
    state = models.CharField(max_length=10, choices=ExportState.choices, default=ExportState.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    # The class name of the error that made it fail, never its message (it may quote data).
    error = models.CharField(max_length=100, blank=True)
    json_name = models.CharField(max_length=255, blank=True)
    json_nonce = models.BinaryField(default=b"")
    pdf_name = models.CharField(max_length=255, blank=True)
    pdf_nonce = models.BinaryField(default=b"")
    key_id = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"]), models.Index(fields=["state", "expires_at"])]

    def __str__(self) -> str:
        return f"export {self.pk}"

    def is_expired(self, now: datetime | None = None) -> bool:
        if self.state == ExportState.EXPIRED:
            return True
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())

    def shown_state(self) -> str:
        """The state as the person sees it now: a READY export past its date is expired already."""
        if self.state == ExportState.READY and self.is_expired():
            return ExportState.EXPIRED
        return self.state

    @property
    def in_progress(self) -> bool:
        return self.state in (ExportState.QUEUED, ExportState.RUNNING)

    @staticmethod
    def expiry_from(finished: datetime) -> datetime:
        return finished + VALID_FOR
