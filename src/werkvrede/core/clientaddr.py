"""The client of a request: the one place that decides which address to believe (ADR 0056).

`WERKVREDE_TRUSTED_PROXIES` says how many proxies stand in front of the application (ADR 0155).
With 0 (the default) the client is `REMOTE_ADDR`: `X-Forwarded-For` is whatever the client chooses
to send. With N, each trusted proxy appended the address it saw, so the client is the Nth address
from the right; whatever lies further left was written by the client and is ignored. A header that
is missing, too short or malformed falls back to `REMOTE_ADDR`, never to a client-chosen value.
Every rate limit (log-in, contact form, anonymous reports) follows this module at once.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "unknown"
# One IPv6 subscriber line usually gets a whole /64; counting single addresses would let it rotate.
IPV6_PREFIX = 64
# A forwarded-for header longer than this is not one a trusted proxy wrote.
_MAX_HEADER = 1000


def _parse(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def trusted_proxies() -> int:
    """The configured number of proxies in front; anything unusable counts as none."""
    try:
        count = int(getattr(settings, "WERKVREDE_TRUSTED_PROXIES", 0))
    except (TypeError, ValueError):
        return 0
    return max(count, 0)


def _forwarded_client(request: HttpRequest, proxies: int) -> str | None:
    header = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    if not header or len(header) > _MAX_HEADER:
        return None
    hops = [hop.strip() for hop in header.split(",")]
    if len(hops) < proxies:
        return None
    return _parse(hops[-proxies])


def client_address(request: HttpRequest) -> str:
    """The client's IP address as a normalised string, or "unknown" when there is none to trust."""
    remote = _parse(str(request.META.get("REMOTE_ADDR", "")))
    proxies = trusted_proxies()
    if proxies and remote is not None:
        forwarded = _forwarded_client(request, proxies)
        if forwarded is not None:
            return forwarded
    return remote or UNKNOWN


def is_from_trusted_proxy(request: HttpRequest) -> bool:
    """Whether a proxy we trust stands in front, so that its headers (e.g. a request id) may be used."""
    return trusted_proxies() > 0 and _forwarded_client(request, trusted_proxies()) is not None


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
