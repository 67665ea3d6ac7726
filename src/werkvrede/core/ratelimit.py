"""A fixed-window counter in Django's cache, for the rate limits of the public pages."""

from __future__ import annotations

from django.core.cache import cache


def hit(key: str, window_seconds: int) -> int:
    """Count one more under `key` in the current window; return the count so far."""
    if cache.add(key, 1, timeout=window_seconds):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return 1


def count(key: str) -> int:
    """How many were counted under `key` in the current window."""
    return int(cache.get(key, 0))
