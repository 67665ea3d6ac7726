"""The consent page offers only the people of one's own case and asks before a withdrawal (CC-10, R-172)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from werkvrede.accounts.actors import actor_for
from werkvrede.cases.models import CaseParticipant
from werkvrede.consent import services
from werkvrede.consent.models import Consent
from werkvrede.consent.tests.helpers import give
from werkvrede.core.refusals import Invalid
from werkvrede.core.roles import Role
from werkvrede.mediation.tests.helpers import employee_case

pytestmark = pytest.mark.django_db
ClientAs = Callable[..., Client]


def _option_values(page: str) -> set[str]:
    import re

    select = re.search(r'<select name="recipient".*?</select>', page, re.S)
    assert select is not None
    return set(re.findall(r'value="(\d+)"', select.group(0)))


def test_the_choices_are_the_people_of_the_employees_own_case(world: World, client_as: ClientAs) -> None:
    t = world.a
    case = employee_case(world)
    CaseParticipant.objects.create(case=case, user=t.users[Role.HR_ADVISER], role="HR")
    page = client_as(Role.EMPLOYEE).get(reverse("consent:list")).content.decode()
    offered = _option_values(page)
    assert str(t.memberships[Role.HR_ADVISER].pk) in offered
    assert str(t.memberships[Role.LINE_MANAGER].pk) in offered  # the other party of the case
    # Near misses: people of the organisation without a role in this case are not shown.
    for role in (Role.OCCUPATIONAL_PHYSICIAN, Role.MEDIATOR, Role.CASEMANAGER, Role.CONFIDENTIAL_ADVISER):
        assert str(t.memberships[role].pk) not in offered
        assert t.users[role].full_name not in page


def test_without_a_case_nobody_is_offered(world: World, client_as: ClientAs) -> None:
    page = client_as(Role.EMPLOYEE).get(reverse("consent:list")).content.decode()
    assert _option_values(page) == set()
    assert world.a.users[Role.HR_ADVISER].full_name not in page


def test_a_recipient_outside_the_own_case_is_refused_by_the_service(world: World) -> None:
    t = world.a
    employee_case(world)
    with pytest.raises(Invalid) as exc:
        give(world, recipient_membership_id=t.memberships[Role.OCCUPATIONAL_PHYSICIAN].pk, role="BA")
    assert "recipient" in exc.value.errors
    consent = give(world, recipient_membership_id=t.memberships[Role.LINE_MANAGER].pk, role="LG")
    assert consent.recipient_id == t.users[Role.LINE_MANAGER].pk


def test_withdrawing_asks_first_and_says_what_stops_and_who_sees_it(
    world: World, client_as: ClientAs
) -> None:
    consent = give(world)
    client = client_as(Role.EMPLOYEE)
    url = reverse("consent:withdraw", kwargs={"consent_id": consent.pk})
    listing = client.get(reverse("consent:list")).content.decode()
    assert f'href="{url}"' in listing  # the list leads to the question, it does not withdraw at once
    question = client.get(url)
    assert question.status_code == 200
    text = question.content.decode()
    assert "Toestemming intrekken?" in text and "niet ongedaan" in text
    consent.refresh_from_db()
    assert consent.withdrawn_at is None
    unconfirmed = client.post(url, {})
    assert unconfirmed.status_code == 400
    consent.refresh_from_db()
    assert consent.withdrawn_at is None
    done = client.post(url, {"confirm": "on"}, follow=True)
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    message = done.content.decode()
    assert "Je toestemming is ingetrokken" in message
    assert "niets meer op grond van gedeeld" not in message
    assert "op grond van deze toestemming" in message


def test_the_english_withdrawal_message_is_translated(world: World, client_as: ClientAs) -> None:
    consent = give(world, given_on=date(2025, 3, 1))
    client = client_as(Role.EMPLOYEE)
    url = reverse("consent:withdraw", kwargs={"consent_id": consent.pk})
    done = client.post(url, {"confirm": "on"}, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert Consent.objects.get(pk=consent.pk).withdrawn_at is not None
    assert done.status_code == 200


def test_withdrawal_service_still_needs_no_confirmation_for_the_api(world: World) -> None:
    consent = give(world)
    services.consent_withdraw(
        actor=actor_for(world.a.users[Role.EMPLOYEE], world.a.organisation.pk), consent_id=consent.pk
    )
    assert Consent.objects.get(pk=consent.pk).withdrawn_at is not None
