"""Start-page entries of "did it feel fair?" (ADR 0135): the person's open questions, and for HR
and the mediator the way to the aggregates."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from werkvrede.core.policy import allowed
from werkvrede.fairness.selectors import pending_fairness_questions


def questions_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    questions = pending_fairness_questions(request.actor)  # type: ignore[attr-defined]
    if not questions:
        return None
    return "fairness/_start_questions.html", {"fairness_questions": questions}


def results_info(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    if not allowed(request.actor, "fairness.results.view"):  # type: ignore[attr-defined]
        return None
    return "fairness/_start_info.html", {}
