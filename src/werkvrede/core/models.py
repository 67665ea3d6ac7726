"""The first answer to a write sent with an idempotency key (docs/adr/0143-a-write-happens-once.md).

Core sits below the contexts, so the row names its person and organisation by plain ids, as the
audit kernel does; it holds no content of what was written, only how the first request was answered.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import Retention, Withheld, classify


class IdempotencyClaim(models.Model):
    """A key claimed by one person in one organisation (0: none), inserted in the write's transaction."""

    user_id = models.BigIntegerField()
    organisation_id = models.BigIntegerField()
    # SHA-256 of the key the client sent, and of the request it came with (path and body).
    key_digest = models.CharField(max_length=64)
    request_digest = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    # Where the first answer sent the browser (pages), or its Location header (API).
    location = models.CharField(max_length=2000, blank=True, default="")
    # The id of what the first API answer made or changed, when it named one; never its content.
    object_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user_id", "organisation_id", "key_digest"], name="core_idempotency_key_once"
            )
        ]

    def __str__(self) -> str:
        return f"idempotency claim {self.pk}"


# Whose claim it is links to a person's account; the rest is technical (digests, a status, a URL, ids).
classify(
    "core.idempotencyclaim",
    {
        "id": C.SYSTEM,
        "user_id": C.ACCOUNT,
        "organisation_id": C.SYSTEM,
        "key_digest": C.SYSTEM,
        "request_digest": C.SYSTEM,
        "status": C.SYSTEM,
        "location": C.SYSTEM,
        "object_id": C.SYSTEM,
        "created_at": C.SYSTEM,
    },
    subject="user_id",
    retention=Retention.TECHNICAL,
    export=Withheld.TECHNICAL,
    retention_note="deleted by manage.py prune_idempotency_keys",
)
