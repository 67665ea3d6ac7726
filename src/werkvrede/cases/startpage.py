"""The "Signalen" panel on the start page: what is due or overdue for this person."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from werkvrede.cases.selectors import due_deadlines_for

PANEL_LIMIT = 10


def signals_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    items = due_deadlines_for(request.actor, today=timezone.localdate(), limit=PANEL_LIMIT)  # type: ignore[attr-defined]
    if not items:
        return None
    return "cases/_signals_panel.html", {"items": items}
