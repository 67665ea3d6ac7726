"""The audit chain keys, from WERKVREDE_AUDIT_KEYS: "key-id:base64(32 bytes)" pairs, newest first.

They live outside the database, so that whoever can write the database cannot recompute the chain
(ADR 0050). No database access here.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

SETTING = "WERKVREDE_AUDIT_KEYS"
_KEY_ID = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")


@dataclass(frozen=True)
class AuditKeyring:
    current_id: str
    keys: Mapping[str, bytes]


@lru_cache(maxsize=8)
def parse_audit_keys(spec: str) -> AuditKeyring:
    """Parse "id:base64key,id2:base64key" (newest first). Cached: `record()` runs on every request."""
    keys: dict[str, bytes] = {}
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        key_id, sep, encoded = item.partition(":")
        if not sep or not key_id:
            raise ImproperlyConfigured(f"{SETTING} entries must look like 'key-id:base64-key'")
        if not _KEY_ID.match(key_id):
            raise ImproperlyConfigured(
                f"{SETTING}: key id {key_id!r} may hold only letters, digits, '.', '_' and '-' (at most 40)"
            )
        if key_id in keys:
            raise ImproperlyConfigured(f"{SETTING}: key id {key_id!r} is listed twice")
        try:
            key = base64.b64decode(encoded, validate=True)
        except binascii.Error as exc:
            raise ImproperlyConfigured(f"{SETTING}: key {key_id!r} is not valid base64") from exc
        if len(key) != 32:
            raise ImproperlyConfigured(f"{SETTING}: key {key_id!r} must be 32 bytes")
        keys[key_id] = key
    if not keys:
        raise ImproperlyConfigured(f"{SETTING} is empty: audit events cannot be recorded or verified")
    return AuditKeyring(current_id=next(iter(keys)), keys=MappingProxyType(keys))


def audit_keyring() -> AuditKeyring:
    return parse_audit_keys(settings.WERKVREDE_AUDIT_KEYS)
