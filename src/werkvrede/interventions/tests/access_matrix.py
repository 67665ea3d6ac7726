from typing import Any

from tests.security.matrix import ALL, Row
from werkvrede.core.roles import Role
from werkvrede.interventions.tests.helpers import employee_case, propose, requested_leave

# A case signalled by the employee against their line manager (the line manager takes part as the
# other party, WP): D09 is read by HR and CM of the organisation and by the employee; the other party
# sees only a neutral status in the section.
SECTION_VIEWERS = frozenset({Role.HR_ADVISER, Role.CASEMANAGER, Role.EMPLOYEE, Role.LINE_MANAGER})
RECORD_READERS = frozenset({Role.HR_ADVISER, Role.CASEMANAGER, Role.EMPLOYEE})
WRITERS = frozenset({Role.HR_ADVISER, Role.CASEMANAGER})
# The API refuses an operation with 403 to those who see the case; the record (period, leave) is
# looked up after that check, so the 403 does not tell whether it exists.


def case_in(world: Any, tenant: str) -> dict[str, int]:
    return {"case_id": employee_case(world, tenant).pk}


def period_in(world: Any, tenant: str) -> dict[str, int]:
    case = employee_case(world, tenant)
    return {"case_id": case.pk, "period_id": propose(world, case, tenant=tenant).pk}


def leave_in(world: Any, tenant: str) -> dict[str, int]:
    case = employee_case(world, tenant)
    return {"case_id": case.pk, "leave_id": requested_leave(world, case, tenant).pk}


def intervention_in(world: Any, tenant: str) -> dict[str, int]:
    from datetime import date

    from werkvrede.interventions import services
    from werkvrede.interventions.tests.helpers import actor

    case = employee_case(world, tenant)
    data = services.InterventionInput(
        kind="CONVERSATION", chair_role="", hr_attends=False, support_employee=None, support_other=None,
        planned_on=None, note="",
    )  # fmt: skip
    hr = actor(world, Role.HR_ADVISER, tenant)
    recorded = services.intervention_record(actor=hr, case_id=case.pk, data=data, today=date(2025, 3, 5))
    return {"case_id": case.pk, "intervention_id": recorded.pk}


ROWS = {
    "interventions:appointments": Row("get", ALL - {Role.ADMIN}, 200),
    "interventions:section": Row("get", SECTION_VIEWERS, 200, object_in=case_in),
    "interventions:period-new": Row(
        "get", WRITERS, 200, object_in=case_in, forbidden=frozenset({Role.LINE_MANAGER, Role.EMPLOYEE})
    ),
    "interventions:period": Row(
        "get", RECORD_READERS, 200, object_in=period_in, forbidden=frozenset({Role.LINE_MANAGER})
    ),
    "interventions:leave-new": Row(
        "get",
        frozenset({Role.EMPLOYEE}),
        200,
        object_in=case_in,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER, Role.LINE_MANAGER}),
    ),
    "interventions:leave": Row(
        "get", RECORD_READERS, 200, object_in=leave_in, forbidden=frozenset({Role.LINE_MANAGER})
    ),
    "interventions:intervention": Row("get", SECTION_VIEWERS, 200, object_in=intervention_in),
    "interventions:intervention-new": Row(
        "get", WRITERS, 200, object_in=case_in, forbidden=frozenset({Role.LINE_MANAGER, Role.EMPLOYEE})
    ),
}


def _next_monday() -> Any:
    from datetime import timedelta

    from django.utils import timezone

    day = timezone.localdate() + timedelta(days=7)
    while day.weekday() != 0:
        day += timedelta(days=1)
    return day


def _leave_body(world: Any) -> dict[str, str]:
    from datetime import timedelta

    from werkvrede.protocol.services import protocol_ensure_default

    protocol_ensure_default(organisation=world.a.organisation, conflict_leave_enabled=True)
    start = _next_monday()
    return {"start_on": start.isoformat(), "end_on": (start + timedelta(days=2)).isoformat()}


def _period_body(world: Any) -> dict[str, str]:
    from datetime import timedelta

    start = _next_monday()
    return {"initiated_by": "HR", "form": "ALT_WORKPLACE", "start_on": start.isoformat(),
            "end_on": (start + timedelta(days=6)).isoformat()}  # fmt: skip


APPOINTMENT = {"with_role": "HR", "with_person": "Ria", "meeting_on": "2025-09-23"}

ROWS |= {
    "api:case-interventions": Row("get", SECTION_VIEWERS, 200, object_in=case_in),
    "api:intervention-periods": Row(
        "post",
        WRITERS,
        201,
        object_in=case_in,
        body=_period_body,
        json=True,
        forbidden=SECTION_VIEWERS - WRITERS,
    ),
    "api:intervention-period-step": Row(
        "post",
        frozenset({Role.HR_ADVISER}),
        200,
        object_in=period_in,
        body=lambda w: {"step": "approve"},
        json=True,
        forbidden=SECTION_VIEWERS - {Role.HR_ADVISER},
    ),
    "api:conflict-leave": Row(
        "post",
        frozenset({Role.EMPLOYEE}),
        201,
        object_in=case_in,
        body=_leave_body,
        json=True,
        forbidden=SECTION_VIEWERS - {Role.EMPLOYEE},
    ),
    "api:conflict-leave-step": Row(
        "post",
        frozenset({Role.HR_ADVISER}),
        200,
        object_in=leave_in,
        body=lambda w: {"step": "approve", "appointment": APPOINTMENT},
        json=True,
        forbidden=SECTION_VIEWERS - {Role.HR_ADVISER},
    ),
    # Starting is the writers'; the parties see the intervention (403), confirming is theirs (ADR 0107).
    "api:intervention-step": Row(
        "post",
        WRITERS,
        200,
        object_in=intervention_in,
        body=lambda w: {"step": "start"},
        json=True,
        forbidden=SECTION_VIEWERS - WRITERS,
    ),
    "api:interventions": Row(
        "post",
        WRITERS,
        201,
        object_in=case_in,
        body=lambda w: {"kind": "CONVERSATION"},
        json=True,
        forbidden=SECTION_VIEWERS - WRITERS,
    ),
}
