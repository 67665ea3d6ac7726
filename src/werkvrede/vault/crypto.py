"""AES-256-GCM with a keyring from settings. No database access here."""

from __future__ import annotations

import base64
import binascii
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class SealedContentError(Exception):
    """Sealed content could not be opened: its key is missing or the stored row was altered."""


@dataclass(frozen=True)
class Keyring:
    current_id: str
    keys: dict[str, bytes]

    @classmethod
    def parse(cls, spec: str) -> Keyring:
        """Parse "id:base64key,id2:base64key" (newest first) into a keyring."""
        keys: dict[str, bytes] = {}
        order: list[str] = []
        for item in (part.strip() for part in spec.split(",")):
            if not item:
                continue
            key_id, sep, encoded = item.partition(":")
            if not sep or not key_id:
                raise ImproperlyConfigured("WERKVREDE_DATA_KEYS entries must look like 'key-id:base64-key'")
            try:
                key = base64.b64decode(encoded, validate=True)
            except binascii.Error as exc:
                raise ImproperlyConfigured(
                    f"WERKVREDE_DATA_KEYS: key {key_id!r} is not valid base64"
                ) from exc
            if len(key) != 32:
                raise ImproperlyConfigured(f"WERKVREDE_DATA_KEYS: key {key_id!r} must be 32 bytes (AES-256)")
            keys[key_id] = key
            order.append(key_id)
        if not order:
            raise ImproperlyConfigured("WERKVREDE_DATA_KEYS is empty: sealed content cannot be stored")
        return cls(current_id=order[0], keys=keys)


def keyring() -> Keyring:
    return Keyring.parse(settings.WERKVREDE_DATA_KEYS)


def encrypt(ring: Keyring, plaintext: str, associated_data: bytes) -> tuple[str, bytes, bytes]:
    nonce = os.urandom(12)
    ciphertext = AESGCM(ring.keys[ring.current_id]).encrypt(nonce, plaintext.encode(), associated_data)
    return ring.current_id, nonce, ciphertext


def decrypt(ring: Keyring, key_id: str, nonce: bytes, ciphertext: bytes, associated_data: bytes) -> str:
    key = ring.keys.get(key_id)
    if key is None:
        raise SealedContentError(f"key {key_id!r} is not configured in WERKVREDE_DATA_KEYS")
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, associated_data).decode()
    except InvalidTag as exc:
        raise SealedContentError("the stored content does not match its key and row: it was altered") from exc
