"""What someone who can write the database, but holds neither the chain key nor the anchor file, can do."""

from __future__ import annotations

from typing import Any

from django.db import connection

from werkvrede.audit.hashing import GENESIS_HASH, event_hash
from werkvrede.audit.models import AuditChainHead, AuditEvent
from werkvrede.audit.services import hashed_fields


def remove_append_only_guard() -> None:
    """Switch off the triggers that refuse UPDATE and DELETE on the audit table."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A superuser can switch triggers off for the transaction (as replication does).
            cursor.execute("SET LOCAL session_replication_role = replica")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_event_append_only")
            cursor.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")


def execute(sql: str, params: list[Any]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def roll_head_back(chain: str) -> None:
    """Point the chain head at the last event that is still there."""
    last = AuditEvent.objects.filter(chain=chain).order_by("-seq").first()
    seq, hash_ = (last.seq, last.hash) if last else (0, GENESIS_HASH)
    execute("UPDATE audit_auditchainhead SET seq = %s, hash = %s WHERE chain = %s", [seq, hash_, chain])


def rehash_with_plain_sha256(chain: str, *, from_seq: int, keep_key_ids: bool = False) -> None:
    """Recompute the chain from `from_seq` on with the only hash the attacker can make: plain SHA-256.

    Without `keep_key_ids` the events are also marked as unkeyed (key id ""), as events from before
    keyed hashing are, so that a verifier that trusted the key id column would check them as such.
    """
    previous = AuditEvent.objects.filter(chain=chain, seq=from_seq - 1).first()
    prev_hash = previous.hash if previous else GENESIS_HASH
    for event in AuditEvent.objects.filter(chain=chain, seq__gte=from_seq).order_by("seq"):
        if not keep_key_ids:
            event.key_id = ""
        event.prev_hash = prev_hash
        event.hash = event_hash(prev_hash, hashed_fields(event))
        execute(
            "UPDATE audit_auditevent SET key_id = %s, prev_hash = %s, hash = %s WHERE id = %s",
            [event.key_id, event.prev_hash, event.hash, event.pk],
        )
        prev_hash = event.hash
    AuditChainHead.objects.filter(chain=chain).update(hash=prev_hash)
