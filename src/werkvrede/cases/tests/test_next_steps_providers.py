""" "Wat nu?" items for contact requests, new VP reports, supporter invitations and termination
agreements to sign: each fires for the person it waits for, and never for anyone else."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.test import Client
from django.utils import timezone

from conftest import World
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.confidential.tests.helpers import contact_report, named_report
from werkvrede.contact.tests.helpers import request_to
from werkvrede.core.next_steps import NextStep, next_steps_for
from werkvrede.core.roles import Role
from werkvrede.mediation import termination
from werkvrede.mediation.models import ChecklistItem
from werkvrede.mediation.tests.helpers import employee_case
from werkvrede.supporters.tests.helpers import grant_in


def _steps(world: World, role: Role, tenant: str = "a", kind: str = "") -> list[NextStep]:
    t = world.tenant(tenant)
    actor = actor_of(t.users[role], t.organisation.pk)
    return [s for s in next_steps_for(actor, today=timezone.localdate()) if s.kind == kind]


def test_a_new_contact_request_waits_for_the_mediator_until_taken(
    world: World, client_as: Callable[..., Client]
) -> None:
    assert _steps(world, Role.MEDIATOR, kind="contact.request") == []  # nothing pending
    request = request_to(world, "a")
    [step] = _steps(world, Role.MEDIATOR, kind="contact.request")
    assert step.url == f"/contact/aanvragen/{request.pk}/" or str(request.pk) in step.url
    html = client_as(Role.MEDIATOR).get("/").content.decode()
    assert "Nieuwe contactaanvraag" in html and step.url in html
    assert _steps(world, Role.MEDIATOR, "b", kind="contact.request") == []  # another mediator
    assert _steps(world, Role.HR_ADVISER, kind="contact.request") == []
    request.status = request.Status.TAKEN
    request.taken_by = world.a.users[Role.MEDIATOR]
    request.save()
    assert _steps(world, Role.MEDIATOR, kind="contact.request") == []  # taken: done


def test_a_new_vp_report_waits_for_the_vertrouwenspersoon_until_the_intake(world: World) -> None:
    named_report(world, "a")  # at INTAKE already: no first contact waiting
    assert _steps(world, Role.CONFIDENTIAL_ADVISER, kind="confidential.new_report") == []
    report = contact_report(world, "a")
    [step] = _steps(world, Role.CONFIDENTIAL_ADVISER, kind="confidential.new_report")
    assert str(report.pk) in step.url
    assert _steps(world, Role.CONFIDENTIAL_ADVISER, "b", kind="confidential.new_report") == []
    for role in (Role.EMPLOYEE, Role.HR_ADVISER):  # the melder and HR never see the VP's items
        assert _steps(world, role, kind="confidential.new_report") == []


def test_a_supporter_invitation_waits_until_the_supporter_opens_it(
    world: World, client_as: Callable[..., Client]
) -> None:
    assert _steps(world, Role.SUPPORTER, kind="supporters.invitation") == []
    grant = grant_in(world, "a")
    [step] = _steps(world, Role.SUPPORTER, kind="supporters.invitation")
    assert world.a.users[Role.EMPLOYEE].full_name in str(step.text)
    assert _steps(world, Role.SUPPORTER, "b", kind="supporters.invitation") == []
    assert _steps(world, Role.EMPLOYEE, kind="supporters.invitation") == []
    assert client_as(Role.SUPPORTER).get(step.url).status_code == 200  # opening accepts it
    grant.refresh_from_db()
    assert grant.accepted_at is not None
    assert _steps(world, Role.SUPPORTER, kind="supporters.invitation") == []


def _draft(world: World) -> Any:
    t = world.a
    return termination.termination_create(
        actor=actor_of(t.users[Role.HR_ADVISER], t.organisation.pk),
        case_id=employee_case(world).pk,
        data=termination.TerminationInput(
            employee_id=t.users[Role.EMPLOYEE].pk,
            employer_signatory_id=t.users[Role.HR_ADVISER].pk,
            end_of_employment_on=date(2025, 6, 1),
            checklist=[c.value for c in ChecklistItem],
        ),
        today=timezone.localdate(),
    )


def test_a_termination_agreement_waits_for_each_signer_until_they_signed(world: World) -> None:
    assert _steps(world, Role.EMPLOYEE, kind="mediation.termination_sign") == []
    ta = _draft(world)
    for role in (Role.EMPLOYEE, Role.HR_ADVISER):
        [step] = _steps(world, role, kind="mediation.termination_sign")
        assert step.code == "R-091" and str(ta.pk) in step.url
    for role in (Role.CASEMANAGER, Role.LINE_MANAGER, Role.OCCUPATIONAL_PHYSICIAN):  # not signers
        assert _steps(world, role, kind="mediation.termination_sign") == []
    assert _steps(world, Role.EMPLOYEE, "b", kind="mediation.termination_sign") == []
    t = world.a
    termination.termination_sign(
        actor=actor_of(t.users[Role.EMPLOYEE], t.organisation.pk),
        agreement_id=ta.pk,
        typed_name=t.users[Role.EMPLOYEE].full_name,
        today=timezone.localdate(),
    )
    assert _steps(world, Role.EMPLOYEE, kind="mediation.termination_sign") == []  # signed: done
    assert len(_steps(world, Role.HR_ADVISER, kind="mediation.termination_sign")) == 1
