"""Seal and open content. Opening always passes the access layer and is audited."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from werkvrede.audit import services as audit
from werkvrede.audit.reads import record_read
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize
from werkvrede.vault.crypto import SealedContentError, decrypt, encrypt, keyring
from werkvrede.vault.models import SealedContent

__all__ = ["SealedContentError", "rotate_data_keys", "seal", "unseal"]

SEALED_COMPARTMENTS = frozenset({"D01", "D07", "D11", "D15", "D17", "D18"})


def _associated_data(sealed: SealedContent) -> bytes:
    return f"werkvrede.sealed|{sealed.pk}|{sealed.organisation_id}|{sealed.compartment}".encode()


def _audit_fields(actor: Actor, sealed: SealedContent) -> dict[str, Any]:
    return {
        "organisation_id": sealed.organisation_id,
        "user_id": actor.user_id,
        "roles": actor.role_codes,
        "object_type": "vault.sealedcontent",
        "object_id": str(sealed.pk),
    }


@transaction.atomic
def seal(
    *, actor: Any, organisation_id: int, compartment: str, plaintext: str, day_only: bool = False
) -> SealedContent:
    """Store `plaintext` encrypted in `compartment` (a sealed data category, docs/rules.md).

    `day_only` (an anonymous report, D15): the row keeps the day, not the time, and the audit event
    does not name the row, so that no exact time can be joined to what was written.
    """
    if compartment not in SEALED_COMPARTMENTS:
        raise ValueError(f"{compartment!r} is not a sealed data category")
    sealed = SealedContent(organisation_id=organisation_id, compartment=compartment)
    if day_only:
        midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        sealed.created_at = sealed.sealed_at = midnight
    sealed.key_id, sealed.nonce, sealed.ciphertext = encrypt(keyring(), plaintext, _associated_data(sealed))
    sealed.save(force_insert=True)
    fields = _audit_fields(actor, sealed)
    if day_only:
        fields["object_id"] = ""
    audit.record("vault.sealed.created", **fields, data={"compartment": compartment})
    return sealed


def unseal(
    *,
    actor: Actor,
    sealed: SealedContent,
    action: str,
    subjects: Sequence[int | None],
    basis: str,
    case_id: int | None = None,
    name_object: bool = True,
) -> str:
    """Return the plaintext if `action` is allowed for `actor` on `sealed`; audit the read.

    The read is recorded as a read of the compartment's category about each of `subjects` (the people
    the content is about), in `case_id`, on `basis` — once per request (`audit.reads`); with
    `name_object=False` (the holder of an anonymous report's receipt) without the row's id, so that
    no exact time is joined to the report (ADR 0074). A failure to
    decrypt is audited too and raised as SealedContentError with a message that names the cause
    (missing key, or altered row) and never the content.
    """
    authorize(actor, action, sealed)
    try:
        plaintext = decrypt(
            keyring(), sealed.key_id, bytes(sealed.nonce), bytes(sealed.ciphertext), _associated_data(sealed)
        )
    except SealedContentError as exc:
        audit.record(
            "vault.sealed.read_failed",
            **_audit_fields(actor, sealed),
            legal_basis=basis,
            outcome=audit.Outcome.FAILED,
            case_id=case_id,
            data={"action": action, "compartment": sealed.compartment, "key_id": sealed.key_id},
        )
        raise SealedContentError(f"sealed content {sealed.pk} cannot be opened: {exc}") from exc
    for subject_id in subjects:
        record_read(
            actor,
            category=sealed.compartment,
            organisation_id=sealed.organisation_id,
            case_id=case_id,
            subject_id=subject_id,
            basis=basis,
            object_type="vault.sealedcontent",
            object_id=str(sealed.pk) if name_object else "",
        )
    return plaintext


def rotate_data_keys(*, batch_size: int = 500, progress: Callable[[int, int], None] | None = None) -> int:
    """Re-encrypt every row not yet under the current key; return how many were re-encrypted.

    Each batch is its own transaction, so a long rotation can be interrupted and run again.
    """
    ring = keyring()
    stale = SealedContent.objects.exclude(key_id=ring.current_id)
    total = stale.count()
    done = 0
    while True:
        with transaction.atomic():
            batch = list(stale.select_for_update(no_key=True).order_by("pk")[:batch_size])
            if not batch:
                break
            for sealed in batch:
                aad = _associated_data(sealed)
                plaintext = decrypt(ring, sealed.key_id, bytes(sealed.nonce), bytes(sealed.ciphertext), aad)
                sealed.key_id, sealed.nonce, sealed.ciphertext = encrypt(ring, plaintext, aad)
                sealed.sealed_at = timezone.now()
                sealed.save(update_fields=["key_id", "nonce", "ciphertext", "sealed_at"])
            done += len(batch)
        if progress is not None:
            progress(done, total)
    audit.record("vault.key.rotated", organisation_id=None, data={"key_id": ring.current_id, "rows": done})
    return done
