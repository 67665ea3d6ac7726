"""Sealed content: medical notes, mediation content, vertrouwenspersoon reports, supporter notes.

Stored encrypted (AES-256-GCM); the row's id, organisation and data category are bound to the
ciphertext as associated data, so a ciphertext copied to another row does not decrypt.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone


class SealedContent(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    compartment = models.CharField(
        max_length=3, help_text="data category of spec §2.2, e.g. D01, D11, D15, D17"
    )
    key_id = models.CharField(max_length=40)
    nonce = models.BinaryField(max_length=12)
    ciphertext = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)
    sealed_at = models.DateTimeField(default=timezone.now, help_text="last (re-)encryption")

    class Meta:
        indexes = [models.Index(fields=["key_id"])]

    def __str__(self) -> str:
        return f"sealed {self.compartment} {self.id}"
