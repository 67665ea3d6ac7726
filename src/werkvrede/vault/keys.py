"""Make a new data key entry ("key-id:base64"). Standard library only: settings import it."""

from __future__ import annotations

import base64
import secrets


def new_data_key(key_id: str) -> str:
    return f"{key_id}:{base64.b64encode(secrets.token_bytes(32)).decode()}"
