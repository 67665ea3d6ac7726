"""Signalen: what is due or overdue for each person, and only what they may know (Refs issue #4)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import Client

from conftest import World
from tests.queries import page_queries
from werkvrede.cases import services
from werkvrede.cases.models import Case, CaseDeadline
from werkvrede.cases.selectors import due_deadlines_for
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role

TODAY = date(2025, 10, 10)


def _deadline(case: Case, code: str, owners: str, due: date, category: str = "D10") -> CaseDeadline:
    return CaseDeadline.objects.create(
        case=case,
        organisation_id=case.organisation_id,
        code=code,
        category=category,
        status=CaseDeadline.Status.PENDING,
        due=due,
        owner_roles=owners,
        basis="R-150",
        guideline_version="test",
    )


@pytest.fixture
def case_with_deadlines(world: World) -> Case:
    case = signal(
        world.a.users[Role.EMPLOYEE], world.a.organisation.pk, other=world.a.memberships[Role.LINE_MANAGER]
    )
    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    services.participant_add(
        actor=hr,
        case_id=case.pk,
        membership_id=world.a.memberships[Role.OCCUPATIONAL_PHYSICIAN].pk,
        role="BA",
    )
    _deadline(case, "T-03", ",BA,", TODAY - timedelta(days=2))  # probleemanalyse, 2 days late
    _deadline(case, "T-04", ",CM,LG,WN,", TODAY + timedelta(days=3))  # plan van aanpak
    _deadline(case, "T-06", ",LG,", TODAY + timedelta(days=200))  # far away: not a signal yet
    return case


def _codes(world: World, role: Role) -> list[str]:
    actor = actor_of(world.a.users[role], world.a.organisation.pk)
    return [item.deadline.code for item in due_deadlines_for(actor, today=TODAY)]


def test_each_person_sees_the_deadlines_they_own_overdue_first(
    world: World, case_with_deadlines: Case
) -> None:
    assert _codes(world, Role.OCCUPATIONAL_PHYSICIAN) == ["T-03"]
    assert _codes(world, Role.EMPLOYEE) == ["T-04"]
    assert _codes(world, Role.CASEMANAGER) == ["T-04"]
    # HR keeps the direction: a step the casemanager owns is on HR's list too (docs/adr/0120).
    assert _codes(world, Role.HR_ADVISER) == ["T-04"]
    # The line manager is the other party here, not the manager in the case: T-04's LG is not theirs.
    assert _codes(world, Role.LINE_MANAGER) == []
    for role in (
        Role.MEDIATOR,
        Role.CONFIDENTIAL_ADVISER,
        Role.ADMIN,
        Role.COMPANY_SOCIAL_WORKER,
    ):
        assert _codes(world, role) == [], role
    outsider = actor_of(world.b.users[Role.CASEMANAGER], world.b.organisation.pk)
    assert due_deadlines_for(outsider, today=TODAY) == []


def test_overdue_and_due_soon_are_told_in_days(world: World, case_with_deadlines: Case) -> None:
    actor = actor_of(world.a.users[Role.OCCUPATIONAL_PHYSICIAN], world.a.organisation.pk)
    (item,) = due_deadlines_for(actor, today=TODAY)
    assert item.overdue
    assert item.days_late == 2


def test_a_deadline_of_a_category_a_role_may_not_read_is_not_shown(
    world: World, case_with_deadlines: Case
) -> None:
    _deadline(case_with_deadlines, "T-18", ",BA,", TODAY, category="D19")  # the BA has no role in termination
    assert _codes(world, Role.OCCUPATIONAL_PHYSICIAN) == ["T-03"]


def test_the_start_page_shows_the_signals_in_words(
    world: World, case_with_deadlines: Case, client_as: Callable[..., Client]
) -> None:
    html = client_as(Role.OCCUPATIONAL_PHYSICIAN).get("/").content.decode()
    assert "T-03" in html
    assert "Probleemanalyse" in html
    assert case_with_deadlines.reference in html
    assert "Er is op dit moment niets voor je te doen." not in html


def test_the_start_page_cost_does_not_grow_with_the_number_of_deadlines(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.CASEMANAGER)

    def add(n: int) -> None:
        for _ in range(n):
            case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
            _deadline(case, "T-04", ",CM,", TODAY)

    add(2)
    few = page_queries(client, "/")
    add(15)
    assert page_queries(client, "/") == few


def test_the_overview_counts_cases_per_state_and_lists_overdue_deadlines(
    world: World, case_with_deadlines: Case, client_as: Callable[..., Client]
) -> None:
    html = client_as(Role.HR_ADVISER).get("/zaken/overzicht/").content.decode()
    assert "Gesignaleerd" in html
    assert "T-03" in html  # overdue since 2025
    assert case_with_deadlines.reference in html


def test_the_case_roles_a_person_holds_are_found_without_reading_every_participation(world: World) -> None:
    from werkvrede.cases.models import CaseParticipant
    from werkvrede.cases.selectors import case_roles_held

    employee, manager = world.a.users[Role.EMPLOYEE], world.a.memberships[Role.LINE_MANAGER]
    first = signal(employee, world.a.organisation.pk, other=manager)
    second = signal(employee, world.a.organisation.pk, other=manager)
    ba = world.a.users[Role.OCCUPATIONAL_PHYSICIAN]
    CaseParticipant.objects.create(case=second, user=ba, role="BA")
    CaseParticipant.objects.create(case=first, user=ba, role="TD")
    assert case_roles_held(employee.pk) == {"WN"}
    assert case_roles_held(manager.user_id) == {"WP"}
    assert case_roles_held(ba.pk) == {"BA", "TD"}
    assert case_roles_held(world.a.users[Role.ADMIN].pk) == set()
