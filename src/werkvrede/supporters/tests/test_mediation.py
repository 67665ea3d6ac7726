"""Supporters and mediation: D14 status notices, admission under CC-8, and revocation ending it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World
from werkvrede.core.roles import Role
from werkvrede.mediation import services as mediation_services
from werkvrede.mediation.tests.helpers import TODAY, actor, signed
from werkvrede.supporters.tests.helpers import admit_supporter, case_of, grant_in

pytestmark = pytest.mark.django_db


def test_the_supporter_sees_the_status_notice_and_after_admission_the_mediation(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = case_of(world, "a")
    grant = grant_in(world, "a", case=case)
    supporter = client_as(Role.SUPPORTER)
    page = reverse("supporters:grant", kwargs={"grant_id": grant.pk})
    assert "Er is (nog) geen mediation." in supporter.get(page).content.decode()

    mediation = signed(world, case=case)
    assert mediation.started_on is not None
    content = supporter.get(page).content.decode()
    assert "Mediation gestart op" in content
    assert "niet toegelaten" in content
    detail = reverse("mediation:detail", kwargs={"mediation_id": mediation.pk})
    assert detail not in content
    api = supporter.get(reverse("api:supporters-grant", kwargs={"grant_id": grant.pk})).json()
    assert len(api["mediation_notices"]) == 1 and api["admitted_mediation_ids"] == []

    admission = admit_supporter(world, grant, mediation.pk)
    assert admission.admitted_at is not None
    content = supporter.get(page).content.decode()
    assert detail in content
    assert supporter.get(detail).status_code == 200

    # Revoking the grant ends the admission in the same step: the next request is refused.
    employee = client_as(Role.EMPLOYEE)
    assert employee.post(reverse("supporters:revoke", kwargs={"grant_id": grant.pk})).status_code == 302
    admission.refresh_from_db()
    assert admission.revoked_at is not None
    assert supporter.get(detail).status_code == 404
    assert supporter.get(page).status_code == 404


def test_the_employee_and_other_roles_get_no_supporter_mediation_block(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = case_of(world, "a")
    grant = grant_in(world, "a", case=case)
    signed(world, case=case)
    content = client_as(Role.EMPLOYEE).get(reverse("supporters:grant", kwargs={"grant_id": grant.pk})).content
    assert "Mediation gestart op" not in content.decode()  # the employee sees the mediation itself


def test_the_next_session_shows_for_the_employee_and_for_the_supporter_once_admitted(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = case_of(world, "a")
    grant = grant_in(world, "a", case=case)
    mediation = signed(world, case=case)
    page = reverse("supporters:grant", kwargs={"grant_id": grant.pk})
    t = world.a
    starts_at = timezone.now() + timedelta(days=7)
    mediation_services.session_plan(
        actor=actor(world, Role.MEDIATOR),
        mediation_id=mediation.pk,
        data=mediation_services.SessionInput(
            starts_at=starts_at,
            duration_minutes=90,
            participant_ids=[t.users[Role.EMPLOYEE].pk, t.users[Role.LINE_MANAGER].pk],
        ),
        today=TODAY,
    )
    assert "Volgend gesprek" in client_as(Role.EMPLOYEE).get(page).content.decode()
    supporter = client_as(Role.SUPPORTER)
    assert "Volgend gesprek" not in supporter.get(page).content.decode()  # not admitted, not invited

    admit_supporter(world, grant, mediation.pk)
    mediation_services.session_plan(
        actor=actor(world, Role.MEDIATOR),
        mediation_id=mediation.pk,
        data=mediation_services.SessionInput(
            starts_at=starts_at + timedelta(days=7),
            duration_minutes=60,
            participant_ids=[t.users[Role.EMPLOYEE].pk, t.users[Role.LINE_MANAGER].pk, grant.supporter_id],
        ),
        today=TODAY,
    )
    content = supporter.get(page).content.decode()
    assert "Volgend gesprek" in content and "60 minuten" in content and "Videoverbinding" in content
