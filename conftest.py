"""Shared fixtures: two organisations (A and B), each with one person per role."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from django.db import connection
from django.test import Client

from werkvrede.accounts.models import Membership, Organisation, User
from werkvrede.accounts.services import membership_grant, organisation_create, user_create
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


@pytest.fixture
def world(db: None) -> World:
    return World(a=_tenant("org-a", "A"), b=_tenant("org-b", "B"))


@pytest.fixture
def client_as(world: World) -> Callable[..., Client]:
    """A logged-in client for `role` in organisation "a" (or "b"), with that organisation active."""

    def make(role: Role, tenant: str = "a") -> Client:
        client = Client()
        user = world.tenant(tenant).users[role]
        response = client.post("/account/inloggen/", {"username": user.email, "password": PASSWORD})
        assert response.status_code == 302, "log-in failed in fixture"
        return client

    return make


@pytest.fixture
def on_postgres() -> Iterator[None]:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (runs in the PostgreSQL pass of `make test`)")
    yield


def pytest_report_header() -> list[str]:
    database = os.environ.get("WERKVREDE_TEST_DATABASE", "sqlite")
    return [f"werkvrede test database: {database}"]
