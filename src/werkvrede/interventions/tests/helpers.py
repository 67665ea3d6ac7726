"""Build interventieperiodes and leave for tests through the services, as people would."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from django.core.management import call_command

from werkvrede.cases import services as case_services
from werkvrede.cases.models import Case
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role
from werkvrede.interventions import services
from werkvrede.interventions.models import ConflictLeave, InterventionPeriod
from werkvrede.protocol.services import protocol_ensure_default


def employee_case(world: Any, tenant: str = "a") -> Case:
    """A case signalled by the employee against their line manager (who takes part as the other party)."""
    t = world.tenant(tenant)
    return signal(t.users[Role.EMPLOYEE], t.organisation.pk, other=t.memberships[Role.LINE_MANAGER])


def behaviour_suspected(hr: Any, case: Case, *categories: str, today: date) -> Case:
    """HR completes the intake of `case`; with `categories`, undesirable behaviour is suspected (R-100)."""
    return case_services.case_complete_intake(
        actor=hr,
        case_id=case.pk,
        data=case_services.IntakeInput(
            configuration="INDIVIDUAL_INDIVIDUAL",
            domains=("RELATIONS",),
            acknowledged_by_other=None,
            employee_feels_obstructed=True,
            other_feels_obstructed=False,
            undesirable_behaviour_suspected=bool(categories),
            glasl_stage=None,
            conflict_type="UNDESIRABLE_BEHAVIOUR_BASED",
            undesirable_behaviour_categories=categories,
        ),
        today=today,
    )


def intervention_recorded(hr: Any, case: Case, kind: str, *, today: date, chair_role: str = "") -> Any:
    """HR records an intervention of `kind` (REFERRAL_VP: the VP is offered, RT-2)."""
    return services.intervention_record(
        actor=hr,
        case_id=case.pk,
        data=services.InterventionInput(
            kind=kind,
            chair_role=chair_role,
            hr_attends=False,
            support_employee=True,
            support_other=True,
            planned_on=None,
            note="",
        ),
        today=today,
    )


def actor(world: Any, role: Role, tenant: str = "a") -> Any:
    t = world.tenant(tenant)
    return actor_of(t.users[role], t.organisation.pk)


def propose(
    world: Any,
    case: Case,
    *,
    start: date = date(2025, 3, 13),
    end: date = date(2025, 3, 19),
    form: str = "ALT_WORKPLACE",
    released_reason: str = "",
    exceptional_reason: str = "",
    tenant: str = "a",
) -> InterventionPeriod:
    return services.period_propose(
        actor=actor(world, Role.HR_ADVISER, tenant),
        case_id=case.pk,
        data=services.PeriodInput(
            initiated_by="BA",
            form=form,
            released_reason=released_reason,
            start_on=start,
            end_on=end,
            exceptional_reason=exceptional_reason,
        ),
        today=date(2025, 3, 12),
    )


def appointment(
    with_role: str = "LG", person: str = "de teamleider", meeting: date = date(2025, 3, 14), **kw: Any
) -> Any:
    return services.AppointmentInput(
        with_role=with_role,
        with_person=person,
        with_membership_id=kw.get("membership_id"),
        chaired_by=kw.get("chaired_by", ""),
        meeting_on=meeting,
    )


def planned_period(world: Any, case: Case, tenant: str = "a", **kw: Any) -> InterventionPeriod:
    period = propose(world, case, tenant=tenant)
    hr = actor(world, Role.HR_ADVISER, tenant)
    services.period_decide(
        actor=hr, case_id=case.pk, period_id=period.pk, approve=True, today=date(2025, 3, 12)
    )
    return services.period_record_appointment(
        actor=hr, case_id=case.pk, period_id=period.pk, data=appointment(**kw), today=date(2025, 3, 12)
    )


def requested_leave(world: Any, case: Case, tenant: str = "a") -> ConflictLeave:
    t = world.tenant(tenant)
    protocol_ensure_default(organisation=t.organisation, conflict_leave_enabled=True)
    return services.leave_request(
        actor=actor(world, Role.EMPLOYEE, tenant),
        case_id=case.pk,
        start_on=date(2025, 9, 22),
        end_on=date(2025, 9, 24),
        today=date(2025, 9, 15),
    )


def run_due(today: date, *, dry_run: bool = False) -> str:
    """Run `manage.py run_due_transitions` as cron would, on `today`; returns what it reported."""
    out = io.StringIO()
    call_command("run_due_transitions", today=today, dry_run=dry_run, stdout=out)
    return out.getvalue()
