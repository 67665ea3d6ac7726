"""Check the audit hash chains against their keys and anchors; name the first broken event of each chain."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from werkvrede.audit.anchors import Anchor, AnchorLog, read_anchor_log
from werkvrede.audit.hashing import GENESIS_HASH, event_hash, keyed_event_hash, same_digest
from werkvrede.audit.keys import AuditKeyring, audit_keyring
from werkvrede.audit.models import AuditChainHead, AuditEvent
from werkvrede.audit.services import hashed_fields

REWRITTEN = "the chain was rewritten without its key"


@dataclass(frozen=True)
class ChainBreak:
    chain: str
    event_id: int | None
    seq: int
    reason: str

    def __str__(self) -> str:
        where = f"event id {self.event_id}" if self.event_id is not None else "end of chain"
        return f"chain {self.chain}: {where} (seq {self.seq}): {self.reason}"


@dataclass(frozen=True)
class AnchorLineBreak:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"anchor file line {self.line}: {self.reason}"


@dataclass(frozen=True)
class ChainResult:
    chain_break: ChainBreak | None
    unkeyed: int


@dataclass(frozen=True)
class VerifyReport:
    chains: int
    breaks: list[ChainBreak | AnchorLineBreak]
    unkeyed: dict[str, int]
    """Chains that still hold events from before keyed hashing, and how many."""
    anchored: int
    """How many chains were compared with an anchored head."""
    anchor_file: str


def _expected_hash(event: AuditEvent, ring: AuditKeyring) -> str | None:
    if not event.key_id:
        return event_hash(event.prev_hash, hashed_fields(event))
    key = ring.keys.get(event.key_id)
    return None if key is None else keyed_event_hash(key, event.prev_hash, hashed_fields(event))


def verify_chain(
    chain: str,
    *,
    ring: AuditKeyring,
    anchor: Anchor | None = None,
    unkeyed_allowed: int | None = None,
    batch_size: int = 2000,
) -> ChainResult:
    """The first break in `chain` (None when every event links and hashes correctly) and its unkeyed count.

    Unkeyed events (from before keyed hashing) may only open a chain, and no more of them than the
    chain's first anchor counted: anyone can compute a plain hash, so an unkeyed event anywhere else
    is a rewrite (ADR 0050).
    """
    expected_seq, prev_hash, unkeyed, keyed_seen = 1, GENESIS_HASH, 0, False

    def broken(event: AuditEvent, reason: str) -> ChainResult:
        return ChainResult(ChainBreak(chain, event.id, event.seq, reason), unkeyed)

    events = AuditEvent.objects.filter(chain=chain).order_by("seq").iterator(chunk_size=batch_size)
    for event in events:
        if event.seq != expected_seq:
            return broken(event, f"expected seq {expected_seq}: an event is missing")
        if event.prev_hash != prev_hash:
            return broken(event, "does not link to the previous event")
        if not event.key_id:
            if keyed_seen:
                return broken(event, f"unkeyed event after a keyed one: {REWRITTEN}")
            if unkeyed_allowed is not None and event.seq > unkeyed_allowed:
                return broken(
                    event, f"unkeyed event, but the chain was anchored with {unkeyed_allowed}: {REWRITTEN}"
                )
            unkeyed += 1
        keyed_seen = keyed_seen or bool(event.key_id)
        expected = _expected_hash(event, ring)
        if expected is None:
            return broken(
                event, f"cannot be checked: key {event.key_id!r} is not configured in WERKVREDE_AUDIT_KEYS"
            )
        if not same_digest(expected, event.hash):
            return broken(event, "content differs from what was recorded")
        if anchor is not None and event.seq == anchor.seq and event.hash != anchor.hash:
            return broken(event, f"differs from its anchored head ({anchor.describe()})")
        prev_hash = event.hash
        expected_seq += 1
    last_seq = expected_seq - 1
    head = AuditChainHead.objects.filter(chain=chain).first()
    reason = None
    if head is not None and (head.seq != last_seq or head.hash != prev_hash):
        reason = f"chain head says seq {head.seq}: events at the end are missing"
    elif anchor is not None and head is None and last_seq == 0:
        reason = f"anchored at {anchor.describe()} but absent from the database"
    elif anchor is not None and last_seq < anchor.seq:
        reason = f"shorter than its anchored head ({anchor.describe()}): events were removed"
    return ChainResult(ChainBreak(chain, None, last_seq, reason) if reason else None, unkeyed)


def verify_all(*, anchor_file: str | None = None) -> VerifyReport:
    """Verify every chain, stored or anchored, against the keys and the anchor file."""
    ring = audit_keyring()
    path = settings.WERKVREDE_AUDIT_ANCHOR_FILE if anchor_file is None else anchor_file
    log = read_anchor_log(Path(path), ring) if path else AnchorLog()
    breaks: list[ChainBreak | AnchorLineBreak] = [AnchorLineBreak(n, why) for n, why in log.problems]
    chains = set(AuditEvent.objects.values_list("chain", flat=True).distinct())
    chains |= set(AuditChainHead.objects.values_list("chain", flat=True))
    chains |= set(log.last)
    unkeyed: dict[str, int] = {}
    for chain in sorted(chains):
        result = verify_chain(
            chain, ring=ring, anchor=log.last.get(chain), unkeyed_allowed=log.unkeyed_allowed(chain)
        )
        if result.chain_break is not None:
            breaks.append(result.chain_break)
        if result.unkeyed:
            unkeyed[chain] = result.unkeyed
    anchored = len(chains & set(log.last))
    return VerifyReport(len(chains), breaks, unkeyed, anchored, path)
