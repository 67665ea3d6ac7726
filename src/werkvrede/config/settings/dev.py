"""Settings for `make run`: SQLite in the local data directory, generated secrets, console e-mail."""

from __future__ import annotations

import os

from werkvrede.config.settings.base import *  # noqa: F403
from werkvrede.config.settings.base import CONTENT_SECURITY_POLICY, DATA_DIR, WERKVREDE_AUDIT_ANCHOR_FILE
from werkvrede.config.settings.local_keys import local_audit_keys, local_data_keys, local_secret_key

# Tracebacks in the browser only when asked for; otherwise the plain error page with the request
# id that production shows (ADR 0064). Static files are served by WhiteNoise either way.
DEBUG = os.environ.get("WERKVREDE_DEBUG") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECRET_KEY = local_secret_key(DATA_DIR)
WERKVREDE_DATA_KEYS = local_data_keys(DATA_DIR)
WERKVREDE_AUDIT_KEYS = local_audit_keys(DATA_DIR)
WERKVREDE_AUDIT_ANCHOR_FILE = WERKVREDE_AUDIT_ANCHOR_FILE or str(DATA_DIR / "audit-anchors.jsonl")
(DATA_DIR / "static").mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The demo's fixed TOTP secret (hex; base32 JBSWY3DPEHPK3PXP), documented in the README and ADR 0072.
WERKVREDE_DEMO_TOTP_KEY = "48656c6c6f21deadbeef"
# `make run` loads the demo. Not tied to DEBUG: tracebacks stay off unless asked for (ADR 0064).
WERKVREDE_DEMO = True
# Django's traceback page is made of inline scripts and styles: with tracebacks on, the policy only
# reports (the browser's console still names every refusal) instead of breaking that page (ADR 0156).
if DEBUG:
    CONTENT_SECURITY_POLICY_REPORT_ONLY = CONTENT_SECURITY_POLICY
    CONTENT_SECURITY_POLICY = None  # type: ignore[assignment]
