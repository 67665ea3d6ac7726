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

from django.http import HttpRequest

from werkvrede.accounts.models import Organisation
from werkvrede.confidential import services
from werkvrede.confidential.policies import ReceiptHolder
from werkvrede.core import receipts

#: Waits out the rest of the constant delay; a name of this module so that a test can replace it.
sleep = time.sleep

# The receipt delay and the rate limits are shared with every reporting channel (core.receipts).
receipt_delay = receipts.receipt_delay
receipt_attempt_allowed = receipts.receipt_attempt_allowed
receipt_failed = receipts.receipt_failed


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
    return receipts.after_constant_delay(services.receipt_holder, code, sleep=sleep)


# --- Rate limits -----------------------------------------------------------------------------------


def check_receipt(request: HttpRequest, code: str) -> ReceiptHolder | None:
    """The holder of `code` after the constant delay; a wrong code counts towards the limits."""
    holder = holder_of(code)
    if holder is None:
        receipt_failed(request)
    return holder


def submission_allowed(request: HttpRequest, organisation_id: int) -> bool:
    """Count one anonymous report; False over the limit per organisation or per client this hour."""
    return receipts.submission_allowed(request, organisation_id)
