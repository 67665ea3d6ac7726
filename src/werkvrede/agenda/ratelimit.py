"""The rate limit of the public feed URL: counters in Django's cache for an hour, under a keyed digest
of the client's network (`core.clientaddr.client_network`), never the address itself.

Calendar apps poll a feed every few minutes to hours; the limits stop guessing and floods.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from werkvrede.core.clientaddr import client_network
from werkvrede.core.ratelimit import hit

WINDOW_SECONDS = 3600
_CLIENT_SALT = "werkvrede.agenda.feed.client"


def _client(request: HttpRequest) -> str:
    return salted_hmac(_CLIENT_SALT, client_network(request), algorithm="sha256").hexdigest()[:32]


def fetch_allowed(request: HttpRequest) -> bool:
    """Count one fetch; False over the limit per client network, or in total, this hour."""
    per_client = int(getattr(settings, "WERKVREDE_FEED_FETCHES_PER_CLIENT_PER_HOUR", 120))
    total = int(getattr(settings, "WERKVREDE_FEED_FETCHES_TOTAL_PER_HOUR", 20_000))
    if hit(f"werkvrede:agenda:client:{_client(request)}", WINDOW_SECONDS) > per_client:
        return False
    return hit("werkvrede:agenda:total", WINDOW_SECONDS) <= total
