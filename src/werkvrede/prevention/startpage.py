"""Start-page entry for HR and casemanagers: the prevention pulses (docs/prevention.md)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from werkvrede.core.policy import allowed


def pulse_info(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    actor = request.actor  # type: ignore[attr-defined]
    if not allowed(actor, "prevention.pulses.open"):
        return None
    return "prevention/_start_info.html", {}
