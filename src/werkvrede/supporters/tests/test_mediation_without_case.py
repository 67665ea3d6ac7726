"""A supporter for a party of a mediation without a case: the grant belongs to the mediation (ADR 0040)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.core.policy import AccessDenied
from werkvrede.core.roles import Role
from werkvrede.mediation.selectors import mediation_get_for
from werkvrede.mediation.tests.helpers import in_intake
from werkvrede.supporters import services
from werkvrede.supporters.models import SupporterGrant
from werkvrede.supporters.tests.helpers import admit_supporter, direct_mediation, mediation_grant_in

pytestmark = pytest.mark.django_db


def test_a_party_invites_a_supporter_to_a_mediation_without_a_case(
    world: World, client_as: Callable[..., Client]
) -> None:
    mediation = direct_mediation(world)
    assert mediation.case_id is None
    employee = client_as(Role.EMPLOYEE)
    section = reverse("supporters:mediation", kwargs={"mediation_id": mediation.pk})
    assert employee.get(section).status_code == 200
    response = employee.post(
        reverse("supporters:mediation-invite", kwargs={"mediation_id": mediation.pk}),
        {"full_name": "Sam Steun", "email": world.a.users[Role.SUPPORTER].email},
    )
    assert response.status_code == 302
    grant = SupporterGrant.objects.get(mediation=mediation)
    assert grant.case_id is None and grant.employee_id == world.a.users[Role.EMPLOYEE].pk
    assert "Sam Steun" in employee.get(section).content.decode()


def test_the_supporter_sees_the_status_then_after_admission_the_mediation_and_revocation_ends_it(
    world: World, client_as: Callable[..., Client]
) -> None:
    grant = mediation_grant_in(world, "a")
    supporter = client_as(Role.SUPPORTER)
    page = reverse("supporters:grant", kwargs={"grant_id": grant.pk})
    assert supporter.get(page).status_code == 200
    detail = reverse("mediation:detail", kwargs={"mediation_id": grant.mediation_id})
    assert supporter.get(detail).status_code == 404  # not admitted (CC-8): nothing of the mediation
    assert grant.mediation_id is not None
    admission = admit_supporter(world, grant, grant.mediation_id)
    assert admission.admitted_at is not None
    assert detail in supporter.get(page).content.decode()
    assert supporter.get(detail).status_code == 200
    employee = client_as(Role.EMPLOYEE)
    assert employee.post(reverse("supporters:revoke", kwargs={"grant_id": grant.pk})).status_code == 302
    admission.refresh_from_db()
    assert admission.revoked_at is not None
    assert supporter.get(detail).status_code == 404
    assert supporter.get(page).status_code == 404


def test_the_mediator_and_others_cannot_invite_for_a_party(world: World) -> None:
    mediation = direct_mediation(world)
    t = world.a
    for role in (Role.MEDIATOR,):
        a = actor_of(t.users[role], t.organisation.pk)
        with pytest.raises(AccessDenied):
            services.supporter_invite_to_mediation(
                actor=a, access=mediation_get_for(a, mediation.pk), email="x@example.test", full_name="X"
            )


def test_a_mediation_with_a_case_keeps_the_grant_on_the_case_near_miss(
    world: World, client_as: Callable[..., Client]
) -> None:
    mediation = in_intake(world)
    assert mediation.case_id is not None
    section = reverse("supporters:mediation", kwargs={"mediation_id": mediation.pk})
    assert client_as(Role.EMPLOYEE).get(section).status_code == 403


def test_a_party_of_the_mediation_cannot_be_its_supporter(world: World) -> None:
    from werkvrede.accounts.models import Invitation
    from werkvrede.mediation import services as mediation_services
    from werkvrede.mediation.models import PartySide
    from werkvrede.mediation.tests.helpers import TODAY, actor

    t = world.a
    # The SUP user (no other role in the organisation) is the other party here.
    mediation = mediation_services.mediation_create_direct(
        actor=actor(world, Role.MEDIATOR),
        data=mediation_services.ReferralInput(
            subject="Samenwerking",
            parties=[
                mediation_services.PartyInput(t.users[Role.EMPLOYEE].pk, PartySide.EMPLOYEE),
                mediation_services.PartyInput(t.users[Role.SUPPORTER].pk, PartySide.OTHER),
            ],
        ),
        today=TODAY,
    )
    employee = actor_of(t.users[Role.EMPLOYEE], t.organisation.pk)
    grant = services.supporter_invite_to_mediation(
        actor=employee, access=mediation_get_for(employee, mediation.pk),
        email=t.users[Role.SUPPORTER].email, full_name="Steun",
    )  # fmt: skip
    invitation = Invitation.objects.get(reference=str(grant.pk), purpose=services.INVITATION_PURPOSE)
    assert services.acceptance_problem(invitation) is not None
