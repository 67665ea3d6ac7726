"""Settings for `make bench`: production-like (DEBUG off, persistent connections) on a local PostgreSQL."""

from __future__ import annotations

import os

import dj_database_url

from werkvrede.config.settings.base import *  # noqa: F403
from werkvrede.vault.keys import new_data_key

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECRET_KEY = "bench-secret-key-not-for-production"  # noqa: S105
WERKVREDE_DATA_KEYS = new_data_key("bench")
WERKVREDE_AUDIT_KEYS = new_data_key("bench")
ROOT_URLCONF = "werkvrede.config.bench_urls"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("WERKVREDE_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/werkvrede_bench"),
        conn_max_age=600,
    )
}
LOGGING = {"version": 1, "disable_existing_loggers": True}
# The bench measures pages, not log-in: a long session for the bench user.
SESSION_COOKIE_AGE = 24 * 3600
SESSION_SAVE_EVERY_REQUEST = False
