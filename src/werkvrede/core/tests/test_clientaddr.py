"""One function names the client of a request; rate limits count per client (ADR 0056)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import RequestFactory, override_settings

from werkvrede.core.clientaddr import client_address, client_network

SOURCE = Path(__file__).resolve().parents[2]


def test_the_client_is_remote_addr_whatever_x_forwarded_for_claims() -> None:
    request = RequestFactory().get(
        "/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.9, 192.0.2.1"
    )
    assert client_address(request) == "198.51.100.7"
    assert client_network(request) == "198.51.100.7"


PROXY = "10.0.0.5"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "client"),
    [
        # One proxy: the address it appended, whatever the client wrote before it.
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),
        (1, "  2001:db8::1 ", "2001:db8::1"),
        # Two proxies: the CDN appended the client, the load balancer the CDN.
        (2, "6.6.6.6, 203.0.113.9, 192.0.2.1", "203.0.113.9"),
        # Malformed or too short: the proxy itself, never a value the client chose.
        (1, "", PROXY),
        (1, "not-an-ip", PROXY),
        (1, "203.0.113.9, garbage", PROXY),
        (2, "203.0.113.9", PROXY),
        (1, "1.2.3.4," * 200 + "203.0.113.9", PROXY),
        # Not configured: the header is ignored.
        (0, "203.0.113.9", PROXY),
    ],
)
def test_behind_trusted_proxies_the_client_is_the_nth_forwarded_address_from_the_right(
    proxies: int, forwarded: str, client: str
) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(WERKVREDE_TRUSTED_PROXIES=proxies):
        assert client_address(request) == client


@pytest.mark.parametrize("setting", [-1, "two", None])
def test_a_nonsensical_proxy_count_trusts_no_header(setting: object) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    with override_settings(WERKVREDE_TRUSTED_PROXIES=setting):
        assert client_address(request) == PROXY


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
