"""The rate limit of the public pulse page: counters in Django's cache for an hour, under a keyed
digest of the client's network (`core.clientaddr.client_network`), never the address itself.

A team often answers from one office network, so the limit per network is generous; it stops a
flood, not a second answer (ADR 0089 says why a second answer is not prevented).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from werkvrede.core.clientaddr import client_network
from werkvrede.core.ratelimit import hit

WINDOW_SECONDS = 3600
_CLIENT_SALT = "werkvrede.prevention.anonymous.client"


def _client(request: HttpRequest) -> str:
    return salted_hmac(_CLIENT_SALT, client_network(request), algorithm="sha256").hexdigest()[:32]


def answer_allowed(request: HttpRequest, pulse_id: int) -> bool:
    """Count one answer; False over the limit per network per pulse, or per pulse, this hour."""
    per_client = int(getattr(settings, "WERKVREDE_PULSE_ANSWERS_PER_CLIENT_PER_HOUR", 60))
    per_pulse = int(getattr(settings, "WERKVREDE_PULSE_ANSWERS_PER_PULSE_PER_HOUR", 500))
    if hit(f"werkvrede:pulse:client:{pulse_id}:{_client(request)}", WINDOW_SECONDS) > per_client:
        return False
    return hit(f"werkvrede:pulse:total:{pulse_id}", WINDOW_SECONDS) <= per_pulse
