"""The storage of frozen document bytes: `storages["documents"]`.

See docs/adr/0149-signed-documents-are-frozen.md.
"""

from __future__ import annotations

import os
from typing import Any

from django.core.files.storage import FileSystemStorage, Storage, storages

ALIAS = "documents"


def documents_storage() -> Storage:
    return storages[ALIAS]


class DurableFileSystemStorage(FileSystemStorage):
    """Local disk that flushes a file and its directory to disk before `save` returns.

    A document is locked in the same transaction that stores its bytes; the bytes must be on disk
    before that transaction commits, also when the machine loses power right after.
    """

    def save(self, name: str | None, content: Any, max_length: int | None = None) -> str:
        name = super().save(name, content, max_length=max_length)
        path = self.path(name)
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        directory = os.open(os.path.dirname(path), os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
        return name
