"""The mediation page costs the same however many mediations and case events there are (issue #18)."""

from __future__ import annotations

from django.test import Client

from conftest import World, logged_in
from tests.queries import page_queries
from werkvrede.cases import services as case_services
from werkvrede.core.roles import Role
from werkvrede.mediation.tests.helpers import actor, in_intake, referred


def test_the_mediation_page_does_not_grow_with_mediations_or_case_events(world: World) -> None:
    mediation = in_intake(world)
    url = f"/mediation/{mediation.pk}/"
    clients: dict[Role, Client] = {
        role: logged_in(world.a.users[role]) for role in (Role.MEDIATOR, Role.EMPLOYEE)
    }
    few = {role: page_queries(client, url) for role, client in clients.items()}
    for _ in range(5):
        referred(world)
    hr = actor(world, Role.HR_ADVISER)
    assert mediation.case_id is not None
    for i in range(20):
        case_services.note_add(actor=hr, case_id=mediation.case_id, text=f"verslag {i}", visibility="SHARED")
    assert {role: page_queries(client, url) for role, client in clients.items()} == few
    # The mediator's verified device is kept (ADR 0203); the session is read with its person (ADR 0204);
    # the documents are found with the admissions the page reads anyway.
    assert max(few.values()) <= 11, few
