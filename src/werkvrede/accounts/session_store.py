"""The session and its person in one query (ADR 0204).

`SESSION_ENGINE` names this module. Its store keeps the person's id in a column of the session row
(`LoginSession.user`) and reads the row with the person joined in. `SessionUserMiddleware` (Django's
`AuthenticationMiddleware`, with one change) lets `SessionUserBackend.get_user` hand that person to
Django's own `auth.get_user`, which still checks everything it checks for any session: the backend named
in the session, the person's `is_active`, and the session hash (password and session generation,
`User._get_session_auth_hash`) on every request.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any, cast

from django.contrib import auth
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from werkvrede.accounts.models import LoginSession, User

# The session whose person Django's `auth.get_user` is reading, for exactly the length of that call.
_READING: ContextVar[SessionBase | None] = ContextVar("werkvrede_session_being_read", default=None)


class SessionStore(DatabaseStore):
    """Django's database store on `LoginSession`: the row carries the person's id, and is read with the
    person (`person`, None for a session without one)."""

    person: User | None = None

    @classmethod
    def get_model_class(cls) -> type[LoginSession]:
        return LoginSession

    def _get_session_from_db(self) -> LoginSession | None:
        row: LoginSession | None = super()._get_session_from_db()  # type: ignore[misc]  # not in the stubs
        # The manager joins the person in (LoginSessionManager): no query here.
        self.person = row.user if row is not None else None
        return row

    def create_model_instance(self, data: dict[str, Any]) -> LoginSession:
        row = cast(LoginSession, super().create_model_instance(data))
        row.user_id = _person_id(data.get(SESSION_KEY))
        return row


def _person_id(value: object) -> int | None:
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


class SessionUserBackend(ModelBackend):
    """Django's `ModelBackend`; `get_user` takes the person read with the session when it is the one asked
    for, and asks the database otherwise, exactly as `ModelBackend` does."""

    def get_user(self, user_id: Any) -> User | None:
        session = _READING.get()
        person = getattr(session, "person", None)
        if person is not None and str(person.pk) == str(user_id):
            return person if self.user_can_authenticate(person) else None
        user: User | None = super().get_user(user_id)
        return user


def get_user(request: HttpRequest) -> Any:
    """Django's `auth.get_user`, with the request's session named to the backend while it runs."""
    if not hasattr(request, "_cached_user"):
        token = _READING.set(request.session)
        try:
            request._cached_user = auth.get_user(request)  # type: ignore[attr-defined]
        finally:
            _READING.reset(token)
    return request._cached_user  # type: ignore[attr-defined]


class SessionUserMiddleware(AuthenticationMiddleware):
    """Django's `AuthenticationMiddleware`; `request.user` comes from `get_user` above."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: get_user(request))  # type: ignore[assignment]
