"""Canonical form and hash of an audit event, and the signature of an anchor line. Pure: no database access.

Events from before keyed hashing carry a plain SHA-256 (`event_hash`, key id ""); every later event
an HMAC-SHA256 under a chain key from outside the database (`keyed_event_hash`, ADR 0050).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64
# Domain separation: an event hash can never be passed off as an anchor signature, or back.
_EVENT = b"werkvrede.audit.event\n"
_ANCHOR = b"werkvrede.audit.anchor\n"


def canonical(fields: dict[str, Any]) -> bytes:
    """Serialise the hashed fields deterministically (sorted keys, no whitespace, ISO times)."""

    def default(value: Any) -> str:
        if isinstance(value, datetime):
            return value.isoformat()
        raise TypeError(f"cannot hash {type(value).__name__}")

    return json.dumps(
        fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=default
    ).encode()


def event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    """The unkeyed hash of events recorded before keyed hashing; anyone can recompute it."""
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(fields)).hexdigest()


def keyed_event_hash(key: bytes, prev_hash: str, fields: dict[str, Any]) -> str:
    return hmac.new(key, _EVENT + prev_hash.encode() + b"\n" + canonical(fields), hashlib.sha256).hexdigest()


def anchor_signature(key: bytes, fields: dict[str, Any]) -> str:
    return hmac.new(key, _ANCHOR + canonical(fields), hashlib.sha256).hexdigest()


def same_digest(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


HASHED_FIELDS = (
    "chain",
    "seq",
    "organisation_id",
    "occurred_at",
    "action",
    "outcome",
    "user_id",
    "roles",
    "object_type",
    "object_id",
    "legal_basis",
    "request_id",
    "data",
)
# Added later: hashed only when set, so events recorded before they existed keep their hash.
OPTIONAL_HASHED_FIELDS = ("category", "case_id", "subject_id")
