"""Settings for `make bench`: production-like (DEBUG off, persistent connections) on a local PostgreSQL."""

from __future__ import annotations

import base64
import hashlib
import os

import dj_database_url

from werkvrede.config.database import with_backend
from werkvrede.config.settings.base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECRET_KEY = "bench-secret-key-not-for-production"  # noqa: S105
# Fixed keys, known to anyone: the bench data is generated in one process and read in others, and
# its audit events form a chain that `audit_verify` can check (docs/benchmarks.md).
WERKVREDE_DATA_KEYS = "bench:" + base64.b64encode(hashlib.sha256(b"werkvrede bench data").digest()).decode()
WERKVREDE_AUDIT_KEYS = "bench:" + base64.b64encode(hashlib.sha256(b"werkvrede bench audit").digest()).decode()
ROOT_URLCONF = "werkvrede.config.bench_urls"
DATABASES = {
    "default": with_backend(
        dict(
            dj_database_url.parse(
                os.environ.get(
                    "WERKVREDE_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/werkvrede_bench"
                ),
                conn_max_age=600,
            )
        )
    )
}
LOGGING = {"version": 1, "disable_existing_loggers": True}
# The bench measures pages, not log-in: a long session for the bench user.
SESSION_COOKIE_AGE = 24 * 3600
SESSION_SAVE_EVERY_REQUEST = False
