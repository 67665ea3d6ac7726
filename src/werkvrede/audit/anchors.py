"""Anchor the chain heads outside the database: one signed JSON line per chain per run (ADR 0050).

The file is only ever opened for appending. It belongs on storage that the database's operators
cannot rewrite; each line is signed with the chain key, so a line altered by someone without the
key is reported. `verify.verify_all` compares every chain with its last anchored head.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from werkvrede.audit.hashing import anchor_signature, same_digest
from werkvrede.audit.keys import AuditKeyring
from werkvrede.audit.models import AuditChainHead, AuditEvent

_SIGNED = ("anchored_at", "chain", "hash", "key_id", "seq", "unkeyed")


@dataclass(frozen=True)
class Anchor:
    """A chain head as it was at `anchored_at`; `unkeyed`: how many of its events predate keyed hashing."""

    chain: str
    seq: int
    hash: str
    unkeyed: int
    anchored_at: str
    key_id: str
    line: int = 0

    def describe(self) -> str:
        return f"seq {self.seq}, anchored {self.anchored_at}"


@dataclass
class AnchorLog:
    """What an anchor file says: each chain's first and last valid line, and the lines that are not valid."""

    first: dict[str, Anchor] = field(default_factory=dict)
    last: dict[str, Anchor] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def unkeyed_allowed(self, chain: str) -> int | None:
        """How many unkeyed events `chain` may have; None when nothing was anchored yet.

        The first anchor of a chain pins it: events recorded later are keyed. A chain that began
        after anchoring started has no first anchor and may have none.
        """
        if not self.last:
            return None
        first = self.first.get(chain)
        return first.unkeyed if first else 0


def signed_line(anchor: Anchor, key: bytes) -> str:
    fields: dict[str, Any] = {name: getattr(anchor, name) for name in _SIGNED}
    fields["signature"] = anchor_signature(key, {name: fields[name] for name in _SIGNED})
    return json.dumps(fields, sort_keys=True, separators=(",", ":"))


def _parse_line(text: str, ring: AuditKeyring) -> Anchor | str:
    """The anchor on one line, or why the line is not a valid anchor."""
    try:
        fields = json.loads(text)
    except ValueError:
        return "not an anchor line (incomplete or altered)"
    if not isinstance(fields, dict) or set(fields) != {*_SIGNED, "signature"}:
        return "not an anchor line (fields differ)"
    key = ring.keys.get(fields["key_id"]) if isinstance(fields["key_id"], str) else None
    if key is None:
        return f"signed with key {fields['key_id']!r}, which is not configured in WERKVREDE_AUDIT_KEYS"
    signed = {name: fields[name] for name in _SIGNED}
    if not isinstance(fields["signature"], str) or not same_digest(
        anchor_signature(key, signed), fields["signature"]
    ):
        return "the signature does not match: the line was altered or not written by audit_anchor"
    return Anchor(**signed)


def read_anchor_log(path: Path, ring: AuditKeyring) -> AnchorLog:
    log = AnchorLog()
    if not path.exists():
        return log
    with path.open(encoding="utf-8") as lines:
        for number, text in enumerate(lines, start=1):
            parsed = _parse_line(text, ring)
            if isinstance(parsed, str):
                log.problems.append((number, parsed))
                continue
            anchor = replace(parsed, line=number)
            log.first.setdefault(anchor.chain, anchor)
            log.last[anchor.chain] = anchor
    return log


def _append(path: Path, lines: Iterable[str]) -> None:
    """Append in one write with O_APPEND: the file is never truncated or rewritten."""
    data = "".join(f"{line}\n" for line in lines).encode()
    if not data:
        return
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        while data:
            data = data[os.write(fd, data) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _first_keyed_seq(chain: str) -> int | None:
    return (
        AuditEvent.objects.filter(chain=chain)
        .exclude(key_id="")
        .order_by("seq")
        .values_list("seq", flat=True)
        .first()
    )


def _refusal(head: AuditChainHead, previous: Anchor | None, hashes: dict[int, str]) -> str | None:
    """Why `head` must not be anchored: it does not extend the last anchored head, or is not stored."""
    if hashes.get(head.seq) != head.hash:
        return f"the chain head (seq {head.seq}) does not match the stored event"
    if previous is None:
        return None
    if head.seq < previous.seq:
        return f"shorter than its anchored head ({previous.describe()}): events were removed"
    if hashes.get(previous.seq) != previous.hash:
        return f"the event at seq {previous.seq} differs from its anchored head ({previous.describe()})"
    return None


@dataclass(frozen=True)
class AnchorRun:
    anchored: list[Anchor]
    refused: list[tuple[str, str]]


def anchor_chains(path: Path, ring: AuditKeyring, *, accept: Collection[str] = ()) -> AnchorRun:
    """Append the signed head of every chain that still extends its last anchored head.

    A chain that does not (events at its end were removed, or the anchored event changed) is not
    anchored, so the loss cannot be laundered into a new anchor; it is returned with the reason.
    Chains in `accept` are anchored as they are now: the operator has accepted their loss (after a
    restore from a backup older than the last anchor); the earlier lines stay in the file.
    """
    log = read_anchor_log(path, ring)
    now = datetime.now(tz=UTC).isoformat(timespec="seconds")
    anchored: list[Anchor] = []
    refused: list[tuple[str, str]] = []
    heads = {head.chain: head for head in AuditChainHead.objects.filter(seq__gt=0).order_by("chain")}
    for chain in sorted(set(log.last) - set(heads) - set(accept)):
        refused.append(
            (chain, f"anchored at {log.last[chain].describe()} but its head is gone from the database")
        )
    for chain, head in heads.items():
        previous = None if chain in accept else log.last.get(chain)
        wanted = {head.seq} | ({previous.seq} if previous else set())
        hashes = dict(AuditEvent.objects.filter(chain=chain, seq__in=wanted).values_list("seq", "hash"))
        reason = _refusal(head, previous, hashes)
        if reason is not None:
            refused.append((chain, reason))
            continue
        first_keyed = _first_keyed_seq(chain)
        unkeyed = head.seq if first_keyed is None else min(head.seq, first_keyed - 1)
        anchored.append(Anchor(chain, head.seq, head.hash, unkeyed, now, ring.current_id))
    key = ring.keys[ring.current_id]
    _append(path, (signed_line(anchor, key) for anchor in anchored))
    return AnchorRun(anchored, refused)
