"""The rule registry denies by default (Refs issue #2)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from werkvrede.audit.models import AuditEvent
from werkvrede.core import policy
from werkvrede.core.access import requires
from werkvrede.core.actor import ANONYMOUS, SYSTEM, Actor
from werkvrede.core.roles import Role

HR = Actor(user_id=1, organisation_id=7, roles=frozenset({Role.HR_ADVISER}))


def test_an_undeclared_action_is_denied_even_to_everyone() -> None:
    assert not policy.allowed(HR, "nobody.declared.this")


def test_a_declared_action_follows_its_rule() -> None:
    assert policy.allowed(HR, "accounts.people.view")
    employee = Actor(user_id=2, organisation_id=7, roles=frozenset({Role.EMPLOYEE}))
    assert not policy.allowed(employee, "accounts.people.view")


def test_an_inactive_or_anonymous_actor_is_always_denied() -> None:
    inactive = Actor(user_id=1, organisation_id=7, roles=frozenset({Role.HR_ADVISER}), is_active=False)
    assert not policy.allowed(inactive, "accounts.people.view")
    assert not policy.allowed(ANONYMOUS, "core.home.view")


def test_the_system_actor_gets_only_what_a_rule_grants_it() -> None:
    assert not policy.allowed(SYSTEM, "accounts.people.view")


def test_a_second_rule_for_the_same_action_is_refused() -> None:
    with pytest.raises(ImproperlyConfigured):
        policy.rule("accounts.people.view")(lambda actor, obj: True)


def test_a_view_cannot_require_an_undeclared_action() -> None:
    with pytest.raises(ImproperlyConfigured):
        requires("cases.case.view_everything")


@pytest.mark.django_db
def test_authorize_raises_a_denial_that_records_itself_once() -> None:
    employee = Actor(user_id=2, organisation_id=None, roles=frozenset({Role.EMPLOYEE}))
    with pytest.raises(policy.AccessDenied) as caught:
        policy.authorize(employee, "accounts.people.view")
    caught.value.record()
    caught.value.record()
    event = AuditEvent.objects.get(action="core.access.denied")
    assert event.user_id == 2
    assert event.outcome == "denied"
    assert event.data == {"action": "accounts.people.view"}


@pytest.mark.django_db(transaction=True)
def test_a_denial_inside_a_rolled_back_service_is_still_audited(client) -> None:
    """The refusal is recorded at the edge, after the refused transaction rolled back."""
    from werkvrede.accounts.models import Organisation, User
    from werkvrede.accounts.services import membership_grant

    organisation = Organisation.objects.create(name="Eén BV", slug="een")
    other = Organisation.objects.create(name="Twee BV", slug="twee")
    user = User.objects.create_user(email="hr@een.test", full_name="HR", password="x" * 16)
    membership_grant(user=user, organisation=organisation, roles=[Role.HR_ADVISER])
    client.force_login(user)
    response = client.post("/account/organisatie/wisselen/", {"organisation": other.pk})
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="core.access.denied", user_id=user.pk).count() == 1
