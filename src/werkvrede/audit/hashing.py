"""Canonical form and hash of an audit event. Pure: no database access."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64


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
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(fields)).hexdigest()


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
