"""Start-page entry of "did it feel fair?" (ADR 0135): for HR and the mediator, the way to the aggregates.

A party's open questions are items of "Wat nu?" (`fairness.next_steps`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from werkvrede.core.policy import allowed


def results_info(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    if not allowed(request.actor, "fairness.results.view"):  # type: ignore[attr-defined]
        return None
    return "fairness/_start_info.html", {}
