"""Attach `request.actor`: the user, their active organisation and their roles in it."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from werkvrede.accounts.actors import actor_for
from werkvrede.core.roles import PROFESSIONAL_ROLES

ACTIVE_ORGANISATION_SESSION_KEY = "werkvrede_organisation_id"
# Idle time-outs: 15 minutes for roles that reach sealed or organisation-wide data, 30 for others.
PROFESSIONAL_IDLE_SECONDS = 15 * 60
# The idle clock restarts when the session row is written. Writing it on every request would cost
# every page a database write; once a minute is enough. A session may so end up to a minute
# *earlier* than the idle time after the last request, never later.
SESSION_TOUCH_KEY = "werkvrede_touched"
SESSION_TOUCH_SECONDS = 60


def now_seconds() -> int:
    return int(time.time())


class ActorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        organisation_id = request.session.get(ACTIVE_ORGANISATION_SESSION_KEY)
        actor = actor_for(request.user, organisation_id)  # type: ignore[arg-type]
        request.actor = actor  # type: ignore[attr-defined]
        if request.user.is_authenticated:
            now = now_seconds()
            if now - int(request.session.get(SESSION_TOUCH_KEY, 0)) >= SESSION_TOUCH_SECONDS:
                request.session[SESSION_TOUCH_KEY] = now
                if actor.roles & PROFESSIONAL_ROLES:
                    request.session.set_expiry(PROFESSIONAL_IDLE_SECONDS)
        return self.get_response(request)
