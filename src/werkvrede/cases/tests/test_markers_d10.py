"""D10 (Poortwachter deadlines of a sick report) reaches exactly the roles of docs/rules.md (Refs issue #4).

The deadline row is the D10 data that exists so far. It is planted with a due date no other data
has, and every role looks at every page that lists deadlines.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from conftest import World
from werkvrede.cases import services
from werkvrede.cases.models import Case, CaseDeadline
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role

MARKER_DAY = date(2031, 2, 3)
MARKER = "3 februari 2031"
# WN R, LG/HR/CM RW, TD R, BA RW; the line manager here is the other party (WP: —).
READERS = {
    Role.EMPLOYEE,
    Role.HR_ADVISER,
    Role.CASEMANAGER,
    Role.OCCUPATIONAL_PHYSICIAN,
    Role.DELEGATED_PROFESSIONAL,
}


@pytest.fixture
def case(world: World) -> Case:
    case = signal(
        world.a.users[Role.EMPLOYEE], world.a.organisation.pk, other=world.a.memberships[Role.LINE_MANAGER]
    )
    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    for role, case_role in ((Role.OCCUPATIONAL_PHYSICIAN, "BA"), (Role.DELEGATED_PROFESSIONAL, "TD")):
        services.participant_add(
            actor=hr, case_id=case.pk, membership_id=world.a.memberships[role].pk, role=case_role
        )
    CaseDeadline.objects.create(
        case=case,
        organisation=case.organisation,
        code="T-04",
        category="D10",
        status="PENDING",
        due=MARKER_DAY,
        owner_roles=",BA,CM,HR,LG,TD,WN,",
        basis="R-151",
        guideline_version="test",
    )
    return case


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_the_deadline_reaches_exactly_its_readers(
    world: World, case: Case, client_as: Callable[..., Client], role: Role
) -> None:
    client = client_as(role)
    seen = "\n".join(
        client.get(path).content.decode() for path in (f"/zaken/{case.pk}/", "/zaken/overzicht/")
    )
    assert (MARKER in seen) == (role in READERS), role
    api = client.get(f"/api/v1/cases/{case.pk}/deadlines").content.decode()
    assert (MARKER_DAY.isoformat() in api) == (role in READERS), role


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_another_organisation_sees_no_deadline(
    world: World, case: Case, client_as: Callable[..., Client], role: Role
) -> None:
    client = client_as(role, "b")
    seen = "\n".join(
        client.get(path).content.decode() for path in (f"/zaken/{case.pk}/", "/zaken/overzicht/", "/")
    )
    assert MARKER not in seen
    assert MARKER_DAY.isoformat() not in client.get(f"/api/v1/cases/{case.pk}/deadlines").content.decode()
