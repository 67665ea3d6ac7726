"""Attach `request.actor`: the user, their active organisation and their roles in it."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

from werkvrede.accounts import actors
from werkvrede.accounts.actors import actor_for_session
from werkvrede.audit import services as audit
from werkvrede.core.roles import PROFESSIONAL_ROLES

ACTIVE_ORGANISATION_SESSION_KEY = actors.ACTIVE_ORGANISATION_SESSION_KEY

# Idle time-outs: 15 minutes for roles that reach sealed or organisation-wide data, 30 for others.
PROFESSIONAL_IDLE_SECONDS = 15 * 60
# The idle clock restarts when the session row is written. Writing it on every request would cost
# every page a database write; once a minute is enough. A session may so end up to a minute
# *earlier* than the idle time after the last request, never later.
SESSION_TOUCH_KEY = "werkvrede_touched"
SESSION_TOUCH_SECONDS = 60
# When the person logged in (seconds since the epoch), set at log-in (accounts.receivers). A session
# older than WERKVREDE_SESSION_ABSOLUTE_SECONDS ends, however active it is (ADR 0072); one without
# the mark ends too.
LOGIN_AT_SESSION_KEY = "werkvrede_login_at"


def now_seconds() -> int:
    return int(time.time())


class ActorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and _past_absolute_limit(request):
            _end_session(request)
        organisation_id = request.session.get(ACTIVE_ORGANISATION_SESSION_KEY)
        actor = actor_for_session(request.user, organisation_id, request.session)  # type: ignore[arg-type]
        request.actor = actor  # type: ignore[attr-defined]
        if request.user.is_authenticated:
            now = now_seconds()
            if now - int(request.session.get(SESSION_TOUCH_KEY, 0)) >= SESSION_TOUCH_SECONDS:
                request.session[SESSION_TOUCH_KEY] = now
                if actor.roles & PROFESSIONAL_ROLES:
                    request.session.set_expiry(PROFESSIONAL_IDLE_SECONDS)
        return self.get_response(request)


def _past_absolute_limit(request: HttpRequest) -> bool:
    login_at = request.session.get(LOGIN_AT_SESSION_KEY)
    if not isinstance(login_at, int):
        return True
    return now_seconds() - login_at >= settings.WERKVREDE_SESSION_ABSOLUTE_SECONDS


def _end_session(request: HttpRequest) -> None:
    audit.record(
        "accounts.session.expired",
        organisation_id=None,
        user_id=request.user.pk,
        data={"reason": "absolute"},
    )
    logout(request)
