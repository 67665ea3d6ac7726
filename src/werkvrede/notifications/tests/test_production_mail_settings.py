"""Production refuses to start without the site's address, the sender and (for SMTP) the server."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from werkvrede.vault.keys import new_data_key

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def _environment(**changes: str | None) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SECRET_KEY": "x" * 60,
        "WERKVREDE_DATA_KEYS": new_data_key("d1"),
        "WERKVREDE_AUDIT_KEYS": new_data_key("a1"),
        "WERKVREDE_AUDIT_ANCHOR_FILE": "anchors/audit-anchors.jsonl",
        "WERKVREDE_BASE_URL": "https://werkvrede.example.nl",
        "WERKVREDE_FROM_EMAIL": "Werkvrede <noreply@werkvrede.example.nl>",
        "WERKVREDE_SMTP_HOST": "smtp.example.nl",
    }
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def _settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = (
        "import werkvrede.config.settings.prod as s; "
        "print(s.EMAIL_BACKEND, getattr(s, 'EMAIL_HOST', '-'), getattr(s, 'EMAIL_PORT', '-'), "
        "getattr(s, 'EMAIL_USE_TLS', '-'), getattr(s, 'EMAIL_USE_SSL', '-'), "
        "getattr(s, 'EMAIL_TIMEOUT', '-'), "
        "getattr(s, 'EMAIL_HOST_USER', '-'), repr(s.DEFAULT_FROM_EMAIL), s.WERKVREDE_BASE_URL)"
    )
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("missing", ["WERKVREDE_BASE_URL", "WERKVREDE_FROM_EMAIL", "WERKVREDE_SMTP_HOST"])
def test_production_refuses_to_start_naming_the_missing_variable(missing: str) -> None:
    result = _settings(_environment(**{missing: None}))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"Set {missing}" in result.stderr


def test_an_empty_value_is_missing_too() -> None:
    result = _settings(_environment(WERKVREDE_FROM_EMAIL="  "))
    assert result.returncode != 0 and "Set WERKVREDE_FROM_EMAIL" in result.stderr


def test_the_smtp_host_is_not_needed_with_another_backend() -> None:
    result = _settings(
        _environment(
            WERKVREDE_SMTP_HOST=None, DJANGO_EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend"
        )
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["django.core.mail.backends.console.EmailBackend", "-"]


def test_smtp_comes_from_the_environment() -> None:
    result = _settings(
        _environment(
            WERKVREDE_SMTP_USER="werkvrede", WERKVREDE_SMTP_PASSWORD="geheim", WERKVREDE_SMTP_TIMEOUT="10"
        )
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        SMTP, "smtp.example.nl", "587", "True", "False", "10", "werkvrede",
        "'Werkvrede", "<noreply@werkvrede.example.nl>'", "https://werkvrede.example.nl",
    ]  # fmt: skip
    ssl = _settings(_environment(WERKVREDE_SMTP_SECURITY="ssl")).stdout.split()
    assert ssl[2:6] == ["465", "False", "True", "30"]
    plain = _settings(_environment(WERKVREDE_SMTP_SECURITY="none", WERKVREDE_SMTP_PORT="2525")).stdout.split()
    assert plain[2:5] == ["2525", "False", "False"]


def test_an_unknown_security_or_port_is_refused() -> None:
    result = _settings(_environment(WERKVREDE_SMTP_SECURITY="tls1.0"))
    assert result.returncode != 0 and "WERKVREDE_SMTP_SECURITY" in result.stderr
    result = _settings(_environment(WERKVREDE_SMTP_PORT="smtp"))
    assert result.returncode != 0 and "WERKVREDE_SMTP_PORT" in result.stderr
