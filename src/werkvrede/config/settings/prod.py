"""Production settings: everything secret or site-specific comes from the environment."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from werkvrede.config.settings.base import *  # noqa: F403
from werkvrede.config.settings.base import (
    SECRET_KEY,
    WERKVREDE_AUDIT_ANCHOR_FILE,
    WERKVREDE_AUDIT_KEYS,
    WERKVREDE_DATA_KEYS,
)

if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (a long random string).")
if not WERKVREDE_DATA_KEYS:
    raise ImproperlyConfigured("Set WERKVREDE_DATA_KEYS (see README: sealed storage keys).")
if not WERKVREDE_AUDIT_KEYS:
    raise ImproperlyConfigured("Set WERKVREDE_AUDIT_KEYS (see README: audit chain keys).")
if not WERKVREDE_AUDIT_ANCHOR_FILE:
    raise ImproperlyConfigured("Set WERKVREDE_AUDIT_ANCHOR_FILE (see README: audit anchors).")

DEBUG = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("WERKVREDE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
# Shared by every web process (the contact form's rate limit counts across all of them); the table
# is made by `manage.py createcachetable`.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "werkvrede_cache",
    }
}
