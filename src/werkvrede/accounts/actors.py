"""Build the Actor for a user and their active organisation.

A session keeps the person's roles, the two-factor step, the device that verified it and the
organisation switcher's list under their access stamp (`User.access_version`), which the database
raises on every change of grants, memberships, devices or an organisation's name, however it is made
(ADR 0188, ADR 0199, ADR 0203): the user row is read on every request anyway, so a changed stamp makes
that very request read them again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from django.apps import apps
from django.contrib.sessions.backends.base import SessionBase
from django.db import DEFAULT_DB_ALIAS
from django.http import HttpRequest
from django_otp.models import Device

from werkvrede.accounts.models import RoleGrant, User
from werkvrede.accounts.selectors import organisations_of_user
from werkvrede.core.actor import ANONYMOUS, Actor
from werkvrede.core.roles import Role

ACCESS_SESSION_KEY = "werkvrede_access"
# The active organisation (set at log-in and by the switcher).
ACTIVE_ORGANISATION_SESSION_KEY = "werkvrede_organisation_id"


def _grants(user: User, organisation_id: int | None) -> tuple[list[str], str]:
    roles: list[str] = []
    organisation_name = ""
    if organisation_id is not None:
        grants = RoleGrant.objects.filter(
            membership__user=user,
            membership__organisation_id=organisation_id,
            membership__is_active=True,
        ).values_list("role", "membership__organisation__name")
        for role, name in grants:
            roles.append(role)
            organisation_name = name
    return sorted(roles), organisation_name


def _actor(user: User, organisation_id: int | None, roles: list[str], organisation_name: str) -> Actor:
    return Actor(
        user_id=user.pk,
        # A person without roles in the organisation acts in none: nothing of it is theirs to see.
        organisation_id=organisation_id if roles else None,
        roles=frozenset(Role(r) for r in roles),
        is_active=user.is_active,
        is_superuser=user.is_superuser,
        display_name=user.full_name or user.email,
        organisation_name=organisation_name if roles else "",
    )


def actor_for(user: User | None, organisation_id: int | None) -> Actor:
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    roles, organisation_name = _grants(user, organisation_id)
    return _actor(user, organisation_id, roles, organisation_name)


def stamp(user: User) -> list[Any]:
    """What the cached access depends on that the user row itself holds."""
    return [user.pk, user.access_version, user.is_staff, user.is_superuser]


def cached_access(session: SessionBase, user: User, organisation_id: int | None) -> dict[str, Any] | None:
    """The session's cached access for this person, stamp and organisation, or None."""
    cached = session.get(ACCESS_SESSION_KEY)
    if (
        isinstance(cached, dict)
        and cached.get("stamp") == stamp(user)
        and cached.get("organisation") == organisation_id
    ):
        return cached
    return None


def actor_for_session(user: User | None, organisation_id: int | None, session: SessionBase) -> Actor:
    """The Actor, from the session's cache while the person's stamp is unchanged. A grant or membership
    ended by any means — a service, the admin site, a bulk update or SQL — raises the stamp in the same
    transaction (the database's triggers), so it holds from the very next request
    (tests/security/test_revocation.py)."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = cached_access(session, user, organisation_id)
    if cached is None or "roles" not in cached:
        roles, organisation_name = _grants(user, organisation_id)
        cached = {
            **(cached or {}),  # a current cache without the roles (a device kept first) keeps its keys
            "stamp": stamp(user),
            "organisation": organisation_id,
            "roles": roles,
            "organisation_name": organisation_name,
            "organisations": [[o.pk, o.name] for o in organisations_of_user(user)],
        }
        session[ACCESS_SESSION_KEY] = cached
    return _actor(user, organisation_id, list(cached["roles"]), str(cached["organisation_name"]))


def cached_step(session: SessionBase, user: User, compute: Callable[[], str | None]) -> str | None:
    """The two-factor step a session without a second step must take, kept under the stamp like the
    roles (a device set up or removed, or a role that needs one, raises it)."""
    cached = cached_access(session, user, session.get(ACTIVE_ORGANISATION_SESSION_KEY))
    if cached is not None and "step" in cached:
        step: str | None = cached["step"]
        return step
    value = compute()
    if cached is not None:
        session[ACCESS_SESSION_KEY] = {**cached, "step": value}
    return value


def cached_device(
    session: SessionBase, user: User, persistent_id: str, load: Callable[[], Device | None]
) -> Device | None:
    """The device that verified this session, kept under the stamp like the roles (ADR 0203): the
    database raises the stamp when a device is added, removed, (un)confirmed or handed to another person,
    so a kept device is still this person's and confirmed. Only its id, owner and confirmation are kept;
    any other field is read from the database when asked for (a deferred field)."""
    organisation_id = session.get(ACTIVE_ORGANISATION_SESSION_KEY)
    cached = cached_access(session, user, organisation_id)
    if cached is not None and cached.get("device") == [persistent_id]:
        return _kept_device(persistent_id, user)
    device = load()
    if device is not None and device.user_id == user.pk and device.confirmed:
        base = cached or {"stamp": stamp(user), "organisation": organisation_id}
        session[ACCESS_SESSION_KEY] = {**base, "device": [persistent_id]}
    return device


def _kept_device(persistent_id: str, user: User) -> Device | None:
    label, _, pk = persistent_id.rpartition("/")
    try:
        model, key = apps.get_model(label), int(pk)
    except (LookupError, ValueError):
        return None
    known = {"id": key, "user_id": user.pk, "confirmed": True}
    fields = [f.attname for f in model._meta.concrete_fields if f.attname in known]
    device: Device = model.from_db(DEFAULT_DB_ALIAS, fields, [known[name] for name in fields])
    return device


class OrganisationChoice(NamedTuple):
    pk: int
    name: str


def switchable_organisations(request: HttpRequest) -> list[OrganisationChoice]:
    """The organisations the person may switch to, from the session's cached access when it is current."""
    user: User = request.user  # type: ignore[assignment]
    cached = cached_access(request.session, user, request.session.get(ACTIVE_ORGANISATION_SESSION_KEY))
    if cached is not None and "organisations" in cached:
        return [OrganisationChoice(int(pk), str(name)) for pk, name in cached["organisations"]]
    return [OrganisationChoice(o.pk, o.name) for o in organisations_of_user(user)]
