"""The client of a request: the one place that decides which address to believe (ADR 0056).

Today that is `REMOTE_ADDR` alone. `X-Forwarded-For` is whatever the client chooses to send unless
a proxy we trust rewrites it, so it is ignored here; trusted-proxy handling belongs in this module
and nowhere else, so that every rate limit (log-in, contact form) follows it at once.
"""

from __future__ import annotations

import ipaddress

from django.http import HttpRequest

UNKNOWN = "unknown"
# One IPv6 subscriber line usually gets a whole /64; counting single addresses would let it rotate.
IPV6_PREFIX = 64


def client_address(request: HttpRequest) -> str:
    """The client's IP address as a normalised string, or "unknown" when there is none to trust."""
    try:
        return str(ipaddress.ip_address(str(request.META.get("REMOTE_ADDR", "")).strip()))
    except ValueError:
        return UNKNOWN


def client_network(request: HttpRequest) -> str:
    """What a rate limit counts as one client: an IPv4 address, or the /64 an IPv6 address is in."""
    address = client_address(request)
    if address == UNKNOWN:
        return address
    parsed = ipaddress.ip_address(address)
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False))
    return address
