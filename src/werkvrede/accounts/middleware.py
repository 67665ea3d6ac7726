"""Attach `request.actor`: the user, their active organisation and their roles in it."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from werkvrede.accounts.actors import actor_for

ACTIVE_ORGANISATION_SESSION_KEY = "werkvrede_organisation_id"


class ActorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        organisation_id = request.session.get(ACTIVE_ORGANISATION_SESSION_KEY)
        request.actor = actor_for(request.user, organisation_id)  # type: ignore[arg-type,attr-defined]
        return self.get_response(request)
