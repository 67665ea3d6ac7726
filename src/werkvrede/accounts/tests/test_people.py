"""People and roles by the Beheerder: invitations, roles with SOD, deactivating a leaver (ADR 0071)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from conftest import World, logged_in
from werkvrede.accounts import people
from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.invitations import LinkState, invitation_link_state, max_age_days
from werkvrede.accounts.models import Invitation, Membership, User
from werkvrede.accounts.services import person_reactivate
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import Case
from werkvrede.core.refusals import Invalid, NotPossible
from werkvrede.core.roles import Role


def _admin(world: World, tenant: str = "a") -> Any:
    t = world.tenant(tenant)
    return actor_for(t.users[Role.ADMIN], t.organisation.pk)


def _token(message: Any) -> str:
    found = re.search(r"\?i=(\S+)", message.body)
    assert found
    return found.group(1)


def _version(membership: Membership) -> int:
    return Membership.objects.get(pk=membership.pk).version


def _roles(membership: Membership) -> set[str]:
    return set(Membership.objects.get(pk=membership.pk).grants.values_list("role", flat=True))


# --- Inviting --------------------------------------------------------------------------------------


def test_the_beheerder_invites_a_person_with_roles_through_the_page(
    world: World, client_as: Callable[..., Client], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    client = client_as(Role.ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:person-invite"),
            {"email": "Nieuw@Voorbeeld.test", "full_name": "Nieuwe Collega", "roles": ["LG", "HR"]},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(invitee__email="nieuw@voorbeeld.test")
    assert invitation.organisation == world.a.organisation
    assert invitation.role_list == [Role.HR_ADVISER, Role.LINE_MANAGER]
    assert invitation.purpose == people.PURPOSE
    assert AuditEvent.objects.filter(action="accounts.person.invited", object_id=str(invitation.pk)).exists()
    [message] = mail.outbox
    assert f"{max_age_days()} dagen" in message.body
    listing = client.get(reverse("accounts:people")).content.decode()
    assert "nieuw@voorbeeld.test" in listing  # among the open invitations


def test_an_invalid_invitation_is_shown_beside_the_fields_keeping_what_was_typed(
    client_as: Callable[..., Client],
) -> None:
    response = client_as(Role.ADMIN).post(
        reverse("accounts:person-invite"),
        {"email": "iemand@voorbeeld.test", "full_name": "Iemand", "roles": ["MED", "HR"]},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "SOD-2" in html
    assert 'value="iemand@voorbeeld.test"' in html and 'value="Iemand"' in html
    assert 'aria-invalid="true"' in html or "aria-describedby" in html
    assert not Invitation.objects.filter(invitee__email="iemand@voorbeeld.test").exists()


def test_sup_cannot_be_given_by_the_beheerder(world: World) -> None:
    with pytest.raises(Invalid) as raised:
        people.person_invite(
            actor=_admin(world), email="s@voorbeeld.test", full_name="S", roles=[Role.SUPPORTER]
        )
    assert "roles" in raised.value.errors


def test_inviting_twice_makes_no_second_invitation_and_a_member_with_the_roles_is_unchanged(
    world: World,
) -> None:
    actor = _admin(world)
    first = people.person_invite(
        actor=actor, email="dubbel@voorbeeld.test", full_name="D", roles=[Role.EMPLOYEE]
    )
    second = people.person_invite(
        actor=actor, email="dubbel@voorbeeld.test", full_name="D", roles=[Role.EMPLOYEE]
    )
    assert (first.outcome, second.outcome) == (people.Outcome.INVITED, people.Outcome.ALREADY_INVITED)
    assert Invitation.objects.filter(invitee__email="dubbel@voorbeeld.test").count() == 1
    employee = world.a.users[Role.EMPLOYEE]
    same = people.person_invite(actor=actor, email=employee.email, full_name="X", roles=[Role.EMPLOYEE])
    assert same.outcome == people.Outcome.UNCHANGED
    more = people.person_invite(
        actor=actor, email=employee.email, full_name="X", roles=[Role.EMPLOYEE, Role.LINE_MANAGER]
    )
    assert more.outcome == people.Outcome.ROLES_ADDED
    assert _roles(world.a.memberships[Role.EMPLOYEE]) == {"WN", "LG"}


def test_resending_sends_a_fresh_link_and_the_old_one_stops_working(
    world: World, client_as: Callable[..., Client], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    actor = _admin(world)
    with django_capture_on_commit_callbacks(execute=True):
        people.person_invite(
            actor=actor, email="opnieuw@voorbeeld.test", full_name="O", roles=[Role.EMPLOYEE]
        )
    invitation = Invitation.objects.get(invitee__email="opnieuw@voorbeeld.test")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(Role.ADMIN).post(reverse("accounts:invitation-resend", args=[invitation.pk]))
    assert response.status_code == 302
    old, new = mail.outbox
    assert invitation_link_state(unquote(_token(old)))[0] == LinkState.REPLACED
    assert invitation_link_state(unquote(_token(new)))[0] == LinkState.OPEN
    page = Client().get(reverse("accounts:invitation") + "?i=" + _token(old))
    assert page.status_code == 404 and "nieuwere link" in page.content.decode()
    assert AuditEvent.objects.filter(
        action="accounts.invitation.resent", object_id=str(invitation.pk)
    ).exists()


def test_a_withdrawn_invitation_says_so_and_cannot_be_accepted(
    world: World, client_as: Callable[..., Client], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        people.person_invite(
            actor=_admin(world), email="weg@voorbeeld.test", full_name="W", roles=[Role.EMPLOYEE]
        )
    invitation = Invitation.objects.get(invitee__email="weg@voorbeeld.test")
    client = client_as(Role.ADMIN)
    assert client.get(reverse("accounts:invitation-withdraw", args=[invitation.pk])).status_code == 200
    assert client.post(reverse("accounts:invitation-withdraw", args=[invitation.pk])).status_code == 302
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None and not invitation.is_open
    link = reverse("accounts:invitation") + "?i=" + _token(mail.outbox[0])
    page = Client().get(link)
    assert page.status_code == 404 and "ingetrokken" in page.content.decode()
    post = Client().post(
        link, {"new_password1": "een lang goed wachtwoord 42", "new_password2": "een lang goed wachtwoord 42"}
    )
    assert post.status_code == 404
    assert not Membership.objects.filter(user__email="weg@voorbeeld.test").exists()
    with pytest.raises(NotPossible):
        people.invitation_resend(actor=_admin(world), invitation=invitation)


def test_an_expired_and_a_used_link_say_which_and_offer_the_next_step(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        people.person_invite(
            actor=_admin(world), email="laat@voorbeeld.test", full_name="L", roles=[Role.EMPLOYEE]
        )
    link = reverse("accounts:invitation") + "?i=" + _token(mail.outbox[0])
    with override_settings(WERKVREDE_INVITATION_DAYS=0):
        time.sleep(1.1)
        expired = Client().get(link)
    assert expired.status_code == 404
    assert "verlopen" in expired.content.decode() and "opnieuw te sturen" in expired.content.decode()
    password = "een lang goed wachtwoord 42"
    assert Client().post(link, {"new_password1": password, "new_password2": password}).status_code == 302
    used = Client().get(link)
    assert used.status_code == 404
    assert "al aangenomen" in used.content.decode() and reverse("accounts:login") in used.content.decode()


def test_the_default_invitation_validity_is_seven_days() -> None:
    assert getattr(settings, "WERKVREDE_INVITATION_DAYS", None) in (None, 7)
    assert max_age_days() == 7


# --- Roles and separation of duties ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("held", "added", "code"),
    [
        (Role.LINE_MANAGER, Role.MEDIATOR, "SOD-2"),
        (Role.HR_ADVISER, Role.MEDIATOR, "SOD-2"),
        (Role.CASEMANAGER, Role.MEDIATOR, "SOD-2"),
        (Role.OCCUPATIONAL_PHYSICIAN, Role.MEDIATOR, "SOD-2"),
        (Role.CONFIDENTIAL_ADVISER, Role.MEDIATOR, "SOD-2"),
        (Role.MEDIATOR, Role.HR_ADVISER, "SOD-2"),
        (Role.LINE_MANAGER, Role.CONFIDENTIAL_ADVISER, "SOD-1"),
        (Role.HR_ADVISER, Role.CONFIDENTIAL_ADVISER, "SOD-1"),
        (Role.CONFIDENTIAL_ADVISER, Role.CASEMANAGER, "SOD-1"),
    ],
)
def test_role_combinations_that_break_separation_of_duties_are_refused_with_their_code(
    world: World, held: Role, added: Role, code: str
) -> None:
    membership = world.a.memberships[held]
    with pytest.raises(Invalid) as raised:
        people.role_add(actor=_admin(world), membership=membership, role=added)
    assert code in " ".join(raised.value.errors["role"])
    assert _roles(membership) == {held.value}


@pytest.mark.parametrize(
    ("held", "added"),
    [
        (Role.EMPLOYEE, Role.LINE_MANAGER),
        (Role.HR_ADVISER, Role.CASEMANAGER),
        (Role.MEDIATOR, Role.EMPLOYEE),
        (Role.CONFIDENTIAL_ADVISER, Role.EMPLOYEE),
        (Role.CONFIDENTIAL_ADVISER, Role.COMPANY_SOCIAL_WORKER),
        (Role.MEDIATOR, Role.COMPANY_SOCIAL_WORKER),  # SOD-3 is a case-level warning, not refused here
        (Role.OCCUPATIONAL_PHYSICIAN, Role.DELEGATED_PROFESSIONAL),
        (Role.EMPLOYEE, Role.ADMIN),
    ],
)
def test_near_misses_may_be_held_together(world: World, held: Role, added: Role) -> None:
    membership = world.a.memberships[held]
    people.role_add(actor=_admin(world), membership=membership, role=added)
    assert _roles(membership) == {held.value, added.value}
    assert AuditEvent.objects.filter(
        action="accounts.role.granted", object_id=str(membership.pk), data__role=added.value
    ).exists()


def test_the_roles_page_sets_roles_and_shows_a_sod_refusal_beside_the_field(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.ADMIN)
    membership = world.a.memberships[Role.EMPLOYEE]
    url = reverse("accounts:person-roles", args=[membership.pk])
    assert client.post(url, {"version": _version(membership), "roles": ["WN", "LG"]}).status_code == 302
    assert _roles(membership) == {"WN", "LG"}
    refused = client.post(url, {"version": _version(membership), "roles": ["WN", "LG", "VP"]})
    assert refused.status_code == 400 and "SOD-1" in refused.content.decode()
    assert _roles(membership) == {"WN", "LG"}
    assert client.post(url, {"version": _version(membership), "roles": ["LG"]}).status_code == 302
    assert _roles(membership) == {"LG"}
    assert AuditEvent.objects.filter(
        action="accounts.role.revoked", object_id=str(membership.pk), data__role="WN"
    ).exists()


def test_the_last_active_beheerder_keeps_adm_and_cannot_deactivate_themselves(
    world: World, client_as: Callable[..., Client]
) -> None:
    own = world.a.memberships[Role.ADMIN]
    client = client_as(Role.ADMIN)
    response = client.post(
        reverse("accounts:person-roles", args=[own.pk]), {"version": _version(own), "roles": ["HR"]}
    )
    assert response.status_code == 400
    assert "laatste actieve beheerder" in response.content.decode()
    assert _roles(own) == {"ADM"}
    refused = client.post(reverse("accounts:person-deactivate", args=[own.pk]))
    assert refused.status_code == 409 and "laatste actieve beheerder" in refused.content.decode()
    assert Membership.objects.get(pk=own.pk).is_active
    # With a second Beheerder, the first may step down.
    people.role_add(actor=_admin(world), membership=world.a.memberships[Role.HR_ADVISER], role=Role.ADMIN)
    people.role_remove(actor=_admin(world), membership=own, role=Role.ADMIN)
    assert _roles(own) == set()


# --- Deactivating a leaver -------------------------------------------------------------------------


def test_deactivating_a_leaver_ends_roles_invitations_and_every_session_but_keeps_records(
    world: World, client_as: Callable[..., Client]
) -> None:
    leaver = world.a.users[Role.LINE_MANAGER]
    membership = world.a.memberships[Role.LINE_MANAGER]
    their_client = logged_in(leaver)
    assert their_client.get(reverse("core:home")).status_code == 200
    Invitation.objects.create(
        organisation=world.a.organisation,
        invitee=leaver,
        invited_name="L",
        roles="HR",
        purpose=people.PURPOSE,
    )
    case_count = Case.objects.count()
    admin = client_as(Role.ADMIN)
    confirm = admin.get(reverse("accounts:person-deactivate", args=[membership.pk]))
    assert confirm.status_code == 200 and "Ja, deactiveren" in confirm.content.decode()
    assert admin.post(reverse("accounts:person-deactivate", args=[membership.pk])).status_code == 302
    membership.refresh_from_db()
    leaver.refresh_from_db()
    assert not membership.is_active and not membership.grants.exists()
    assert not leaver.is_active  # no other active membership
    assert not Invitation.objects.filter(invitee=leaver, withdrawn_at__isnull=True).exists()
    # Logged out at the next request.
    response = their_client.get(reverse("core:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert User.objects.filter(pk=leaver.pk).exists() and Case.objects.count() == case_count
    event = AuditEvent.objects.get(action="accounts.person.deactivated", object_id=str(membership.pk))
    assert event.data["roles"] == "LG" and event.data["account_closed"] is True
    assert AuditEvent.objects.filter(action="accounts.sessions.ended", object_id=str(leaver.pk)).exists()


def test_a_leaver_with_another_membership_keeps_their_account_and_reactivation_brings_them_back(
    world: World,
) -> None:
    person = world.a.users[Role.CASEMANAGER]
    Membership.objects.create(user=person, organisation=world.b.organisation).grants.create(
        role=Role.EMPLOYEE
    )
    membership = world.a.memberships[Role.CASEMANAGER]
    people.person_deactivate(actor=_admin(world), membership=membership)
    person.refresh_from_db()
    assert person.is_active  # still works in B
    assert actor_for(person, world.a.organisation.pk).organisation_id is None
    person_reactivate(actor=_admin(world), membership=membership)
    membership.refresh_from_db()
    assert membership.is_active and not membership.grants.exists()
    people.role_add(actor=_admin(world), membership=membership, role=Role.CASEMANAGER)
    assert actor_for(person, world.a.organisation.pk).roles == {Role.CASEMANAGER}


def test_hr_sees_the_people_but_gets_no_management_links(
    world: World, client_as: Callable[..., Client]
) -> None:
    html = client_as(Role.HR_ADVISER).get(reverse("accounts:people")).content.decode()
    assert reverse("accounts:person-invite") not in html
    detail = client_as(Role.HR_ADVISER).get(
        reverse("accounts:person", args=[world.a.memberships[Role.EMPLOYEE].pk])
    )
    assert (
        reverse("accounts:person-deactivate", args=[world.a.memberships[Role.EMPLOYEE].pk])
        not in detail.content.decode()
    )


# --- The list at scale -----------------------------------------------------------------------------


def test_the_people_list_is_paged_and_searchable_with_an_honest_empty_state(
    world: World, client_as: Callable[..., Client], django_assert_max_num_queries: Callable[..., Any]
) -> None:
    organisation = world.a.organisation
    users = User.objects.bulk_create(
        [User(email=f"lid{i:03d}@groot.test", full_name=f"Lid {i:03d}") for i in range(120)]
    )
    Membership.objects.bulk_create([Membership(user=u, organisation=organisation) for u in users])
    client = client_as(Role.HR_ADVISER)
    url = reverse("accounts:people")
    with django_assert_max_num_queries(15):
        first = client.get(url).content.decode()
    assert "Volgende" in first
    found = client.get(url, {"q": "lid042"}).content.decode()
    assert "Lid 042" in found and "Lid 043" not in found
    by_name = client.get(url, {"q": "Lid 11", "pagina": "1"}).content.decode()
    assert "Lid 110" in by_name and "Lid 042" not in by_name
    nobody = client.get(url, {"q": "bestaat-niet"}).content.decode()
    assert "Niemand in deze organisatie heeft" in nobody
    far = client.get(url, {"pagina": "99"}).content.decode()
    assert "Deze pagina is leeg" in far
    paged = client.get(url, {"q": "lid", "pagina": "2"}).content.decode()
    assert "q=lid&amp;pagina=3" in paged or "q=lid&amp;pagina=1" in paged


def test_changes_are_audited_in_the_organisation(world: World) -> None:
    before = AuditEvent.objects.filter(organisation_id=world.a.organisation.pk).count()
    people.person_invite(
        actor=_admin(world), email="audit@voorbeeld.test", full_name="A", roles=[Role.EMPLOYEE]
    )
    assert AuditEvent.objects.filter(organisation_id=world.a.organisation.pk).count() >= before + 2


def test_time_window_of_a_link_follows_the_last_send(world: World) -> None:
    invitation = people.person_invite(
        actor=_admin(world), email="tijd@voorbeeld.test", full_name="T", roles=[Role.EMPLOYEE]
    )
    assert invitation.outcome == people.Outcome.INVITED
    record = Invitation.objects.get(invitee__email="tijd@voorbeeld.test")
    Invitation.objects.filter(pk=record.pk).update(link_issued_at=record.link_issued_at - timedelta(days=8))
    resent = people.invitation_resend(actor=_admin(world), invitation=record)
    assert resent.link_version == 1 and resent.link_issued_at > record.link_issued_at
