"""Attach `request.actor`: the user, their active organisation and their roles in it."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from werkvrede.accounts.actors import actor_for
from werkvrede.core.roles import PROFESSIONAL_ROLES

ACTIVE_ORGANISATION_SESSION_KEY = "werkvrede_organisation_id"
# Idle time-outs (security.md C4): shorter for roles that reach sealed or organisation-wide data.
PROFESSIONAL_IDLE_SECONDS = 15 * 60


class ActorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        organisation_id = request.session.get(ACTIVE_ORGANISATION_SESSION_KEY)
        actor = actor_for(request.user, organisation_id)  # type: ignore[arg-type]
        request.actor = actor  # type: ignore[attr-defined]
        if actor.roles & PROFESSIONAL_ROLES:
            request.session.set_expiry(PROFESSIONAL_IDLE_SECONDS)
        return self.get_response(request)
