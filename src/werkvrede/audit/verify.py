"""Check the audit hash chains and name the first broken event of each chain."""

from __future__ import annotations

from dataclasses import dataclass

from werkvrede.audit.hashing import GENESIS_HASH, event_hash
from werkvrede.audit.models import AuditChainHead, AuditEvent
from werkvrede.audit.services import hashed_fields


@dataclass(frozen=True)
class ChainBreak:
    chain: str
    event_id: int | None
    seq: int
    reason: str

    def __str__(self) -> str:
        where = f"event id {self.event_id}" if self.event_id is not None else "end of chain"
        return f"chain {self.chain}: {where} (seq {self.seq}): {self.reason}"


def verify_chain(chain: str, *, batch_size: int = 2000) -> ChainBreak | None:
    """Return the first break in `chain`, or None when every event links and hashes correctly."""
    expected_seq = 1
    prev_hash = GENESIS_HASH
    events = AuditEvent.objects.filter(chain=chain).order_by("seq").iterator(chunk_size=batch_size)
    for event in events:
        if event.seq != expected_seq:
            return ChainBreak(chain, event.id, event.seq, f"expected seq {expected_seq}: an event is missing")
        if event.prev_hash != prev_hash:
            return ChainBreak(chain, event.id, event.seq, "does not link to the previous event")
        if event_hash(event.prev_hash, hashed_fields(event)) != event.hash:
            return ChainBreak(chain, event.id, event.seq, "content differs from what was recorded")
        prev_hash = event.hash
        expected_seq += 1
    head = AuditChainHead.objects.filter(chain=chain).first()
    last_seq = expected_seq - 1
    if head is not None and (head.seq != last_seq or head.hash != prev_hash):
        return ChainBreak(
            chain, None, last_seq, f"chain head says seq {head.seq}: events at the end are missing"
        )
    return None


def verify_all() -> tuple[int, list[ChainBreak]]:
    """Verify every chain; return (number of chains checked, breaks found)."""
    chains = set(AuditEvent.objects.values_list("chain", flat=True).distinct())
    chains |= set(AuditChainHead.objects.values_list("chain", flat=True))
    breaks = [b for chain in sorted(chains) if (b := verify_chain(chain)) is not None]
    return len(chains), breaks
