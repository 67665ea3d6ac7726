"""Marker tests: a unique text in each data category, and exactly who sees it where.

The expectations are written out by hand from docs/rules.md (not computed from the policies), for every
organisation role with and without a role in the case. Pages: the case page and the Ziekmelding page;
API: the sick report and the advices. No marker may reach the audit log or an e-mail.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from conftest import PASSWORD, World, logged_in
from werkvrede.accounts.models import User
from werkvrede.accounts.services import membership_grant, user_create
from werkvrede.audit.models import AuditEvent
from werkvrede.cases import services as case_services
from werkvrede.cases.models import Case
from werkvrede.consent.tests.helpers import give
from werkvrede.core.refusals import NeedsAttention
from werkvrede.core.roles import Role
from werkvrede.sickness import services
from werkvrede.sickness.tests.helpers import (
    TODAY,
    as_role,
    conflict_case,
    consulted,
    finding,
    report,
    verdict,
)

D01 = "Zzmarkerdeeleen"
D02 = "Zzmarkerdeeltwee"
D03 = "Zzmarkerdeeldrie"
D04 = "Zzmarkerdeelvier"
D06 = "ACCOMMODATING"  # the other party's conflict style: the part of D06 employer roles do not see
D06_SHARED = "EMPLOYEE_ORGANISATION"  # the conflict type: the conclusion they do see (R°)
D07 = "Zzmarkerdeelzeven"  # medical grounds
D07_SHARED = "Zzmarkerversterk"  # advice on strengthening capacity (R°, D07 fn 12 in docs/rules.md)
D08 = "Zzmarkerdeelacht"
D20 = "Zzmarkertwintig"  # the purpose of a consent the employee gave to HR
ALL_MARKERS = (D01, D02, D03, D04, D06, D06_SHARED, D07, D07_SHARED, D08, D20)

EMPLOYER = {D02, D03, D04, D06_SHARED, D07_SHARED, D08}
EVERYTHING = set(ALL_MARKERS) - {D20}
# The permission matrix per column; "own" for D01: the employee party reads their own medical notes.
EXPECTED: dict[tuple[Role, bool], set[str]] = {
    # D20: the data subject and the role the consent is addressed to (D20 fn 30, docs/rules.md).
    (Role.EMPLOYEE, True): EVERYTHING | {D20},
    (Role.LINE_MANAGER, True): EMPLOYER,
    (Role.HR_ADVISER, True): EMPLOYER | {D20},
    (Role.HR_ADVISER, False): EMPLOYER | {D20},  # HR sees every case of the organisation
    (Role.CASEMANAGER, True): EMPLOYER,
    (Role.CASEMANAGER, False): EMPLOYER,
    # TD: D01 RW°, D02-D04 R, D06 RW, D07 R° (D07 fn 12 of docs/rules.md applies to TD too), D08 R.
    (Role.DELEGATED_PROFESSIONAL, True): EVERYTHING - {D07},
    (Role.OCCUPATIONAL_PHYSICIAN, True): EVERYTHING,
    # BMW: only with consent (C) — none recorded.
    (Role.COMPANY_SOCIAL_WORKER, True): set(),
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


def _person(world: World, role: Role, label: str) -> User:
    user = user_create(
        email=f"{label}-{role.value.lower()}@org-a.test", full_name=f"{label} {role.value}", password=PASSWORD
    )
    membership_grant(user=user, organisation=world.a.organisation, roles=[role])
    return user


def _client(user: User) -> Client:
    return logged_in(user)


def _build(world: World) -> Case:
    case = conflict_case(world)
    hr = as_role(world.a, Role.HR_ADVISER)
    for role in (Role.HR_ADVISER, Role.CASEMANAGER, Role.COMPANY_SOCIAL_WORKER):
        case_services.participant_add(
            actor=hr, case_id=case.pk, membership_id=world.a.memberships[role].pk, role=CASE_ROLE[role]
        )
    report(world, case, ongoing_work=D02)
    consulted(world, case, note=D01)
    verdict(world, case, "AO", degree_pct=100, limitations=D03, expected_duration=D04)
    finding(world, case, True)
    ba = as_role(world.a, Role.OCCUPATIONAL_PHYSICIAN)
    services.diagnosis_record(
        actor=ba,
        case_id=case.pk,
        data=services.DiagnosisInput(D06_SHARED, 4, "AVOIDING", D06, True),
    )
    services.capacity_record(
        actor=ba,
        case_id=case.pk,
        data=services.CapacityInput(
            "laag", "matig", "NO_MEDICAL_GROUNDS", D07, date(2025, 4, 10), D07_SHARED
        ),
    )
    data = services.AdviceInput(
        kind="REINTEGRATION",
        content=("REINTEGRATION", "CONVERSATION"),
        resumption_condition="NONE",
        reintegration_condition="NONE",
        recommends_termination=False,
        recommends_resignation=False,
        not_able_to_converse=False,
        not_able_medical_grounds=False,
        review_date=None,
        solution_direction="Gesprek met een derde",
        text=D08,
        employer_recipients=("HR",),
    )
    try:
        services.advice_send(actor=ba, case_id=case.pk, data=data, today=TODAY)
    except NeedsAttention as exc:
        reasons = {f.code: "gehoord" for f in exc.findings if f.severity.value == "WARN+J"}
        warned = tuple(f.code for f in exc.findings if f.severity.value == "WARN")
        data = services.AdviceInput(**{**data.__dict__, "justifications": reasons, "acknowledged": warned})
        services.advice_send(actor=ba, case_id=case.pk, data=data, today=TODAY)
    give(world, role="HR", purpose=D20)
    return case


def _seen(client: Client, case: Case) -> tuple[set[str], dict[str, str]]:
    bodies = {
        "case page": client.get(f"/zaken/{case.pk}/").content.decode(),
        "sickness page": client.get(f"/ziekmelding/{case.pk}/").content.decode(),
        "sick-report API": client.get(f"/api/v1/cases/{case.pk}/sick-report").content.decode(),
        "advices API": client.get(f"/api/v1/cases/{case.pk}/advices").content.decode(),
        "consents page": client.get("/toestemming/").content.decode(),
        "consents API": client.get("/api/v1/consents").content.decode(),
    }
    return {m for m in ALL_MARKERS if any(m in body for body in bodies.values())}, bodies


@pytest.fixture
def marked(world: World) -> Case:
    return _build(world)


@pytest.mark.parametrize(("role", "with_case_role"), VARIANTS, ids=[f"{r.value}-{w}" for r, w in VARIANTS])
def test_each_marker_appears_exactly_where_the_matrix_says(
    world: World, marked: Case, role: Role, with_case_role: bool
) -> None:
    user = world.a.users[role] if with_case_role else _person(world, role, "zonder")
    seen, bodies = _seen(_client(user), marked)
    assert seen == EXPECTED.get((role, with_case_role), set())
    if seen:
        # What one may see is the same in the pages and the API (medical notes are not in the API;
        # the page shows choices by their label, the API by their code).
        page = {m for m in ALL_MARKERS if m in bodies["sickness page"]}
        api = {m for m in ALL_MARKERS if m in bodies["sick-report API"] + bodies["advices API"]}
        assert page - {D01, D06, D06_SHARED, D20} == api - {D01, D06, D06_SHARED, D20}
        assert (D06 in api) == (D06 in EXPECTED[(role, with_case_role)])


def test_the_other_party_sees_nothing_of_the_sick_report(world: World, marked: Case) -> None:
    other = _person(world, Role.EMPLOYEE, "wederpartij")
    membership = other.memberships.get()
    case_services.participant_add(
        actor=as_role(world.a, Role.HR_ADVISER), case_id=marked.pk, membership_id=membership.pk, role="WP"
    )
    client = _client(other)
    seen, _bodies = _seen(client, marked)
    assert seen == set()
    assert client.get(f"/ziekmelding/{marked.pk}/").status_code == 404
    assert client.get(f"/api/v1/cases/{marked.pk}/sick-report").status_code == 404


def test_no_marker_in_the_audit_log_or_an_e_mail(
    world: World, marked: Case, client_as: Callable[..., Any]
) -> None:
    for role in (Role.OCCUPATIONAL_PHYSICIAN, Role.HR_ADVISER, Role.EMPLOYEE):
        _seen(client_as(role), marked)
    logged = " ".join(str(e.data) + e.object_id + e.legal_basis for e in AuditEvent.objects.all())
    assert not [m for m in ALL_MARKERS if m in logged]
    sent = " ".join(f"{m.subject} {m.body}" for m in mail.outbox)
    assert not [m for m in ALL_MARKERS if m in sent]
