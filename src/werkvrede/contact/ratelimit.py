"""A small fixed-window rate limit on the public contact form, per client and overall.

Kept in Django's cache: per client (`core.clientaddr.client_network`) so one visitor cannot flood
the mediators, overall so many addresses together cannot either. Numbers are settings so an
operator can tune them.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from werkvrede.core.clientaddr import client_network
from werkvrede.core.ratelimit import hit

WINDOW_SECONDS = 3600


def _limits() -> tuple[int, int]:
    return (
        int(getattr(settings, "WERKVREDE_CONTACT_PER_IP_PER_HOUR", 5)),
        int(getattr(settings, "WERKVREDE_CONTACT_TOTAL_PER_HOUR", 100)),
    )


def _hit(key: str) -> int:
    return hit(key, WINDOW_SECONDS)


def allow(request: HttpRequest) -> bool:
    """Count this submission; False if the per-IP or the overall limit is exceeded."""
    per_ip, total = _limits()
    if _hit(f"werkvrede:contact:ip:{client_network(request)}") > per_ip:
        return False
    return _hit("werkvrede:contact:total") <= total
