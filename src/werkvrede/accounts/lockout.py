"""Brute-force lock-out keys (django-axes)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def username_from_request(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The address as log-in compares it: case and surrounding spaces do not make a new account."""
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(value).strip().lower()
