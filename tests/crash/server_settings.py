"""Settings of the web process the crash tests kill: production's, plus a test-only slow-down.

Only the crash harness names this module (DJANGO_SETTINGS_MODULE of the server it starts). The
production settings never read WERKVREDE_CRASH_DELAY, and this module lives outside the installed
package, so the slow-down cannot be switched on in production (docs/operations.md, crash safety).
"""

from __future__ import annotations

from werkvrede.config.settings.prod import *  # noqa: F403
from werkvrede.config.settings.prod import MIDDLEWARE, STORAGES

# The test database has no cache table; the harness needs no shared cache.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Only the API is asked: no static files, so no manifest from `collectstatic`.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
MIDDLEWARE = ["tests.crash.slow_queries.SlowQueries", *MIDDLEWARE]
