"""The bedrijfsarts outside a sick report: the open spreekuur (R-135, R-136, CC-5) and CC-1."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.consent import services as consent_services
from werkvrede.consent.tests.helpers import give
from werkvrede.core.policy import AccessDenied
from werkvrede.core.refusals import Blocked
from werkvrede.core.roles import Role
from werkvrede.sickness import services
from werkvrede.sickness.models import OpenConsultation, SentAdvice
from werkvrede.sickness.tests.helpers import TODAY, as_role, conflict_case
from werkvrede.sickness.tests.test_services import advice_input

ClientAs = Callable[..., Client]
NOTE = "Zzbezoekgeheim"


def visit(world: World) -> OpenConsultation:
    return services.open_consult_record(
        actor=as_role(world.a, Role.OCCUPATIONAL_PHYSICIAN),
        employee_membership_id=world.a.memberships[Role.EMPLOYEE].pk,
        held_on=date(2025, 2, 17),
        note=NOTE,
    )


def test_the_ba_records_a_visit_the_employee_reads_it(world: World, client_as: ClientAs) -> None:
    """D01 "R (own)": the employee reads the note of her own visit (Refs #9, finding 7)."""
    visit(world)
    ba = client_as(Role.OCCUPATIONAL_PHYSICIAN).get("/ziekmelding/open-spreekuur/").content.decode()
    assert NOTE in ba and "17 februari 2025" in ba
    employee = client_as(Role.EMPLOYEE).get("/ziekmelding/open-spreekuur/").content.decode()
    assert "17 februari 2025" in employee and NOTE in employee
    employee_id = world.a.users[Role.EMPLOYEE].pk
    (read,) = AuditEvent.objects.filter(action="audit.data.read", user_id=employee_id)
    assert (read.category, read.subject_id, read.legal_basis) == ("D01", employee_id, "role:WN")


@pytest.mark.parametrize("role", [r for r in Role if r != Role.OCCUPATIONAL_PHYSICIAN])
def test_only_the_ba_records_visits(world: World, role: Role) -> None:
    with pytest.raises(AccessDenied):
        services.open_consult_record(
            actor=as_role(world.a, role),
            employee_membership_id=world.a.memberships[Role.EMPLOYEE].pk,
            held_on=TODAY,
            note="",
        )


@pytest.mark.parametrize("role", [Role.LINE_MANAGER, Role.HR_ADVISER, Role.CASEMANAGER, Role.ADMIN])
def test_no_employer_page_or_api_reveals_a_visit(world: World, client_as: ClientAs, role: Role) -> None:
    case = conflict_case(world)
    visit(world)
    client = client_as(role)
    assert client.get("/ziekmelding/open-spreekuur/").status_code == 404
    urls = [
        "/",
        "/zaken/",
        f"/zaken/{case.pk}/",
        f"/ziekmelding/{case.pk}/",
        f"/api/v1/cases/{case.pk}/sick-report",
        f"/api/v1/cases/{case.pk}/advices",
        "/api/v1/consents",
        "/toestemming/",
    ]
    for url in urls:
        body = client.get(url).content.decode()
        assert NOTE not in body and "17 februari 2025" not in body and "open spreekuur" not in body.lower()


def test_cc1_before_a_sick_report_the_ba_advises_the_employer_only_with_consent(world: World) -> None:
    case = conflict_case(world)
    ba = as_role(world.a, Role.OCCUPATIONAL_PHYSICIAN)
    data = advice_input(kind="FEEDBACK", content=("SOLUTION_DIRECTION",), text="Een gesprek met HR erbij.")
    with pytest.raises(Blocked) as caught:
        services.advice_send(actor=ba, case_id=case.pk, data=data, today=TODAY)
    assert "R-038" in {f.code for f in caught.value.findings}
    consent = give(world, role="HR", categories=("D08",))
    findings, _missing = services.advice_check(actor=ba, case_id=case.pk, data=data, today=TODAY)
    assert "R-038" not in {f.code for f in findings}
    consent_services.consent_withdraw(actor=as_role(world.a, Role.EMPLOYEE), consent_id=consent.pk)
    with pytest.raises(Blocked):
        services.advice_send(actor=ba, case_id=case.pk, data=data, today=TODAY)
    assert not SentAdvice.objects.exists()


def test_the_ba_names_the_employee_by_e_mail_and_keeps_what_was_typed(
    world: World, client_as: ClientAs
) -> None:
    ba = client_as(Role.OCCUPATIONAL_PHYSICIAN)
    page = ba.get("/ziekmelding/open-spreekuur/").content.decode()
    # No list of every employee of the organisation in the page.
    assert world.a.users[Role.EMPLOYEE].full_name not in page
    body = {"held_on": "2025-02-17", "note": NOTE}
    for wrong in ("niemand@elders.test", world.b.users[Role.EMPLOYEE].email, world.a.users[Role.ADMIN].email):
        refused = ba.post("/ziekmelding/open-spreekuur/", {**body, "employee": wrong})
        assert refused.status_code == 400
        assert "Geen werknemer van je organisatie heeft dit e-mailadres." in refused.content.decode()
        assert NOTE in refused.content.decode()
    done = ba.post(
        "/ziekmelding/open-spreekuur/", {**body, "employee": world.a.users[Role.EMPLOYEE].email.upper()}
    )
    assert done.status_code == 302
    assert (
        client_as(Role.EMPLOYEE)
        .get("/ziekmelding/open-spreekuur/")
        .content.decode()
        .count("17 februari 2025")
        == 1
    )
