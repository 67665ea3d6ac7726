"""Start-page panels: the officer's overdue and due-soon reports; R-115 for the Beheerder."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from werkvrede.core.policy import allowed
from werkvrede.whistleblower import selectors


def officer_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    actor = request.actor  # type: ignore[attr-defined]
    if not allowed(actor, "whistleblower.inbox.open"):
        return None
    overdue, due_soon = selectors.overdue_count(actor, today=timezone.localdate())
    return "whistleblower/_start_panel.html", {"overdue": overdue, "due_soon": due_soon}


def procedure_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    actor = request.actor  # type: ignore[attr-defined]
    if not selectors.procedure_findings(actor, today=timezone.localdate()):
        return None
    return "whistleblower/_procedure_panel.html", {}
