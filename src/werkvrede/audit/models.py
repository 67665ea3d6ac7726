"""The append-only audit log: who did what, when, on which basis — never content.

Each organisation has its own hash chain (a global chain would serialise every write in the
country): an event stores the hash of the previous event of its organisation, so altering,
deleting or reordering a stored event is detected by `manage.py audit_verify`. The hash is keyed
with a chain key from outside the database and the chain heads are anchored outside it too
(`manage.py audit_anchor`), so whoever can write the database cannot recompute the chain (ADR 0050).
"""

from __future__ import annotations

from django.db import models


class Outcome(models.TextChoices):
    ALLOWED = "allowed"
    DENIED = "denied"
    FAILED = "failed"


class AuditEvent(models.Model):
    chain = models.CharField(
        max_length=40, help_text="'org:<id>' or 'system' for events without organisation"
    )
    seq = models.PositiveBigIntegerField()
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    occurred_at = models.DateTimeField()
    action = models.CharField(max_length=100)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.ALLOWED)
    user_id = models.BigIntegerField(null=True, blank=True)
    roles = models.CharField(max_length=100, blank=True)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    legal_basis = models.CharField(max_length=100, blank=True)
    # For reads of sensitive data (NEN 7513): the category, the case and the person the data is about.
    category = models.CharField(max_length=3, blank=True)
    case_id = models.BigIntegerField(null=True, blank=True)
    subject_id = models.BigIntegerField(null=True, blank=True)
    request_id = models.CharField(max_length=32, blank=True)
    data = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)
    # The chain key that made `hash` (HMAC-SHA256); "" for events from before keyed hashing (plain SHA-256).
    key_id = models.CharField(max_length=40, blank=True, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["chain", "seq"], name="audit_event_chain_seq_unique")]
        indexes = [
            models.Index(fields=["organisation", "occurred_at"]),
            models.Index(fields=["object_type", "object_id"]),
            # "Who read my file": the reads about one person, newest first.
            models.Index(fields=["subject_id", "occurred_at"], name="audit_event_subject_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.chain}#{self.seq} {self.action}"


class AuditChainHead(models.Model):
    """The latest event of one chain; locked while appending so that seq and prev_hash stay exact."""

    chain = models.CharField(max_length=40, unique=True)
    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"{self.chain} @ {self.seq}"
