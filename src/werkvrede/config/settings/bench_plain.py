"""Settings for the anchors (a) and (c) of `make bench`: Django as `startproject` sets it up, no Werkvrede
middleware, on the bench database (docs/benchmarks.md). Never used in production."""

from __future__ import annotations

from werkvrede.config.settings.bench import *  # noqa: F403

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "werkvrede.config.bench_plain_urls"
# Django's own sessions and backend too, not Werkvrede's session read with its person (ADR 0204).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
