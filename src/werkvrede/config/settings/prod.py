"""Production settings: everything secret or site-specific comes from the environment."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from werkvrede.config.settings.base import *  # noqa: F403
from werkvrede.config.settings.base import (
    LOGGING,
    SECRET_KEY,
    STORAGES,
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


def _required(name: str, what: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set {name} ({what}).")
    return value


# E-mail (README: production): links point to the site's address, mail comes from a real sender.
WERKVREDE_BASE_URL = _required("WERKVREDE_BASE_URL", "the site's address for links in e-mails, https://…")
DEFAULT_FROM_EMAIL = _required(
    "WERKVREDE_FROM_EMAIL", "the sender of every e-mail, e.g. Werkvrede <noreply@…>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
if EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend":
    EMAIL_HOST = _required("WERKVREDE_SMTP_HOST", "the SMTP server that sends Werkvrede's e-mail")
    _security = os.environ.get("WERKVREDE_SMTP_SECURITY", "starttls").strip().lower()
    if _security not in ("starttls", "ssl", "none"):
        raise ImproperlyConfigured("Set WERKVREDE_SMTP_SECURITY to starttls, ssl or none.")
    EMAIL_USE_TLS = _security == "starttls"
    EMAIL_USE_SSL = _security == "ssl"
    _default_port = {"starttls": "587", "ssl": "465", "none": "25"}[_security]
    try:
        EMAIL_PORT = int(os.environ.get("WERKVREDE_SMTP_PORT", "").strip() or _default_port)
        EMAIL_TIMEOUT = int(os.environ.get("WERKVREDE_SMTP_TIMEOUT", "").strip() or "30")
    except ValueError as exc:
        raise ImproperlyConfigured("Set WERKVREDE_SMTP_PORT and WERKVREDE_SMTP_TIMEOUT to numbers.") from exc
    EMAIL_HOST_USER = os.environ.get("WERKVREDE_SMTP_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("WERKVREDE_SMTP_PASSWORD", "")

DEBUG = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "documents": STORAGES["documents"],
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
# Shared by every web process (the contact form's rate limit counts across all of them); the table
# is made by `manage.py createcachetable`.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "werkvrede_cache",
    }
}

# One JSON line per log record, one per request (docs/adr/0157-logs-for-operators.md).
LOGGING = {
    **LOGGING,
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
}
