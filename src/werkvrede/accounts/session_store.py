"""The session and its person in one query (ADR 0204).

`SESSION_ENGINE` names this module. Its store keeps the person's id in a column of the session row
(`LoginSession.user`) and reads the row with the person joined in. `SessionUserMiddleware` (Django's
`AuthenticationMiddleware`, with one change) lets `SessionUserBackend.get_user` hand that person to
Django's own `auth.get_user`, which still checks everything it checks for any session: the backend named
in the session, the person's `is_active`, and the session hash (password and session generation,
`User._get_session_auth_hash`) on every request.

The read is the one query every logged-in request makes, so its SQL is compiled by the ORM once per
database, not per request (`_CompiledRead`, ADR 0208): compiling it and building the two objects cost
about three times the round trip itself.
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, cast

from django.contrib import auth
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.db import connections, router
from django.http import HttpRequest
from django.utils import timezone
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
        alias = router.db_for_read(LoginSession)
        read = _compiled_read(alias)
        if read is None:
            # The ORM compiled an unexpected statement (see `_CompiledRead`): Django's own read, whose
            # manager joins the person in (LoginSessionManager).
            row: LoginSession | None = super()._get_session_from_db()  # type: ignore[misc]  # not in the stubs
        else:
            row = read.row(alias, str(self.session_key))
            if row is None:
                # As Django's store does for a key it did not find: a new session gets a new key.
                self._session_key = None
        self.person = row.user if row is not None else None
        return row

    def create_model_instance(self, data: dict[str, Any]) -> LoginSession:
        row = cast(LoginSession, super().create_model_instance(data))
        row.user_id = _person_id(data.get(SESSION_KEY))
        return row


class _CompiledRead:
    """The session read's SQL (the row and its person, `LoginSessionManager`'s join) and the converters of
    its columns, as Django's ORM compiles them for one database. Each request only sends the statement
    and turns the row into the two objects; the ORM's query building, compiling and row mapping are
    done once (ADR 0208)."""

    # Compiled with these values, to find where each goes among the statement's parameters. Any other
    # parameter, and Django's own read is used.
    _PROBE_KEY = "werkvrede-compiled-read-probe"
    _PROBE_TIME = datetime(2000, 1, 1, tzinfo=UTC)

    def __init__(self, alias: str) -> None:
        fields = User._meta.concrete_fields
        self.session_fields = [f.attname for f in LoginSession._meta.concrete_fields]
        self.user_fields = [f.attname for f in fields]
        # The ORM takes the person's id from the session's own column, so whether the join found the
        # person is told by a column of the person's that is never NULL.
        self.found_at = next(i for i, f in enumerate(fields) if not f.null and not f.primary_key)
        query = LoginSession.objects.using(alias).filter(
            session_key=self._PROBE_KEY, expire_date__gt=self._PROBE_TIME
        )
        names = self.session_fields + [f"user__{name}" for name in self.user_fields]
        compiler = query.values_list(*names).query.get_compiler(alias)
        self.sql, params = compiler.as_sql()
        probes = [self._PROBE_KEY, connections[alias].ops.adapt_datetimefield_value(self._PROBE_TIME)]
        # For each parameter, which value it takes: 0 the key, 1 the time.
        self.order = [probes.index(p) if p in probes else -1 for p in params]
        self.expected = sorted(self.order) == [0, 1]
        # What turns the driver's values into the fields' (on SQLite: text into times, 0/1 into
        # booleans). They depend on the database's settings only, which every connection to it shares.
        self.converters = list(
            compiler.get_converters([column for column, _sql, _alias in compiler.select]).items()
        )

    def row(self, alias: str, session_key: str) -> LoginSession | None:
        connection = connections[alias]
        values_in = [session_key, connection.ops.adapt_datetimefield_value(timezone.now())]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, [values_in[i] for i in self.order])
            fetched = cursor.fetchone()
        if fetched is None:
            return None
        values = list(fetched)
        for position, (converters, expression) in self.converters:
            for convert in converters:
                values[position] = convert(values[position], expression, connection)
        split = len(self.session_fields)
        session = LoginSession.from_db(alias, self.session_fields, values[:split])
        # A session whose person is gone (or never was) joins nothing: the person's columns are NULL.
        person_values = values[split:]
        found = person_values[self.found_at] is not None
        person = User.from_db(alias, self.user_fields, person_values) if found else None
        LoginSession.user.field.set_cached_value(session, person)
        return session


_COMPILED: dict[tuple[str, str], _CompiledRead] = {}


def _compiled_read(alias: str) -> _CompiledRead | None:
    key = (alias, connections[alias].vendor)
    read = _COMPILED.get(key)
    if read is None:
        read = _COMPILED[key] = _CompiledRead(alias)
    return read if read.expected else None


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
