"""Marker tests for D09 (docs/rules.md): plant unique text in the records and look for it everywhere.

D09: WN R · LG/HR/CM RW · TD/BA R · BMW and VP R only the appointment details when they are the
appointed contact (fn 14) · WP N (neutral status only) · MED — · ADM —.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.services import participant_add
from werkvrede.core.roles import Role
from werkvrede.interventions import services
from werkvrede.interventions.tests.helpers import actor, employee_case, propose, requested_leave, run_due

REASON = "MARKER-REASON-D09"
EXCEPTIONAL = "MARKER-EXCEPTIONAL-D09"
PERIOD_CONTACT = "MARKER-PERIODCONTACT-D09"
LEAVE_CONTACT = "MARKER-LEAVECONTACT-D09"
ALL_MARKERS = {REASON, EXCEPTIONAL, PERIOD_CONTACT, LEAVE_CONTACT}
EVERYTHING = frozenset(ALL_MARKERS)
NOTHING: frozenset[str] = frozenset()


def _dossier(
    world: World, *, extra_case_role: str | None = None, extra_user_role: Role | None = None
) -> dict[str, int]:
    case = employee_case(world)
    hr = actor(world, Role.HR_ADVISER)
    participant_add(
        actor=hr,
        case_id=case.pk,
        membership_id=world.a.memberships[Role.COMPANY_SOCIAL_WORKER].pk,
        role="BMW",
    )
    if extra_case_role and extra_user_role:
        participant_add(
            actor=hr,
            case_id=case.pk,
            membership_id=world.a.memberships[extra_user_role].pk,
            role=extra_case_role,
        )
    period = propose(
        world,
        case,
        start=date(2025, 3, 13),
        end=date(2025, 3, 22),
        form="RELEASED_FROM_WORK",
        released_reason=REASON,
        exceptional_reason=EXCEPTIONAL,
    )
    services.period_decide(
        actor=hr, case_id=case.pk, period_id=period.pk, approve=True, today=date(2025, 3, 12)
    )
    services.period_record_appointment(
        actor=hr,
        case_id=case.pk,
        period_id=period.pk,
        today=date(2025, 3, 12),
        data=services.AppointmentInput(
            with_role="VP",
            with_person=PERIOD_CONTACT,
            chaired_by="HR",
            meeting_on=date(2025, 3, 14),
            with_membership_id=world.a.memberships[Role.CONFIDENTIAL_ADVISER].pk,
        ),
    )
    run_due(date(2025, 3, 13))
    leave = requested_leave(world, case)
    services.leave_approve(
        actor=hr,
        case_id=case.pk,
        leave_id=leave.pk,
        today=date(2025, 9, 15),
        appointment=services.AppointmentInput(
            with_role="BMW",
            with_person=LEAVE_CONTACT,
            chaired_by="",
            meeting_on=date(2025, 9, 23),
            with_membership_id=world.a.memberships[Role.COMPANY_SOCIAL_WORKER].pk,
        ),
    )
    return {"case_id": case.pk, "period_id": period.pk, "leave_id": leave.pk}


def _seen(client: Client, ids: dict[str, int]) -> set[str]:
    urls = [
        reverse("interventions:section", kwargs={"case_id": ids["case_id"]}),
        reverse("interventions:period", kwargs={"case_id": ids["case_id"], "period_id": ids["period_id"]}),
        reverse("interventions:leave", kwargs={"case_id": ids["case_id"], "leave_id": ids["leave_id"]}),
        reverse("interventions:appointments"),
        reverse("cases:detail", kwargs={"case_id": ids["case_id"]}),
        reverse("api:case-interventions", kwargs={"case_id": ids["case_id"]}),
    ]
    text = " ".join(client.get(url).content.decode() for url in urls)
    return {marker for marker in ALL_MARKERS if marker in text}


# Organisation roles without an extra case role. The employee is the party (WN), the line manager the
# other party (WP), the BMW takes part and is the appointed contact for the leave, the VP for the period.
EXPECTED = {
    Role.EMPLOYEE: EVERYTHING,
    Role.HR_ADVISER: EVERYTHING,
    Role.CASEMANAGER: EVERYTHING,
    Role.LINE_MANAGER: NOTHING,
    Role.OCCUPATIONAL_PHYSICIAN: NOTHING,
    Role.DELEGATED_PROFESSIONAL: NOTHING,
    Role.COMPANY_SOCIAL_WORKER: frozenset({LEAVE_CONTACT}),
    Role.CONFIDENTIAL_ADVISER: frozenset({PERIOD_CONTACT}),
    Role.MEDIATOR: NOTHING,
    Role.ADMIN: NOTHING,
}


@pytest.mark.parametrize("role", list(EXPECTED), ids=[r.value for r in EXPECTED])
def test_each_role_sees_exactly_what_d09_allows(
    world: World, client_as: Callable[..., Client], role: Role
) -> None:
    ids = _dossier(world)
    assert _seen(client_as(role), ids) == EXPECTED[role]


@pytest.mark.parametrize(
    ("role", "case_role", "expected"),
    [
        (Role.OCCUPATIONAL_PHYSICIAN, "BA", EVERYTHING),
        (Role.DELEGATED_PROFESSIONAL, "TD", EVERYTHING),
        (Role.LINE_MANAGER, "LG", EVERYTHING),  # the line manager in the case (besides being the other party)
    ],
)
def test_a_case_role_opens_the_records(
    world: World, client_as: Callable[..., Client], role: Role, case_role: str, expected: frozenset[str]
) -> None:
    ids = _dossier(world, extra_case_role=case_role, extra_user_role=role)
    assert _seen(client_as(role), ids) == expected


def test_the_other_party_gets_a_neutral_status_only(world: World, client_as: Callable[..., Client]) -> None:
    ids = _dossier(world)
    client = client_as(Role.LINE_MANAGER)
    page = client.get(reverse("interventions:section", kwargs={"case_id": ids["case_id"]})).content.decode()
    assert "13 maart 2025" in page and "Vrijgesteld" not in page
    data = client.get(reverse("api:case-interventions", kwargs={"case_id": ids["case_id"]})).json()
    assert data["level"] == "NEUTRAL" and data["periods"] == [] and data["leaves"] == []
    assert {s["kind"] for s in data["neutral"]} == {"period", "leave"}


def test_another_organisation_sees_nothing(world: World, client_as: Callable[..., Client]) -> None:
    ids = _dossier(world)
    for role in Role:
        assert _seen(client_as(role, "b"), ids) == NOTHING


def test_no_audit_event_holds_a_marker(world: World) -> None:
    _dossier(world)
    data = json.dumps([event.data for event in AuditEvent.objects.all()])
    assert AuditEvent.objects.filter(action__startswith="interventions.").count() >= 5
    assert not {marker for marker in ALL_MARKERS if marker in data}
