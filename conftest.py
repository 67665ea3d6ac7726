"""Shared fixtures: two organisations (A and B), each with one person per role.

The two organisations are built once per test run and committed; every test gets its own copy of
the `World` and runs in a transaction that is rolled back, so what a test changes is gone after it.
A transactional test (`transaction=True`, the live server) empties the database when it ends; the
next test that asks for `world` finds the organisations gone and builds them again (docs/adr/0065).
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django import DjangoDbBlocker

from tests import lock_order
from werkvrede.accounts.mfa import mfa_required
from werkvrede.accounts.middleware import ACTIVE_ORGANISATION_SESSION_KEY
from werkvrede.accounts.models import Membership, Organisation, User
from werkvrede.accounts.services import (
    default_organisation_id,
    membership_grant,
    organisation_create,
    user_create,
)
from werkvrede.core.roles import Role

PASSWORD = "correct horse battery staple"  # noqa: S105


@dataclass
class Tenant:
    organisation: Organisation
    users: dict[Role, User] = field(default_factory=dict)
    memberships: dict[Role, Membership] = field(default_factory=dict)


@dataclass
class World:
    a: Tenant
    b: Tenant

    def tenant(self, name: str) -> Tenant:
        return self.a if name == "a" else self.b


def _tenant(slug: str, label: str) -> Tenant:
    organisation = organisation_create(name=f"Organisatie {label}", slug=slug)
    tenant = Tenant(organisation)
    for role in Role:
        user = user_create(
            email=f"{role.value.lower()}@{slug}.test", full_name=f"{role.label} {label}", password=PASSWORD
        )
        tenant.users[role] = user
        tenant.memberships[role] = membership_grant(user=user, organisation=organisation, roles=[role])
    return tenant


_shared: list[World] = []


def shared_world() -> World:
    """The world in the database, built when it is not there (first use, or after a flush).

    Outside a test's transaction the build is committed and serves every later test; inside one it
    lasts for that test only, and the next test builds it again.
    """
    if _shared and Organisation.objects.filter(pk=_shared[0].a.organisation.pk, slug="org-a").exists():
        return _shared[0]
    _shared[:] = [World(a=_tenant("org-a", "A"), b=_tenant("org-b", "B"))]
    return _shared[0]


@pytest.fixture(scope="session")
def _world_committed(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> None:
    """Build the world once, before any test opens its transaction."""
    with django_db_blocker.unblock():
        shared_world()


@contextmanager
def module_transaction(django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    """A transaction for objects a module's tests share, rolled back after the module.

    Make the objects in it from a module-scoped fixture (set up before any test's own transaction);
    every test then runs in a savepoint inside it and finds them as they were made.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer._from_testcase = True  # type: ignore[attr-defined]  # test scaffolding: the code's own blocks are its transactions
        outer.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def world(_world_committed: None, db: None) -> World:
    # A copy: tests may change the model instances they are handed (log-in sets `last_login`).
    return copy.deepcopy(shared_world())


def logged_in(user: User, client: Client | None = None) -> Client:
    """A client logged in as `user` the way the log-in form leaves it, without posting the form.

    The log-in view stores the person's default organisation in the session; so does this. A person
    whose roles need two-factor log-in (ADR 0072) gets a confirmed TOTP device, and the session is
    marked verified by it as the code step leaves it. Tests of the log-in itself post the forms.
    """
    client = client or Client()
    client.force_login(user)
    session = client.session
    session[ACTIVE_ORGANISATION_SESSION_KEY] = default_organisation_id(user)
    if mfa_required(user):
        session[DEVICE_ID_SESSION_KEY] = totp_device_for(user).persistent_id
    session.save()
    return client


def totp_device_for(user: User) -> TOTPDevice:
    """The person's confirmed TOTP device, made when missing (its key computes codes in tests)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="totp", confirmed=True)


def password_only(user: User, client: Client | None = None) -> Client:
    """A client logged in with the password only: the second factor not (yet) verified."""
    client = client or Client()
    client.force_login(user)
    session = client.session
    session[ACTIVE_ORGANISATION_SESSION_KEY] = default_organisation_id(user)
    session.save()
    return client


@pytest.fixture
def client_as(world: World) -> Callable[..., Client]:
    """A logged-in client for `role` in organisation "a" (or "b"), with that organisation active."""

    def make(role: Role, tenant: str = "a") -> Client:
        return logged_in(world.tenant(tenant).users[role])

    return make


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """A request in English leaves English active in the thread (the locale middleware does not
    reset it); every test starts in the default language, whichever test ran before it."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


lock_order.install()


@pytest.fixture(autouse=True)
def _row_locks_before_the_chain_head() -> Iterator[None]:
    """On PostgreSQL no transaction locks a row after its audit chain's head (ADR 0211)."""
    lock_order.forget()
    yield
    found = list(lock_order.found)
    lock_order.found.clear()
    assert found == [], "a row locked after the audit chain's head in one transaction:\n" + "\n".join(found)


@pytest.fixture
def on_postgres() -> Iterator[None]:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (runs in the PostgreSQL pass of `make test`)")
    yield


def pytest_configure(config: pytest.Config) -> None:
    # The schemathesis tests share one node id per operation; xdist's scope and group modes schedule
    # by node id and silently run one of them (ADR 0067). The `load` and `worksteal` modes (the one
    # `make test` uses, ADR 0202) schedule by position and run them all.
    dist = getattr(config.option, "dist", "no")
    if dist not in ("no", "load", "worksteal"):
        raise pytest.UsageError(f"--dist {dist} would drop tests with a shared node id; use --dist worksteal")


def pytest_report_header() -> list[str]:
    database = os.environ.get("WERKVREDE_TEST_DATABASE", "sqlite")
    return [f"werkvrede test database: {database}"]
