"""The supporter's panel on the start page: whom they support, with a link to the preparation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from werkvrede.core.roles import Role
from werkvrede.supporters.selectors import grants_supported_by


def supporter_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    actor = request.actor  # type: ignore[attr-defined]
    if Role.SUPPORTER not in actor.roles:
        return None
    grants = grants_supported_by(actor)
    if not grants:
        return None
    return "supporters/_start_panel.html", {"grants": grants}
