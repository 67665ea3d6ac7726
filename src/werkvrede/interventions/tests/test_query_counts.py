"""The Interventies page costs the same however many interventions and periods a case has (Refs #4)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import Client

from conftest import World
from tests.queries import page_queries
from werkvrede.core.roles import Role
from werkvrede.interventions.tests.helpers import employee_case, propose
from werkvrede.interventions.tests.test_interventions import _record


@pytest.mark.parametrize("role", [Role.HR_ADVISER, Role.EMPLOYEE, Role.LINE_MANAGER])
def test_the_interventions_page_does_not_grow(
    world: World, client_as: Callable[..., Client], role: Role
) -> None:
    case = employee_case(world)
    client = client_as(role)
    url = f"/interventies/zaak/{case.pk}/"
    _record(world, case.pk, "CONVERSATION")
    propose(world, case)
    few = page_queries(client, url)
    for i in range(4):
        _record(world, case.pk, "CONVERSATION", note=f"gesprek {i}")
        start = date(2025, 4, 1) + timedelta(days=10 * i)
        propose(world, case, start=start, end=start + timedelta(days=6))
    assert page_queries(client, url) == few
