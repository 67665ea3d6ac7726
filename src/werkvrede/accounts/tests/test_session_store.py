"""The session row names its person and is read with that person in one query (ADR 0204).

The column only points the read at a person. Who the request acts as, and whether the session still
holds, stay Django's decisions: the id in the session's signed data, the person's `is_active` and the
session hash (password and session generation) are checked on every request, as for any session.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session as DjangoSession
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import World, logged_in
from werkvrede.accounts import session_store
from werkvrede.accounts.models import LoginSession, User
from werkvrede.accounts.session_store import _READING, SessionStore, SessionUserBackend, _person_id
from werkvrede.accounts.sessions import sessions_end
from werkvrede.core.roles import Role

ME = reverse("api:me")


def _key(client: Client) -> str:
    return str(client.session.session_key)


def _me(client: Client) -> int | None:
    """The person the request acts as (None: not logged in)."""
    response = client.get(ME)
    if response.status_code != 200:
        return None
    user_id: int = response.json()["user_id"]
    return user_id


def test_the_row_names_the_person_the_data_names(world: World) -> None:
    hr = world.a.users[Role.HR_ADVISER]
    client = logged_in(hr)
    row = LoginSession.objects.get(session_key=_key(client))
    assert row.user_id == hr.pk
    assert row.get_decoded()[SESSION_KEY] == str(hr.pk)
    assert str(row) == f"session of person {hr.pk}"  # never the key: it is the log-in secret


def test_a_session_without_a_person_has_no_person(db: None) -> None:
    client = Client()
    session = client.session
    session["werkvrede_probe"] = 1
    session.save()
    row = LoginSession.objects.get(session_key=session.session_key)
    assert row.user_id is None
    assert str(row) == "session without a person"
    assert _me(client) is None


def test_the_session_and_its_person_are_one_query(world: World) -> None:
    client = logged_in(world.a.users[Role.EMPLOYEE])
    assert _me(client) == world.a.users[Role.EMPLOYEE].pk
    with CaptureQueriesContext(connection) as captured:
        assert _me(client) == world.a.users[Role.EMPLOYEE].pk
    sql = [q["sql"] for q in captured.captured_queries]
    assert len(sql) == 1, sql
    assert 'FROM "accounts_loginsession" LEFT OUTER JOIN "accounts_user"' in sql[0]


def _fields(instance: object) -> dict[str, object]:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}  # type: ignore[attr-defined]


def test_the_compiled_read_gives_what_djangos_read_gives(world: World) -> None:
    """Every column of the row and of the person, with the types Django's own read gives (on SQLite the
    driver hands over text for a time and numbers for a yes or no: the ORM's converters are applied)."""
    hr = world.a.users[Role.HR_ADVISER]
    User.objects.filter(pk=hr.pk).update(last_login=timezone.now())
    key = _key(logged_in(hr))
    store = SessionStore(key)
    row = store._get_session_from_db()
    django_row = LoginSession.objects.get(session_key=key)
    assert row is not None and store.person is not None
    assert _fields(row) == _fields(django_row)
    assert _fields(store.person) == _fields(django_row.user)
    assert {k: type(v) for k, v in _fields(store.person).items()} == {
        k: type(v) for k, v in _fields(django_row.user).items()
    }
    assert store.person.last_login is not None and store.person.last_login.tzinfo is not None
    with CaptureQueriesContext(connection) as captured:
        assert row.user == store.person  # read with the row: no query
    assert len(captured) == 0


def test_a_request_compiles_no_sql_for_its_session(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The session read is compiled once per database (ADR 0208), not on every request."""
    key = _key(logged_in(world.a.users[Role.EMPLOYEE]))
    SessionStore(key).load()
    compiled: list[str] = []
    as_sql = SQLCompiler.as_sql

    def counting(self: SQLCompiler, *args: Any, **kwargs: Any) -> Any:
        compiled.append(self.query.model.__name__ if self.query.model else "")
        return as_sql(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    data = SessionStore(key).load()
    assert data[SESSION_KEY] == str(world.a.users[Role.EMPLOYEE].pk)
    assert compiled == []


def test_an_unexpected_statement_falls_back_to_djangos_read(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the ORM ever compiles the read with parameters other than the key and the time, the compiled
    statement is not used: Django's own read is."""
    employee = world.a.users[Role.EMPLOYEE]
    client = logged_in(employee)
    read = session_store._compiled_read(connection.alias)
    assert read is not None
    monkeypatch.setattr(read, "expected", False)
    monkeypatch.setattr(read, "row", None)  # used, it would fail
    store = SessionStore(_key(client))
    assert store.load()[SESSION_KEY] == str(employee.pk)
    assert store.person == employee
    assert _me(client) == employee.pk


def test_an_expired_or_unknown_session_reads_nothing(world: World) -> None:
    key = _key(logged_in(world.a.users[Role.EMPLOYEE]))
    LoginSession.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    for asked in (key, "k" * 32):
        store = SessionStore(asked)
        assert store.load() == {}
        assert store.person is None
        assert store.session_key is None  # as Django's store: a new session gets a new key


def test_a_row_naming_no_person_joins_no_one(world: World) -> None:
    """No database constraint on the column (ADR 0204): a row whose column names no person joins none
    (not a person of empty columns), and the request acts as the person the signed data names."""
    employee = world.a.users[Role.EMPLOYEE]
    client = logged_in(employee)
    LoginSession.objects.filter(session_key=_key(client)).update(user_id=10**9)
    store = SessionStore(_key(client))
    row = store._get_session_from_db()
    assert row is not None and row.user_id == 10**9
    assert store.person is None
    assert _me(client) == employee.pk


def test_a_row_pointed_at_another_person_changes_nothing(world: World) -> None:
    """The column is never who the request acts as: the signed data is. A row pointed elsewhere costs a
    second query and acts as the person the data names."""
    employee, hr = world.a.users[Role.EMPLOYEE], world.a.users[Role.HR_ADVISER]
    client = logged_in(employee)
    LoginSession.objects.filter(session_key=_key(client)).update(user_id=hr.pk)
    with CaptureQueriesContext(connection) as captured:
        assert _me(client) == employee.pk
    assert any('FROM "accounts_user"' in q["sql"] and "loginsession" not in q["sql"] for q in captured)


def test_a_password_changed_with_sql_ends_the_session(world: World) -> None:
    """The joined person's password hash is compared as Django compares it (the session hash)."""
    employee = world.a.users[Role.EMPLOYEE]
    client = logged_in(employee)
    assert _me(client) == employee.pk
    User.objects.filter(pk=employee.pk).update(password="!changed-elsewhere")
    assert _me(client) is None
    assert not LoginSession.objects.filter(user_id=employee.pk).exists()  # Django flushed it


def test_a_person_deactivated_with_sql_is_logged_out(world: World) -> None:
    employee = world.a.users[Role.EMPLOYEE]
    client = logged_in(employee)
    assert _me(client) == employee.pk
    User.objects.filter(pk=employee.pk).update(is_active=False)
    assert _me(client) is None


def test_ending_sessions_deletes_the_ended_rows_and_keeps_the_current(world: World) -> None:
    employee = world.a.users[Role.EMPLOYEE]
    here, elsewhere = logged_in(employee), logged_in(employee)
    other_person = logged_in(world.a.users[Role.HR_ADVISER])
    request = type("Request", (), {"session": here.session, "user": employee})()
    sessions_end(user=employee, reason="logout_everywhere", actor_user_id=employee.pk, keep=request)
    request.session.save()
    assert list(LoginSession.objects.filter(user_id=employee.pk).values_list("session_key", flat=True)) == [
        request.session.session_key
    ]
    assert not LoginSession.objects.filter(session_key=_key(elsewhere)).exists()
    assert LoginSession.objects.filter(session_key=_key(other_person)).exists()


def test_deleting_a_person_deletes_their_sessions(world: World) -> None:
    person = User.objects.create_user("weg@example.test", "een-lang-wachtwoord")
    client = logged_in(person)
    key = _key(client)
    person.delete()
    assert not LoginSession.objects.filter(session_key=key).exists()


def test_the_backend_reads_the_database_outside_a_request(world: World) -> None:
    """Only inside Django's `get_user` of a request is a session named; nothing is left behind."""
    employee = world.a.users[Role.EMPLOYEE]
    assert _me(logged_in(employee)) == employee.pk  # a request read a person with its session
    assert _READING.get() is None
    with CaptureQueriesContext(connection) as captured:
        assert SessionUserBackend().get_user(str(employee.pk)) == employee
    assert len(captured) == 1
    User.objects.filter(pk=employee.pk).update(is_active=False)
    assert SessionUserBackend().get_user(str(employee.pk)) is None


def test_a_person_id_that_is_no_number_names_no_one() -> None:
    assert _person_id("12") == 12
    assert _person_id(None) is None
    assert _person_id("twelve") is None


def test_the_migration_deletes_djangos_own_session_rows(db: None) -> None:
    """Rows of Django's session table can no longer be read after the move: none stays behind."""
    from importlib import import_module

    migration = import_module("werkvrede.accounts.migrations.0012_login_session")
    DjangoSession.objects.create(
        session_key="x" * 32, session_data="e30=", expire_date=timezone.now() + timedelta(days=1)
    )
    migration._forget_django_sessions(apps, None)
    assert not DjangoSession.objects.exists()


def test_clearsessions_removes_the_expired_rows_only(world: World) -> None:
    """`manage.py clearsessions` (daily, README) clears this engine's table."""
    from django.core.management import call_command

    current = _key(logged_in(world.a.users[Role.EMPLOYEE]))
    expired = _key(logged_in(world.a.users[Role.HR_ADVISER]))
    LoginSession.objects.filter(session_key=expired).update(expire_date=timezone.now() - timedelta(seconds=1))
    call_command("clearsessions")
    assert set(LoginSession.objects.values_list("session_key", flat=True)) >= {current}
    assert not LoginSession.objects.filter(session_key=expired).exists()
