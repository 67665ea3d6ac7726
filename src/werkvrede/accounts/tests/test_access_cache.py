"""The session keeps the actor's roles, the two-factor step and the switcher's list under the
person's access stamp (ADR 0188, ADR 0199).

The stamp (`User.access_version`) rides on the user row that every request reads anyway; the database
raises it on every change of grants, memberships, devices or an organisation's name — through the
models, a queryset update or SQL — so the next request reads the roles again: a revocation holds from
the very next request, and cached roles never serve another organisation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import World, logged_in, password_only, totp_device_for
from werkvrede.accounts import people
from werkvrede.accounts.actors import ACCESS_SESSION_KEY, actor_for
from werkvrede.accounts.middleware import ACTIVE_ORGANISATION_SESSION_KEY
from werkvrede.accounts.models import Membership, Organisation, RoleGrant, User
from werkvrede.core.roles import Role

PEOPLE = reverse("accounts:people")
HOME = reverse("core:home")
ME = reverse("api:me")


def _admin(world: World) -> Any:
    return actor_for(world.a.users[Role.ADMIN], world.a.organisation.pk)


def _steady(client: Client, url: str) -> list[str]:
    """The SQL of a request after one that filled the session's caches."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def test_a_steady_request_reads_only_the_session_with_its_person(world: World) -> None:
    """Roles, two-factor step and the switcher's list come from the session while the stamp holds; the
    session row is read with its person joined in (ADR 0204): one query in all."""
    for role in (Role.HR_ADVISER, Role.EMPLOYEE):
        client = logged_in(world.a.users[role])
        sql = _steady(client, ME)
        assert len(sql) == 1, sql
        assert "accounts_loginsession" in sql[0] and 'JOIN "accounts_user"' in sql[0]
        assert "roles" in client.session[ACCESS_SESSION_KEY] and "step" in client.session[ACCESS_SESSION_KEY]


def test_a_grant_deleted_with_sql_holds_at_the_next_request(world: World) -> None:
    """No signal and no model: the database's trigger raises the stamp."""
    client = logged_in(world.a.users[Role.HR_ADVISER])
    _steady(client, PEOPLE)
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM accounts_rolegrant WHERE membership_id = %s",
            [world.a.memberships[Role.HR_ADVISER].pk],
        )
    assert client.get(PEOPLE).status_code in (403, 404)


def test_a_save_of_an_older_copy_never_lowers_the_stamp(world: World) -> None:
    """A request that read the user before a grant changed and saves it afterwards (last log-in, a
    profile change) must not write the older stamp back: the cached roles would count again."""
    person = world.a.users[Role.LINE_MANAGER]
    old_copy = User.objects.get(pk=person.pk)
    RoleGrant.objects.create(membership=world.a.memberships[Role.LINE_MANAGER], role=Role.EMPLOYEE)
    raised = User.objects.get(pk=person.pk).access_version
    assert raised == old_copy.access_version + 1
    old_copy.full_name = "Nieuwe Naam"
    old_copy.save()
    assert User.objects.filter(pk=person.pk).values_list("access_version", "full_name").get() == (
        raised,
        "Nieuwe Naam",
    )


def test_a_membership_ended_by_a_bulk_update_holds_at_the_next_request(world: World) -> None:
    """No signal fires on a queryset update or on SQL: the roles are not cached, so it holds anyway."""
    client = logged_in(world.a.users[Role.HR_ADVISER])
    _steady(client, PEOPLE)
    Membership.objects.filter(pk=world.a.memberships[Role.HR_ADVISER].pk).update(is_active=False)
    assert client.get(PEOPLE).status_code in (403, 404)


def test_revoking_a_role_refuses_the_very_next_request(world: World) -> None:
    client = logged_in(world.a.users[Role.HR_ADVISER])
    _steady(client, PEOPLE)
    people.role_remove(
        actor=_admin(world), membership=world.a.memberships[Role.HR_ADVISER], role=Role.HR_ADVISER
    )
    assert client.get(PEOPLE).status_code in (403, 404)


def test_a_grant_removed_outside_the_services_is_seen_too(world: World) -> None:
    """The admin site and cascades count as well."""
    client = logged_in(world.a.users[Role.HR_ADVISER])
    _steady(client, PEOPLE)
    RoleGrant.objects.get(membership=world.a.memberships[Role.HR_ADVISER]).delete()
    assert client.get(PEOPLE).status_code in (403, 404)


def test_a_granted_role_counts_from_the_next_request(world: World) -> None:
    client = logged_in(world.a.users[Role.LINE_MANAGER])
    assert client.get(PEOPLE).status_code in (403, 404)
    people.role_add(
        actor=_admin(world), membership=world.a.memberships[Role.LINE_MANAGER], role=Role.HR_ADVISER
    )
    assert client.get(PEOPLE).status_code == 200


def test_an_inactive_membership_ends_the_cached_roles(world: World) -> None:
    person = world.a.users[Role.HR_ADVISER]
    Membership.objects.create(user=person, organisation=world.b.organisation).grants.create(
        role=Role.EMPLOYEE
    )
    client = logged_in(person)
    _steady(client, PEOPLE)
    membership = Membership.objects.get(pk=world.a.memberships[Role.HR_ADVISER].pk)
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    assert client.get(PEOPLE).status_code in (403, 404)


def test_deactivating_the_person_logs_them_out_at_the_next_request(world: World) -> None:
    client = logged_in(world.a.users[Role.HR_ADVISER])
    _steady(client, PEOPLE)
    people.person_deactivate(actor=_admin(world), membership=world.a.memberships[Role.HR_ADVISER])
    response = client.get(PEOPLE)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_cached_roles_never_serve_another_organisation(world: World) -> None:
    """HR in A, employee in B: switching to B (or a session pointing at B) reads B's roles."""
    person = world.a.users[Role.HR_ADVISER]
    Membership.objects.create(user=person, organisation=world.b.organisation).grants.create(
        role=Role.EMPLOYEE
    )
    client = logged_in(person)
    _steady(client, PEOPLE)
    response = client.post(reverse("accounts:organisation-switch"), {"organisation": world.b.organisation.pk})
    assert response.status_code == 302
    assert client.session[ACTIVE_ORGANISATION_SESSION_KEY] == world.b.organisation.pk
    assert client.get(PEOPLE).status_code in (403, 404)
    # The session changed underneath (no switch view): still B's roles, not A's cached ones.
    session = client.session
    session[ACTIVE_ORGANISATION_SESSION_KEY] = world.a.organisation.pk
    session.save()
    assert client.get(PEOPLE).status_code == 200
    session = client.session
    session[ACTIVE_ORGANISATION_SESSION_KEY] = world.b.organisation.pk
    session.save()
    assert client.get(PEOPLE).status_code in (403, 404)


def test_a_cache_of_another_person_is_not_used(world: World) -> None:
    """A session's cache names its person: copied into another person's session it is read again."""
    hr = logged_in(world.a.users[Role.HR_ADVISER])
    _steady(hr, PEOPLE)
    employee = logged_in(world.a.users[Role.EMPLOYEE])
    session = employee.session
    session[ACCESS_SESSION_KEY] = hr.session[ACCESS_SESSION_KEY]
    session.save()
    assert employee.get(PEOPLE).status_code in (403, 404)


def test_a_renamed_organisation_shows_its_new_name_at_the_next_request(world: World) -> None:
    client = logged_in(world.a.users[Role.HR_ADVISER])
    _steady(client, HOME)
    organisation = Organisation.objects.get(pk=world.a.organisation.pk)
    organisation.name = "Hernoemde Organisatie"
    organisation.save()
    assert "Hernoemde Organisatie" in client.get(HOME).content.decode()


def test_a_device_confirmed_elsewhere_asks_this_session_for_its_code(world: World) -> None:
    """A device set up in another session asks this one for its code at its next request."""
    person = world.a.users[Role.HR_ADVISER]
    client = password_only(person)
    _steady(client, HOME)
    TOTPDevice.objects.create(user=person, name="totp", confirmed=True)
    response = client.get(HOME)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:mfa-verify"))


def test_every_change_raises_the_stamp(world: World) -> None:
    person = world.a.users[Role.LINE_MANAGER]

    def stamp() -> int:
        return User.objects.get(pk=person.pk).access_version

    before = stamp()
    grant = RoleGrant.objects.create(membership=world.a.memberships[Role.LINE_MANAGER], role=Role.EMPLOYEE)
    assert stamp() == before + 1
    grant.delete()
    assert stamp() == before + 2
    membership = Membership.objects.create(user=person, organisation=world.b.organisation)
    assert stamp() == before + 3
    membership.delete()
    assert stamp() == before + 4
    Membership.objects.filter(pk=world.a.memberships[Role.LINE_MANAGER].pk).update(is_active=False)
    assert stamp() == before + 5
    Organisation.objects.filter(pk=world.a.organisation.pk).update(name="Andere Naam")
    assert stamp() == before + 6
    Organisation.objects.filter(pk=world.a.organisation.pk).update(slug="zelfde-naam")
    assert stamp() == before + 6  # the name did not change
    device = TOTPDevice.objects.create(user=person, name="totp", confirmed=False)
    assert stamp() == before + 7
    TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
    assert stamp() == before + 8
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=5)
    assert stamp() == before + 8  # a used code changes nothing a session keeps


# The device that verified a session is kept under the same stamp (ADR 0203): the database raises the
# stamp when a device is added, removed, (un)confirmed or handed to another person.
TWO_FACTOR = (Role.OCCUPATIONAL_PHYSICIAN, Role.MEDIATOR)


def test_a_verified_two_factor_session_reads_only_the_session_with_its_person(world: World) -> None:
    for role in TWO_FACTOR:
        client = logged_in(world.a.users[role])
        sql = _steady(client, ME)
        assert len(sql) == 1, sql
        assert "accounts_loginsession" in sql[0] and 'JOIN "accounts_user"' in sql[0]
        assert client.session[ACCESS_SESSION_KEY]["device"] == [client.session[DEVICE_ID_SESSION_KEY]]


def _verified_then(world: World, change: Callable[[TOTPDevice], object]) -> Client:
    person = world.a.users[Role.OCCUPATIONAL_PHYSICIAN]
    client = logged_in(person)
    _steady(client, HOME)
    assert "device" in client.session[ACCESS_SESSION_KEY]
    change(TOTPDevice.objects.get(user=person, confirmed=True))
    return client


def _asked_for_a_second_step(client: Client) -> bool:
    response = client.get(HOME)
    return response.status_code == 302 and response["Location"].startswith(
        (reverse("accounts:mfa-verify"), reverse("accounts:mfa-enrol"))
    )


def test_a_device_deleted_with_sql_ends_the_verification_at_the_next_request(world: World) -> None:
    def delete(device: TOTPDevice) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM otp_totp_totpdevice WHERE id = %s", [device.pk])

    client = _verified_then(world, delete)
    assert _asked_for_a_second_step(client)
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_a_device_unconfirmed_by_a_bulk_update_ends_the_verification(world: World) -> None:
    client = _verified_then(world, lambda d: TOTPDevice.objects.filter(pk=d.pk).update(confirmed=False))
    assert _asked_for_a_second_step(client)


def test_a_device_handed_to_another_person_ends_the_verification(world: World) -> None:
    other = world.b.users[Role.OCCUPATIONAL_PHYSICIAN]
    client = _verified_then(world, lambda d: TOTPDevice.objects.filter(pk=d.pk).update(user=other))
    assert _asked_for_a_second_step(client)


def test_a_session_pointing_at_another_device_reads_it_and_is_refused(world: World) -> None:
    """The kept device counts only for the device id the session holds: another id is read, and another
    person's device verifies nothing."""
    client = _verified_then(world, lambda d: None)
    someone_else = totp_device_for(world.b.users[Role.OCCUPATIONAL_PHYSICIAN])
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = someone_else.persistent_id
    session.save()
    assert _asked_for_a_second_step(client)


def test_the_kept_device_is_the_persons_own_and_reads_the_rest_when_asked(world: World) -> None:
    person = world.a.users[Role.MEDIATOR]
    client = logged_in(person)
    _steady(client, ME)
    device = getattr(client.get(ME).wsgi_request.user, "otp_device", None)
    stored = TOTPDevice.objects.get(user=person, confirmed=True)
    assert isinstance(device, TOTPDevice) and device.pk == stored.pk and device.user_id == person.pk
    with CaptureQueriesContext(connection) as captured:
        assert device.key == stored.key  # not kept in the session: read from the database when asked
    assert len(captured.captured_queries) == 1
