"""Generate development secrets once into the local data directory (never committed)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from werkvrede.vault.keys import new_data_key


def _read_or_create(path: Path, make: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        # O_EXCL: two processes starting at once must not overwrite each other's key.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as f:
                f.write(make)
    return path.read_text().strip()


def local_secret_key(data_dir: Path) -> str:
    return _read_or_create(data_dir / "keys" / "secret_key", secrets.token_urlsafe(50))


def local_data_keys(data_dir: Path) -> str:
    return _read_or_create(data_dir / "keys" / "data_keys", new_data_key("dev1"))


def local_audit_keys(data_dir: Path) -> str:
    return _read_or_create(data_dir / "keys" / "audit_keys", new_data_key("dev1"))
