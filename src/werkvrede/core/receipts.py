"""Receipt codes of anonymous reports, shared by every reporting channel (ADR 0091).

A receipt code is 16 random digits, shown to the melder once; a channel stores only a keyed digest
of it (salted per channel, so a code of one channel never opens a report of another). The rate
limits count, per hour, wrong codes per client network (a keyed digest of it, never the address) and
in total, and reports per client and per organisation; the counters live in Django's cache only.
What is channel-specific (which table the digest opens) stays in the channel's context.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from werkvrede.core.clientaddr import client_network
from werkvrede.core.ratelimit import count, hit
from werkvrede.core.roles import Role


@dataclass(frozen=True)
class ReceiptHolder:
    """Whoever holds the receipt code of an anonymous report: that report and nothing else.

    Not an `Actor` of the organisation: no user, no roles, and it opens no other door. The access
    layer (`core.policy.allowed`) asks it only the actions in `only_actions`, which each channel
    names in its subclass; those rules admit it only as the melder of its one report.
    """

    organisation_id: int
    report_id: int
    user_id: None = None
    roles: frozenset[Role] = frozenset()
    is_system: bool = False
    only_actions: frozenset[str] = frozenset()
    is_superuser: bool = False
    is_active: bool = True
    display_name: str = ""

    @property
    def role_codes(self) -> str:
        return "RECEIPT"

    @property
    def is_authenticated(self) -> bool:
        return False


RECEIPT_DIGITS = 16
WINDOW_SECONDS = 3600
_CLIENT_SALT = "werkvrede.confidential.anonymous.client"

T = TypeVar("T")


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def digits_of(code: str) -> str:
    return "".join(ch for ch in code if ch.isdigit())


def receipt_digest(salt: str, code: str) -> str:
    """The keyed digest of a code (its digits only: spaces and dashes do not matter)."""
    return salted_hmac(salt, digits_of(code), algorithm="sha256").hexdigest()


def receipt_format(digits: str) -> str:
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def new_receipt(salt: str, taken: Callable[[str], bool]) -> tuple[str, str]:
    """A fresh code and its digest; `taken(digest)` says whether a report already has that digest."""
    while True:
        digits = "".join(secrets.choice("0123456789") for _ in range(RECEIPT_DIGITS))
        digest = receipt_digest(salt, digits)
        if not taken(digest):
            return receipt_format(digits), digest


def receipt_delay() -> float:
    """Every receipt check takes at least this long, right or wrong (no timing oracle)."""
    return float(_setting("WERKVREDE_RECEIPT_DELAY_SECONDS", 0.5))


def after_constant_delay(
    lookup: Callable[[str], T | None], code: str, sleep: Callable[[float], Any] = time.sleep
) -> T | None:
    """`lookup(digits)` for a well-formed code (else None), answered after the constant delay."""
    started = time.monotonic()
    digits = digits_of(code)
    found = lookup(digits) if len(digits) == RECEIPT_DIGITS else None
    remaining = receipt_delay() - (time.monotonic() - started)
    if remaining > 0:
        sleep(remaining)
    return found


def client_key(request: HttpRequest) -> str:
    return salted_hmac(_CLIENT_SALT, client_network(request), algorithm="sha256").hexdigest()[:32]


def _receipt_keys(request: HttpRequest) -> tuple[tuple[str, int], tuple[str, int]]:
    return (
        (
            f"werkvrede:receipt:client:{client_key(request)}",
            int(_setting("WERKVREDE_RECEIPT_FAILURES_PER_CLIENT_PER_HOUR", 10)),
        ),
        ("werkvrede:receipt:total", int(_setting("WERKVREDE_RECEIPT_FAILURES_TOTAL_PER_HOUR", 200))),
    )


def receipt_attempt_allowed(request: HttpRequest) -> bool:
    """False once this client, or everyone together, has entered too many wrong codes this hour.

    The counters are shared by every channel: a wrong code is a wrong code wherever it is tried."""
    return all(count(key) < limit for key, limit in _receipt_keys(request))


def receipt_failed(request: HttpRequest) -> None:
    for key, _limit in _receipt_keys(request):
        hit(key, WINDOW_SECONDS)


def submission_allowed(request: HttpRequest, organisation_id: int, channel: str = "anonymous") -> bool:
    """Count one anonymous report; False over the limit per organisation or per client this hour."""
    per_organisation = int(_setting("WERKVREDE_ANONYMOUS_REPORTS_PER_ORGANISATION_PER_HOUR", 20))
    per_client = int(_setting("WERKVREDE_ANONYMOUS_REPORTS_PER_CLIENT_PER_HOUR", 5))
    if hit(f"werkvrede:{channel}:client:{client_key(request)}", WINDOW_SECONDS) > per_client:
        return False
    return hit(f"werkvrede:{channel}:organisation:{organisation_id}", WINDOW_SECONDS) <= per_organisation
