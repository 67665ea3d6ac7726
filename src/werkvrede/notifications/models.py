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
        RETENTION_DUE = "RETENTION_DUE"  # records of one's own expire soon (R-140…R-148)

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


class OutgoingMail(models.Model):
    """One e-mail in the outbox (docs/adr/0073-outgoing-mail.md): who, what kind, about which object.

    No subject, body, link or token is stored: the kind's renderer makes the message when it is sent,
    from the object `reference` names. A mail is pending (neither sent, failed nor skipped), sent,
    skipped (the renderer found nothing to send any more) or failed (every attempt refused).
    """

    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=60)
    # The id of the object the message is rendered from (its kind says of what).
    reference = models.CharField(max_length=100)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # For a recipient without an account only; a user's address is read when the mail is sent.
    address = models.EmailField(blank=True)
    # Role codes of the recipient in the organisation, what the Beheerder sees of a failed mail.
    recipient_role = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    skipped_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    # The class name of the last error (e.g. "SMTPRecipientsRefused"), never its message.
    last_error = models.CharField(max_length=100, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["organisation", "failed_at"], name="notif_mail_org_failed"),
            models.Index(fields=["sent_at", "failed_at", "next_attempt_at"], name="notif_mail_pending"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.pk}"
