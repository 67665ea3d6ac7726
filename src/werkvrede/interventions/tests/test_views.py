from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World
from werkvrede.cases.services import participant_add
from werkvrede.core.roles import Role
from werkvrede.interventions.models import (
    ConflictLeave,
    Intervention,
    InterventionPeriod,
    LeaveState,
    PeriodState,
)
from werkvrede.interventions.tests.helpers import actor, employee_case, run_due
from werkvrede.protocol.services import protocol_ensure_default


def test_a_blocked_proposal_keeps_what_was_typed_and_shows_the_code(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = employee_case(world)
    start = timezone.localdate() + timedelta(days=3)
    body = {
        "initiated_by": "HR",
        "form": "RELEASED_FROM_WORK",
        "released_reason": "",
        "start_on": start.isoformat(),
        "end_on": (start + timedelta(days=9)).isoformat(),
        "exceptional_reason": "de manager is er pas op dag 9",
    }
    url = reverse("interventions:period-new", kwargs={"case_id": case.pk})
    response = client_as(Role.HR_ADVISER).post(url, body)
    page = response.content.decode()
    assert response.status_code == 400
    assert "R-040" in page and "de manager is er pas op dag 9" in page
    assert "Zichtbaar voor" in page
    ok = client_as(Role.HR_ADVISER).post(url, {**body, "released_reason": "geen ander filiaal"})
    assert ok.status_code == 302
    period = InterventionPeriod.objects.get()
    assert period.state == PeriodState.PROPOSED and period.acknowledged == ["R-040", "R-041"]


def test_the_period_page_runs_the_steps(world: World, client_as: Callable[..., Client]) -> None:
    case = employee_case(world)
    today = timezone.localdate()
    hr = client_as(Role.HR_ADVISER)
    hr.post(
        reverse("interventions:period-new", kwargs={"case_id": case.pk}),
        {"initiated_by": "BA", "form": "ALT_WORKPLACE", "start_on": today.isoformat(),
         "end_on": (today + timedelta(days=6)).isoformat()},
    )  # fmt: skip
    period = InterventionPeriod.objects.get()
    url = reverse("interventions:period", kwargs={"case_id": case.pk, "period_id": period.pk})
    assert hr.post(url, {"step": "approve"}).status_code == 302
    late = (today + timedelta(days=10)).isoformat()
    appointment = {
        "step": "appointment",
        "with_role": "LG",
        "with_person": "Teamleider Tom",
        "meeting_on": late,
    }
    warned = hr.post(url, appointment)
    assert warned.status_code == 400 and "R-044" in warned.content.decode()
    assert "Teamleider Tom" in warned.content.decode()
    assert hr.post(url, {**appointment, "acknowledged": "R-044"}).status_code == 302
    # The start is no button any more: it follows the calendar (run_due_transitions, SM-3 row 5).
    assert hr.post(url, {"step": "start"}).status_code == 400
    page = hr.get(url).content.decode()
    assert 'value="start"' not in page and 'value="end"' not in page
    run_due(today)
    assert 'value="end"' not in hr.get(url).content.decode()
    period.refresh_from_db()
    assert period.state == PeriodState.ACTIVE and period.acknowledged == ["R-044"]


def test_the_employee_requests_leave_and_hr_approves_pointing_to_the_open_spreekuur(
    world: World, client_as: Callable[..., Client]
) -> None:
    protocol_ensure_default(organisation=world.a.organisation, conflict_leave_enabled=True)
    case = employee_case(world)
    start = timezone.localdate() + timedelta(days=7)
    while start.weekday() != 0:
        start += timedelta(days=1)
    employee = client_as(Role.EMPLOYEE)
    url = reverse("interventions:leave-new", kwargs={"case_id": case.pk})
    too_long = employee.post(
        url, {"start_on": start.isoformat(), "end_on": (start + timedelta(days=3)).isoformat()}
    )
    assert too_long.status_code == 400 and "R-052" in too_long.content.decode()
    assert (
        employee.post(
            url, {"start_on": start.isoformat(), "end_on": (start + timedelta(days=2)).isoformat()}
        ).status_code
        == 302
    )
    leave = ConflictLeave.objects.get()
    detail = reverse("interventions:leave", kwargs={"case_id": case.pk, "leave_id": leave.pk})
    approved = client_as(Role.HR_ADVISER).post(
        detail,
        {"step": "approve", "with_role": "HR", "with_person": "Ria", "meeting_on": start.isoformat()},
        follow=True,
    )
    assert "open spreekuur" in approved.content.decode()
    leave.refresh_from_db()
    assert leave.state == LeaveState.APPROVED


def test_the_section_shows_each_reader_what_they_may_see(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = employee_case(world)
    from werkvrede.interventions.tests.helpers import planned_period

    planned_period(world, case, person="Afspraakpersoon Xq")
    url = reverse("interventions:section", kwargs={"case_id": case.pk})
    full = client_as(Role.EMPLOYEE).get(url).content.decode()
    assert "Tijdelijk op een andere werkplek" in full and "RT-6" in full
    neutral = client_as(Role.LINE_MANAGER).get(url).content.decode()
    assert "13 maart 2025" in neutral and "andere werkplek" not in neutral


def test_recording_interventions_uses_the_engine(world: World, client_as: Callable[..., Client]) -> None:
    case = employee_case(world)
    url = reverse("interventions:intervention-new", kwargs={"case_id": case.pk})
    hr = client_as(Role.HR_ADVISER)
    blocked = hr.post(url, {"kind": "BMW_BEMIDDELING", "chair_role": "BMW", "support_employee": "true"})
    assert blocked.status_code == 400 and "R-062" in blocked.content.decode()
    vp = hr.post(url, {"kind": "CONVERSATION", "chair_role": "VP"})
    assert vp.status_code == 400 and "R-064" in vp.content.decode()
    ok = hr.post(url, {"kind": "REFERRAL_VP", "note": "inhoud die niet mee mag"})
    assert ok.status_code == 302
    assert Intervention.objects.get().note == ""
    assert hr.post(url, {"kind": "CONVERSATION", "hr_attends": "on"}).status_code == 302
    participant_add(
        actor=actor(world, Role.HR_ADVISER), case_id=case.pk,
        membership_id=world.a.memberships[Role.COMPANY_SOCIAL_WORKER].pk, role="BMW",
    )  # fmt: skip
    bmw = client_as(Role.COMPANY_SOCIAL_WORKER).get(
        reverse("interventions:section", kwargs={"case_id": case.pk})
    )
    assert bmw.status_code == 200 and "Gesprek tussen de partijen" in bmw.content.decode()


def test_the_case_page_has_an_interventies_tab_for_those_who_may_open_it(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = employee_case(world)
    section = reverse("interventions:section", kwargs={"case_id": case.pk})
    detail = reverse("cases:detail", kwargs={"case_id": case.pk})
    assert section in client_as(Role.HR_ADVISER).get(detail).content.decode()
    assert section in client_as(Role.LINE_MANAGER).get(detail).content.decode()


def test_the_appointment_names_its_contact_by_e_mail_not_from_a_list_of_everyone(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = employee_case(world)
    today = timezone.localdate()
    hr = client_as(Role.HR_ADVISER)
    hr.post(
        reverse("interventions:period-new", kwargs={"case_id": case.pk}),
        {"initiated_by": "BA", "form": "ALT_WORKPLACE", "start_on": today.isoformat(),
         "end_on": (today + timedelta(days=6)).isoformat()},
    )  # fmt: skip
    period = InterventionPeriod.objects.get()
    url = reverse("interventions:period", kwargs={"case_id": case.pk, "period_id": period.pk})
    hr.post(url, {"step": "approve"})
    page = hr.get(url).content.decode()
    # No <select> with every member of the organisation in the page.
    assert world.a.users[Role.COMPANY_SOCIAL_WORKER].full_name not in page
    appointment = {
        "step": "appointment",
        "with_role": "BMW",
        "with_person": "Bram BMW",
        "meeting_on": (today + timedelta(days=1)).isoformat(),
    }
    unknown = hr.post(url, {**appointment, "with_member": "niemand@elders.test"})
    assert unknown.status_code == 400
    assert "Niemand met dit e-mailadres hoort bij je organisatie." in unknown.content.decode()
    assert "Bram BMW" in unknown.content.decode()
    other_tenant = world.b.users[Role.COMPANY_SOCIAL_WORKER].email
    assert hr.post(url, {**appointment, "with_member": other_tenant}).status_code == 400
    bmw = world.a.users[Role.COMPANY_SOCIAL_WORKER].email
    assert hr.post(url, {**appointment, "with_member": bmw.upper()}).status_code == 302
    period.refresh_from_db()
    assert period.appointment is not None
    assert period.appointment.with_user_id == world.a.users[Role.COMPANY_SOCIAL_WORKER].pk
