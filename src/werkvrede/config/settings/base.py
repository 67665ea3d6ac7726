"""Settings shared by every environment. Secrets and deployment facts come from the environment."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from werkvrede.config.database import default_database, replica_database
from werkvrede.config.document_storage import documents_storage

PACKAGE_DIR = Path(__file__).resolve().parent.parent.parent
REPO_DIR = PACKAGE_DIR.parent.parent
# Local state for development (SQLite database, generated keys, uploaded files). Never committed.
DATA_DIR = Path(os.environ.get("WERKVREDE_DATA_DIR", REPO_DIR / "data"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "werkvrede.core.admin.WerkvredeAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "werkvrede.core",
    "werkvrede.audit",
    "werkvrede.accounts",
    "werkvrede.vault",
    "werkvrede.cases",
    "werkvrede.protocol",
    "werkvrede.consent",
    "werkvrede.documents",
    "werkvrede.sickness",
    "werkvrede.interventions",
    "werkvrede.notifications",
    "werkvrede.supporters",
    "werkvrede.contact",
    "werkvrede.confidential",
    "werkvrede.prevention",
    "werkvrede.selfhelp",
    "werkvrede.whistleblower",
    "werkvrede.mediation",
    "werkvrede.agenda",
    "werkvrede.fairness",
    "werkvrede.mydata",
    "werkvrede.erasure",
    "werkvrede.retention",
    "werkvrede.api",
    "werkvrede.backup",
    "werkvrede.demo",
]

MIDDLEWARE = [
    # The request id and one log line per request, probes included (docs/adr/0157-logs-for-operators.md).
    "werkvrede.core.requestlog.RequestLogMiddleware",
    # Before the host check and the HTTPS redirect: probes come by IP over plain HTTP (ADR 0155).
    "werkvrede.core.health.ProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise: static files keep their caching; every other response gets these (ADR 0156).
    "werkvrede.core.headers.ResponseHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "werkvrede.audit.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, with the person read together with the session (ADR 0204).
    "werkvrede.accounts.session_store.SessionUserMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # django-otp's, keeping the verifying device under the access stamp (ADR 0203).
    "werkvrede.accounts.mfa_middleware.VerifiedDeviceMiddleware",
    "werkvrede.accounts.middleware.ActorMiddleware",
    "werkvrede.accounts.mfa_middleware.TwoFactorMiddleware",
    "werkvrede.core.middleware.DenialAuditMiddleware",
    "werkvrede.core.access.DeclaredAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# The Content-Security-Policy (docs/adr/0156-response-headers.md): scripts and styles from this site
# only, never inline, except an element that carries the request's nonce (`request.csp_nonce`).
# Images may be data: URIs (the TOTP QR code is inline SVG, drawn from the page itself).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_REFERRER_POLICY = "same-origin"

ROOT_URLCONF = "werkvrede.config.urls"
WSGI_APPLICATION = "werkvrede.config.wsgi.application"
ASGI_APPLICATION = "werkvrede.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "werkvrede.accounts.context_processors.actor",
            ],
            # `{% csrf_token %}` also renders the form's idempotency key (core/templatetags/form_tokens.py).
            "builtins": ["werkvrede.core.templatetags.form_tokens"],
        },
    },
]

# How long a POST's idempotency key is remembered (core/idempotency.py, ADR 0143).
WERKVREDE_IDEMPOTENCY_HOURS = int(os.environ.get("WERKVREDE_IDEMPOTENCY_HOURS", "24"))

# One form rendering for every form (core/renderers.py).
FORM_RENDERER = "werkvrede.core.renderers.FormRenderer"

# SQLite (without DATABASE_URL) gets WAL, a busy timeout and BEGIN IMMEDIATE (ADR 0140).
DATABASES: dict[str, Any] = {"default": default_database(str(DATA_DIR / "werkvrede.sqlite3"))}
# Report aggregates may read from a replica (`DATABASE_REPLICA_URL`); writes never do (ADR 0193).
if (_replica := replica_database()) is not None:
    DATABASES["replica"] = _replica
WERKVREDE_REPORT_DATABASE = "replica" if "replica" in DATABASES else "default"
DATABASE_ROUTERS = ["werkvrede.core.replica.PrimaryWritesRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# Django's ModelBackend, taking the person the session row was read with (ADR 0204).
AUTHENTICATION_BACKENDS = ["werkvrede.accounts.session_store.SessionUserBackend"]
# How many proxies (load balancer, nginx) stand in front of the application; each appends the address it
# saw to the forwarded-for header, and the client is the one this many places from the right (ADR 0155,
# werkvrede.core.clientaddr). 0 means none: the connection's own address. Set exactly the number there
# is: one too many lets a client choose its own address for every rate limit.
WERKVREDE_TRUSTED_PROXIES = int(os.environ.get("WERKVREDE_TRUSTED_PROXIES", "0") or 0)
# Log-in throttling (werkvrede.accounts.throttle, ADR 0055); counts per client use
# werkvrede.core.clientaddr. Per account and client: after 5 failures a delay of 30 s, doubling after
# every further failure up to 15 minutes; the count ends an hour after its last failure.
WERKVREDE_LOGIN_FREE_FAILURES = 5
WERKVREDE_LOGIN_FIRST_DELAY = 30
WERKVREDE_LOGIN_MAX_DELAY = 15 * 60
# Per account, from all clients together: at most 100 failures an hour (ASVS 2.2.1); beyond that
# nobody, the owner included, logs in to it with a password until the hour has passed.
WERKVREDE_LOGIN_ACCOUNT_FAILURES_PER_HOUR = 100
# Per client: failures on at most 20 different accounts an hour (spraying); then an hour's cool-off.
WERKVREDE_LOGIN_CLIENT_ACCOUNTS_PER_HOUR = 20
WERKVREDE_LOGIN_CLIENT_COOLOFF = 60 * 60
# At this many failures within the hour the owner and the Beheerders are told, once per hour.
WERKVREDE_LOGIN_NOTIFY_AFTER = 10
# Two-factor log-in (ADR 0072): TOTP and recovery codes through django-otp. django-otp's own
# per-device delays are off; the log-in throttle of ADR 0055 counts second-factor failures.
OTP_TOTP_ISSUER = "Werkvrede"
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# Password reset links are valid for at most an hour and once (the token includes the password hash).
PASSWORD_RESET_TIMEOUT = 3600
# Password reset requests per client network and hour (the address itself is never counted openly).
WERKVREDE_PASSWORD_RESET_PER_CLIENT_PER_HOUR = 5
# Development only (dev settings): demo accounts with a two-factor role get this fixed TOTP secret.
WERKVREDE_DEMO_TOTP_KEY = ""
# Development only (dev settings): `load_demo` creates accounts with well-known passwords.
WERKVREDE_DEMO = False
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# At least 12 characters, no common passwords, not close to one's own name or address; no
# composition rules (ADR 0072, NIST SP 800-63B).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "werkvrede.accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "werkvrede.accounts.passwords.CommonPasswordValidator"},
]

# Sessions on `accounts.LoginSession`: the row names its person, read in the same query (ADR 0204).
SESSION_ENGINE = "werkvrede.accounts.session_store"
SESSION_COOKIE_AGE = 30 * 60
# Absolute session lifetime, whatever the activity (ADR 0072): log in again after 12 hours.
WERKVREDE_SESSION_ABSOLUTE_SECONDS = 12 * 3600
# The idle timeout slides: accounts.middleware writes the session at most once a minute.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "werkvrede.core.errors.csrf_failure"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "werkvrede_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # The frozen bytes of signed documents (README: production); `manage.py backup` copies every file.
    "documents": documents_storage(os.environ, DATA_DIR),
}

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
# /ready/ fails when a task has been due this many seconds without the worker taking it (ADR 0155).
WERKVREDE_READY_TASK_MAX_AGE = int(os.environ.get("WERKVREDE_READY_TASK_MAX_AGE", 15 * 60))

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Links in e-mails point here (the e-mails carry nothing else).
WERKVREDE_BASE_URL = os.environ.get("WERKVREDE_BASE_URL", "http://127.0.0.1:8000")
# Video link of a mediation session; {token} is an unguessable token per session.
WERKVREDE_VIDEO_URL_TEMPLATE = os.environ.get(
    "WERKVREDE_VIDEO_URL_TEMPLATE", "https://meet.jit.si/werkvrede-{token}"
)
DEFAULT_FROM_EMAIL = os.environ.get("WERKVREDE_FROM_EMAIL", "Werkvrede <noreply@werkvrede.invalid>")
# The outbox (docs/adr/0073-outgoing-mail.md): a refused e-mail is tried again after 1 minute, then
# 5, 25 and 125 (the first delay times the factor for every further failure), and is failed — shown
# to the Beheerder, who may send it again — after the last of these attempts.
WERKVREDE_MAIL_MAX_ATTEMPTS = int(os.environ.get("WERKVREDE_MAIL_MAX_ATTEMPTS", 5))

# Days before a retention term ends that its owner role is warned (docs/adr/0175-retention-that-runs.md).
WERKVREDE_RETENTION_WARNING_DAYS = int(os.environ.get("WERKVREDE_RETENTION_WARNING_DAYS", 30))
# The log of mails sent, skipped or given up is deleted this many days later by `purge_expired`.
WERKVREDE_OUTBOX_RETENTION_DAYS = int(os.environ.get("WERKVREDE_OUTBOX_RETENTION_DAYS", 90))
WERKVREDE_MAIL_RETRY_FIRST_DELAY = 60
WERKVREDE_MAIL_RETRY_FACTOR = 5

# Sealed storage: "key-id:base64(32 bytes)" pairs, comma-separated, newest first. See werkvrede.vault.
WERKVREDE_DATA_KEYS = os.environ.get("WERKVREDE_DATA_KEYS", "")
# Audit chain keys, same form, newest first: they key the audit log's hashes. See werkvrede.audit.keys.
WERKVREDE_AUDIT_KEYS = os.environ.get("WERKVREDE_AUDIT_KEYS", "")
# Append-only file of signed chain heads (`manage.py audit_anchor`), on storage outside the database.
WERKVREDE_AUDIT_ANCHOR_FILE = os.environ.get("WERKVREDE_AUDIT_ANCHOR_FILE", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(levelname)s %(name)s %(message)s"},
        "json": {"()": "werkvrede.core.requestlog.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # Request bodies and template contexts may hold case content: never log them.
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # Every lock renders a PDF (ADR 0149); its progress steps are noise, its warnings are not.
        "weasyprint.progress": {"level": "WARNING"},
    },
}

NINJA_PAGINATION_PER_PAGE = 50
# The largest request body the JSON API reads; larger ones answer 413 (ADR 0060).
WERKVREDE_API_MAX_BODY_BYTES = int(os.environ.get("WERKVREDE_API_MAX_BODY_BYTES", 1_000_000))
