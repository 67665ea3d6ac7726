"""Settings shared by every environment. Secrets and deployment facts come from the environment."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

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
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "axes",
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
    "werkvrede.mediation",
    "werkvrede.api",
    "werkvrede.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "werkvrede.audit.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "werkvrede.accounts.middleware.ActorMiddleware",
    "werkvrede.core.middleware.DenialAuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

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
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'werkvrede.sqlite3'}",
        conn_max_age=600,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Brute-force protection (security.md C1): per account, whatever the client's address claims to be.
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_CALLABLE = "werkvrede.accounts.lockout.username_from_request"
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# axes.W006 warns that a key without the IP address can be dodged by rotating user agents or cookies;
# our key is the account alone, which neither changes. A per-address lock would shut out a whole
# office behind one NAT address after ten typos, so it is left out on purpose.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

SESSION_COOKIE_AGE = 30 * 60
# The idle timeout slides: accounts.middleware writes the session at most once a minute.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

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
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Links in e-mails point here (the e-mails carry nothing else).
WERKVREDE_BASE_URL = os.environ.get("WERKVREDE_BASE_URL", "http://127.0.0.1:8000")
# Video link of a mediation session; {token} is an unguessable token per session.
WERKVREDE_VIDEO_URL_TEMPLATE = os.environ.get(
    "WERKVREDE_VIDEO_URL_TEMPLATE", "https://meet.jit.si/werkvrede-{token}"
)
DEFAULT_FROM_EMAIL = os.environ.get("WERKVREDE_FROM_EMAIL", "Werkvrede <noreply@werkvrede.invalid>")

# Sealed storage: "key-id:base64(32 bytes)" pairs, comma-separated, newest first. See werkvrede.vault.
WERKVREDE_DATA_KEYS = os.environ.get("WERKVREDE_DATA_KEYS", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # Request bodies and template contexts may hold case content: never log them.
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # django-axes logs every log-in at INFO; failures are in our own audit log already.
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

NINJA_PAGINATION_PER_PAGE = 50
# The largest request body the JSON API reads; larger ones answer 413 (ADR 0060).
WERKVREDE_API_MAX_BODY_BYTES = int(os.environ.get("WERKVREDE_API_MAX_BODY_BYTES", 1_000_000))
