"""Translations, health endpoint and security headers (Refs issue #2)."""

from __future__ import annotations

from pathlib import Path

import polib
from django.conf import settings
from django.test import Client

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])


def test_every_text_has_an_english_translation() -> None:
    catalogue = polib.pofile(str(LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 50
    untranslated = [entry.msgid for entry in catalogue if not entry.msgstr and not entry.msgstr_plural]
    assert untranslated == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_health_answers_without_login(db: None, client: Client) -> None:
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["X-Request-ID"]


def test_pages_send_security_headers(db: None, client: Client) -> None:
    response = client.get("/account/inloggen/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
