"""The `documents` storage: where the frozen bytes of signed documents live.

See docs/adr/0149-signed-documents-are-frozen.md.

Local disk under the data directory by default; an S3-compatible bucket (django-storages) when
`WERKVREDE_DOCUMENTS_S3_BUCKET` is set, so that several web machines share the same files. Never
under a publicly served directory: documents leave only through the owning context's download view.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

# Environment variable -> S3Storage option (django-storages).
_S3_OPTIONS = {
    "WERKVREDE_DOCUMENTS_S3_ENDPOINT_URL": "endpoint_url",
    "WERKVREDE_DOCUMENTS_S3_REGION": "region_name",
    "WERKVREDE_DOCUMENTS_S3_ACCESS_KEY_ID": "access_key",
    "WERKVREDE_DOCUMENTS_S3_SECRET_ACCESS_KEY": "secret_key",
    "WERKVREDE_DOCUMENTS_S3_PREFIX": "location",
}


def documents_storage(environ: Mapping[str, str], data_dir: Path) -> dict[str, Any]:
    """The STORAGES["documents"] entry for this environment."""
    bucket = environ.get("WERKVREDE_DOCUMENTS_S3_BUCKET", "").strip()
    if not bucket:
        location = environ.get("WERKVREDE_DOCUMENTS_DIR", "").strip() or str(data_dir / "documents")
        return {
            "BACKEND": "werkvrede.documents.storage.DurableFileSystemStorage",
            "OPTIONS": {"location": location},
        }
    options: dict[str, Any] = {
        "bucket_name": bucket,
        # Private objects, and a stored name is never overwritten (a second save gets a new name).
        "default_acl": "private",
        "file_overwrite": False,
    }
    for name, option in _S3_OPTIONS.items():
        value = environ.get(name, "").strip()
        if value:
            options[option] = value
    if ("access_key" in options) != ("secret_key" in options):
        raise ImproperlyConfigured(
            "Set both WERKVREDE_DOCUMENTS_S3_ACCESS_KEY_ID and WERKVREDE_DOCUMENTS_S3_SECRET_ACCESS_KEY, "
            "or neither (then the machine's own credentials are used)."
        )
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
