"""One function names the client of a request; rate limits count per client (ADR 0056)."""

from __future__ import annotations

import re
from pathlib import Path

from django.test import RequestFactory

from werkvrede.core.clientaddr import client_address, client_network

SOURCE = Path(__file__).resolve().parents[2]


def test_the_client_is_remote_addr_whatever_x_forwarded_for_claims() -> None:
    request = RequestFactory().get(
        "/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.9, 192.0.2.1"
    )
    assert client_address(request) == "198.51.100.7"
    assert client_network(request) == "198.51.100.7"


def test_an_ipv6_client_is_counted_by_its_64_network() -> None:
    # One subscriber line gets a whole /64: counting single addresses would let it rotate freely.
    one = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2:aaaa::1")
    other = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2:bbbb::2")
    assert client_address(one) == "2001:db8:1:2:aaaa::1"
    assert client_network(one) == client_network(other) == "2001:db8:1:2::/64"
    assert client_network(RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:3::1")) != client_network(one)


def test_a_missing_or_malformed_address_is_one_client_called_unknown() -> None:
    request = RequestFactory().get("/")
    request.META.pop("REMOTE_ADDR", None)
    assert client_address(request) == "unknown"
    assert client_address(RequestFactory().get("/", REMOTE_ADDR="not an address")) == "unknown"


def test_only_core_clientaddr_reads_the_client_address_headers() -> None:
    """Trusted-proxy handling goes in one place only, so no other code may read these headers."""
    pattern = re.compile(r"REMOTE_ADDR|X_FORWARDED_FOR|X-Forwarded-For", re.IGNORECASE)
    readers = sorted(
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*.py")
        if "tests" not in path.parts and pattern.search(path.read_text())
    )
    assert readers == ["core/clientaddr.py"]
