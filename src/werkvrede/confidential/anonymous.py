"""Reporting to the vertrouwenspersoon without logging in (SM-6, D15): the reporting channel of an
organisation, the receipt check with its constant delay, and the rate limits of the public pages and
the public API (docs/anonymous-reporting.md).

What this module keeps is in Django's cache only, for an hour: counters under a keyed digest of the
client's network (`core.clientaddr.client_network`), never the address itself, so that not even the
cache (a database table in production) holds an IP address. The receipt code is never stored; the
report keeps only its digest (`services.receipt_digest`).
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from werkvrede.accounts.models import Organisation
from werkvrede.confidential import services
from werkvrede.confidential.policies import ReceiptHolder
from werkvrede.core.clientaddr import client_network
from werkvrede.core.ratelimit import count, hit

WINDOW_SECONDS = 3600
_CLIENT_SALT = "werkvrede.confidential.anonymous.client"

#: Waits out the rest of the constant delay; a name of this module so that a test can replace it.
sleep = time.sleep


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def receipt_delay() -> float:
    """Every receipt check takes at least this long, right or wrong (no timing oracle)."""
    return float(_setting("WERKVREDE_RECEIPT_DELAY_SECONDS", 0.5))


def reporting_channel(slug: str) -> Organisation | None:
    """The organisation behind `slug` if it has a vertrouwenspersoon to report to, else None.

    An unknown slug and an organisation without a VP answer alike: no reporting channel here.
    """
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or not services.vp_user_ids(organisation.pk):
        return None
    return organisation


def holder_of(code: str) -> ReceiptHolder | None:
    """The holder of `code`, after the constant delay whatever the answer (R-103: no oracle)."""
    started = time.monotonic()
    digits = "".join(ch for ch in code if ch.isdigit())
    holder = services.receipt_holder(digits) if len(digits) == services.RECEIPT_DIGITS else None
    remaining = receipt_delay() - (time.monotonic() - started)
    if remaining > 0:
        sleep(remaining)
    return holder


# --- Rate limits -----------------------------------------------------------------------------------


def _client(request: HttpRequest) -> str:
    return salted_hmac(_CLIENT_SALT, client_network(request), algorithm="sha256").hexdigest()[:32]


def _count(key: str) -> int:
    return count(key)


def _hit(key: str) -> int:
    return hit(key, WINDOW_SECONDS)


def _receipt_keys(request: HttpRequest) -> tuple[tuple[str, int], tuple[str, int]]:
    return (
        (
            f"werkvrede:receipt:client:{_client(request)}",
            int(_setting("WERKVREDE_RECEIPT_FAILURES_PER_CLIENT_PER_HOUR", 10)),
        ),
        ("werkvrede:receipt:total", int(_setting("WERKVREDE_RECEIPT_FAILURES_TOTAL_PER_HOUR", 200))),
    )


def receipt_attempt_allowed(request: HttpRequest) -> bool:
    """False once this client, or everyone together, has entered too many wrong codes this hour."""
    return all(_count(key) < limit for key, limit in _receipt_keys(request))


def receipt_failed(request: HttpRequest) -> None:
    for key, _limit in _receipt_keys(request):
        _hit(key)


def check_receipt(request: HttpRequest, code: str) -> ReceiptHolder | None:
    """The holder of `code` after the constant delay; a wrong code counts towards the limits."""
    holder = holder_of(code)
    if holder is None:
        receipt_failed(request)
    return holder


def submission_allowed(request: HttpRequest, organisation_id: int) -> bool:
    """Count one anonymous report; False over the limit per organisation or per client this hour."""
    per_organisation = int(_setting("WERKVREDE_ANONYMOUS_REPORTS_PER_ORGANISATION_PER_HOUR", 20))
    per_client = int(_setting("WERKVREDE_ANONYMOUS_REPORTS_PER_CLIENT_PER_HOUR", 5))
    if _hit(f"werkvrede:anonymous:client:{_client(request)}") > per_client:
        return False
    return _hit(f"werkvrede:anonymous:organisation:{organisation_id}") <= per_organisation
