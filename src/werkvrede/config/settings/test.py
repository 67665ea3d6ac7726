"""Settings for the test suite. `WERKVREDE_TEST_DATABASE` selects sqlite (default) or postgres."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import dj_database_url

from werkvrede.config.database import with_backend
from werkvrede.config.settings.base import *  # noqa: F403
from werkvrede.vault.keys import new_data_key

DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105
WERKVREDE_DATA_KEYS = new_data_key("test1")
WERKVREDE_AUDIT_KEYS = new_data_key("test1")
WERKVREDE_AUDIT_ANCHOR_FILE = ""  # tests that anchor give their own file
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed; argon2 is tested on its own
# Static files come from the app directories in tests; WhiteNoise only needs its root to exist.
STATIC_ROOT = Path(tempfile.gettempdir()) / "werkvrede-test-static"
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True
# The frozen document bytes of this test run (each process its own directory, removed at exit).
_DOCUMENTS_DIR = tempfile.mkdtemp(prefix="werkvrede-test-documents-")
atexit.register(shutil.rmtree, _DOCUMENTS_DIR, True)
STORAGES = {
    **STORAGES,  # noqa: F405
    "documents": {
        "BACKEND": "werkvrede.documents.storage.DurableFileSystemStorage",
        "OPTIONS": {"location": _DOCUMENTS_DIR},
    },
}
# Find a static file when it is asked for: otherwise WhiteNoise walks every app's static files each
# time a test client starts its middleware (once per test, a third of a small test's time; ADR 0067).
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Anonymous reporting (docs/anonymous-reporting.md): no constant delay, except where a test sets it.
WERKVREDE_RECEIPT_DELAY_SECONDS = 0
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

if os.environ.get("WERKVREDE_TEST_DATABASE") == "postgres":
    DATABASES = {
        "default": with_backend(
            dict(
                dj_database_url.parse(
                    os.environ.get(
                        "WERKVREDE_TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/werkvrede"
                    ),
                    conn_max_age=0,
                )
            )
        )
    }
else:
    # SQLite whose test flush gets past the audit table's DELETE trigger (ADR 0051). In memory, also
    # in each parallel worker: named explicitly, since pytest-django recognises an in-memory database
    # of Django's own engine only and would otherwise give each worker a file `test_:memory:_gwN`.
    DATABASES = {
        "default": {
            "ENGINE": "werkvrede.config.flushable_sqlite",
            "NAME": ":memory:",
            "TEST": {"NAME": ":memory:"},
        }
    }
# A replica alias on the same test database (ADR 0193). Report aggregates stay on `default`, whose test
# transaction a second connection cannot see; the replica tests switch WERKVREDE_REPORT_DATABASE.
DATABASES["replica"] = {
    **DATABASES["default"],
    "TEST": {**DATABASES["default"].get("TEST", {}), "MIRROR": "default"},
}
WERKVREDE_REPORT_DATABASE = "default"
