"""Marker tests for the Poortwachter documents (D10): who reads a signed one, who a draft, over every role.

Written out by hand from the permission matrix (docs/rules.md, D10 row and fn 15-17): the employee of
the case, LG, HR, CM, TD and BA read a signed document; the mediator, the vertrouwenspersoon, the
bedrijfsmaatschappelijk werker, the other party and a supporter (no consent) read nothing. A draft is
read only by those who write that kind and by its signers. The probleemanalyse's medical part is a
sealed medical note (D01): it reaches no Poortwachter page, listing or file, only the D01 readers' notes;
no marker reaches the audit log.
"""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import PASSWORD, World, logged_in
from werkvrede.accounts.models import User
from werkvrede.accounts.services import membership_grant, user_create
from werkvrede.audit.models import AuditEvent
from werkvrede.cases import services as case_services
from werkvrede.cases.models import Case
from werkvrede.core.roles import Role
from werkvrede.sickness import wvp
from werkvrede.sickness.tests.helpers import (
    TODAY,
    as_role,
    conflict_case,
    consulted,
    finding,
    pa_draft,
    report,
    sign_as,
    verdict,
)
from werkvrede.supporters.tests.helpers import grant_in

SIGNED = "Zzmarkerwvpgetekend"  # the conflict advice in the signed probleemanalyse
DRAFT = "Zzmarkerwvpconcept"  # the goal of the unsigned plan van aanpak
MEDICAL = "Zzmarkerwvpmedisch"  # the probleemanalyse's medical part (D01, sealed)
ALL_MARKERS = (SIGNED, DRAFT, MEDICAL)

READERS = {SIGNED}
EMPLOYER = {SIGNED, DRAFT}  # LG, HR, CM write the plan: they read its draft
EXPECTED: dict[tuple[Role, bool], set[str]] = {
    (Role.EMPLOYEE, True): {SIGNED, DRAFT},  # W6; and they co-sign the plan
    (Role.LINE_MANAGER, True): EMPLOYER,
    (Role.HR_ADVISER, True): EMPLOYER,
    (Role.HR_ADVISER, False): EMPLOYER,  # HR and CM see every case of the organisation
    (Role.CASEMANAGER, True): EMPLOYER,
    (Role.CASEMANAGER, False): EMPLOYER,
    (Role.DELEGATED_PROFESSIONAL, True): READERS,
    (Role.OCCUPATIONAL_PHYSICIAN, True): READERS,  # the BA neither writes nor signs the plan
}
CASE_ROLE = {
    Role.EMPLOYEE: "WN",
    Role.LINE_MANAGER: "LG",
    Role.HR_ADVISER: "HR",
    Role.CASEMANAGER: "CM",
    Role.OCCUPATIONAL_PHYSICIAN: "BA",
    Role.DELEGATED_PROFESSIONAL: "TD",
    Role.COMPANY_SOCIAL_WORKER: "BMW",
}
VARIANTS = [
    (role, with_role) for role in Role for with_role in (True, False) if not with_role or role in CASE_ROLE
]


def _build(world: World) -> tuple[Case, int]:
    case = conflict_case(world)
    hr = as_role(world.a, Role.HR_ADVISER)
    for role in (Role.HR_ADVISER, Role.CASEMANAGER, Role.COMPANY_SOCIAL_WORKER):
        case_services.participant_add(
            actor=hr, case_id=case.pk, membership_id=world.a.memberships[role].pk, role=CASE_ROLE[role]
        )
    report(world, case)
    consulted(world, case)
    verdict(world, case)
    finding(world, case)
    pa = pa_draft(world, case, conflict_advice=SIGNED, medical_part=MEDICAL)
    sign_as(world, case, pa, Role.OCCUPATIONAL_PHYSICIAN)
    wvp.draft_save(
        actor=as_role(world.a, Role.LINE_MANAGER),
        case_id=case.pk,
        kind="ACTION_PLAN",
        values={"goal": DRAFT},
        today=TODAY,
    )
    grant_in(world, "a", case=case)  # a supporter invited by the employee: no consent for D10
    return case, pa.pk


def _seen(client: Client, case: Case, pa_id: int) -> set[str]:
    bodies = [
        client.get(f"/api/v1/cases/{case.pk}/wvp-documents").content.decode(),
        client.get(f"/api/v1/cases/{case.pk}/wvp-documents/{pa_id}/file?format=html").content.decode(),
        client.get(f"/ziekmelding/{case.pk}/poortwachter/PROBLEM_ANALYSIS/").content.decode(),
        client.get(f"/ziekmelding/{case.pk}/poortwachter/ACTION_PLAN/").content.decode(),
    ]
    return {m for m in ALL_MARKERS if any(m in body for body in bodies)}


def _person(world: World, role: Role) -> User:
    user = user_create(
        email=f"zonder-{role.value.lower()}@org-a.test", full_name=f"Zonder {role.value}", password=PASSWORD
    )
    membership_grant(user=user, organisation=world.a.organisation, roles=[role])
    return user


@pytest.mark.parametrize(("role", "with_case_role"), VARIANTS, ids=[f"{r.value}-{w}" for r, w in VARIANTS])
def test_each_wvp_marker_appears_exactly_where_the_matrix_says(
    world: World, role: Role, with_case_role: bool
) -> None:
    case, pa_id = _build(world)
    user = world.a.users[role] if with_case_role else _person(world, role)
    client = logged_in(user)
    assert _seen(client, case, pa_id) == EXPECTED.get((role, with_case_role), set())
    # The medical part is a sealed medical note: only the D01 readers see it, among the notes.
    section = client.get(f"/ziekmelding/{case.pk}/").content.decode()
    d01 = with_case_role and role in (Role.EMPLOYEE, Role.OCCUPATIONAL_PHYSICIAN, Role.DELEGATED_PROFESSIONAL)
    assert (MEDICAL in section) == d01


def test_the_other_party_reads_no_poortwachter_document(world: World) -> None:
    case, pa_id = _build(world)
    other = user_create(email="wederpartij@org-a.test", full_name="De Wederpartij", password=PASSWORD)
    membership = membership_grant(user=other, organisation=world.a.organisation, roles=[Role.EMPLOYEE])
    case_services.participant_add(
        actor=as_role(world.a, Role.HR_ADVISER), case_id=case.pk, membership_id=membership.pk, role="WP"
    )
    client = logged_in(other)
    assert _seen(client, case, pa_id) == set()
    assert client.get(f"/api/v1/cases/{case.pk}/wvp-documents/{pa_id}").status_code == 404


def test_no_wvp_marker_in_the_audit_log(world: World) -> None:
    case, pa_id = _build(world)
    for role in (Role.OCCUPATIONAL_PHYSICIAN, Role.HR_ADVISER, Role.EMPLOYEE):
        _seen(logged_in(world.a.users[role]), case, pa_id)
    logged = " ".join(str(e.data) + e.object_id + e.legal_basis for e in AuditEvent.objects.all())
    assert not [m for m in ALL_MARKERS if m in logged]
