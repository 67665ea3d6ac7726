"""The mediator's panel on the start page: contact requests waiting for them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from werkvrede.contact.models import ContactRequest
from werkvrede.contact.selectors import requests_for
from werkvrede.core.roles import Role


def contact_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    actor = request.actor  # type: ignore[attr-defined]
    if Role.MEDIATOR not in actor.roles:
        return None
    waiting = requests_for(actor).filter(status=ContactRequest.Status.NEW).count()
    if not waiting:
        return None
    return "contact/_start_panel.html", {"waiting": waiting}
