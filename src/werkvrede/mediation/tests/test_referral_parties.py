"""The referral from a case offers the case's parties, not the whole staff list (R-084, docs/rules.md)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from werkvrede.cases.tests.helpers import signal
from werkvrede.core.roles import Role
from werkvrede.mediation.tests.helpers import employee_case

pytestmark = pytest.mark.django_db


def _select(page: str, name: str) -> str:
    match = re.search(rf'<select name="{name}".*?</select>', page, re.S)
    assert match is not None, name
    return match.group(0)


def _values(select: str) -> set[str]:
    return set(re.findall(r'value="(\d+)"', select))


def _selected(select: str) -> set[str]:
    return set(re.findall(r'value="(\d+)"[^>]*selected', select))


def test_the_parties_come_from_the_case_and_are_filled_in(
    world: World, client_as: Callable[..., Client]
) -> None:
    t = world.a
    case = employee_case(world)
    page = (
        client_as(Role.HR_ADVISER)
        .get(reverse("mediation:refer", kwargs={"case_id": case.pk}))
        .content.decode()
    )
    employee, other = _select(page, "employee"), _select(page, "other")
    assert _selected(employee) == {str(t.users[Role.EMPLOYEE].pk)}
    assert _selected(other) == {str(t.users[Role.LINE_MANAGER].pk)}
    offered = _values(employee) | _values(other) | _values(_select(page, "employer_representative"))
    assert {str(t.users[Role.EMPLOYEE].pk), str(t.users[Role.LINE_MANAGER].pk)} <= offered
    # Near misses: staff without a role in this case are not offered as a party.
    for role in (Role.OCCUPATIONAL_PHYSICIAN, Role.CONFIDENTIAL_ADVISER, Role.CASEMANAGER, Role.ADMIN):
        assert str(t.users[role].pk) not in offered


def test_a_party_without_an_account_is_named_with_the_way_to_invite_them(
    world: World, client_as: Callable[..., Client]
) -> None:
    t = world.a
    case = signal(t.users[Role.EMPLOYEE], t.organisation.pk)  # the other party only by name
    page = (
        client_as(Role.HR_ADVISER)
        .get(reverse("mediation:refer", kwargs={"case_id": case.pk}))
        .content.decode()
    )
    assert "de teamleider" in page and "nog geen account" in page
    assert reverse("accounts:people") in page


def test_a_referral_with_the_case_parties_goes_through(
    world: World, client_as: Callable[..., Client]
) -> None:
    t = world.a
    case = employee_case(world)
    response = client_as(Role.HR_ADVISER).post(
        reverse("mediation:refer", kwargs={"case_id": case.pk}),
        {
            "subject": "Samenwerking",
            "employee": t.users[Role.EMPLOYEE].pk,
            "other": t.users[Role.LINE_MANAGER].pk,
            "mediator": t.users[Role.MEDIATOR].pk,
        },
    )
    assert response.status_code == 302
