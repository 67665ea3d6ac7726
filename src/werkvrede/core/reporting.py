"""Port for public reporting channels besides the vertrouwenspersoon's (ADR 0092).

The VP's public operation `POST /api/v1/public/{slug}/reports` takes a `channel`: "vp" (its own) or
another channel registered here by its context in `AppConfig.ready()` (the whistleblower channel,
"whistleblower"). Neither context imports the other; each keeps its own reports, receipts and reads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Submitted:
    """What a channel answers to a public submission: the receipt code, or why not."""

    receipt: str = ""
    not_found: bool = False  # unknown organisation, or no one to report to: 404 like an unknown slug
    limited: bool = False  # over the rate limit: 429


# (request, organisation slug, message) -> Submitted
Submit = Callable[[HttpRequest, str, str], Submitted]

_channels: dict[str, Submit] = {}


def register_channel(name: str, submit: Submit) -> None:
    _channels[name] = submit


def channel_submit(name: str, request: HttpRequest, slug: str, message: str) -> Submitted:
    submit = _channels.get(name)
    if submit is None:
        return Submitted(not_found=True)
    return submit(request, slug, message)
