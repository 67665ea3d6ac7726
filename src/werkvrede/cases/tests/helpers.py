"""Build cases for tests through the services, as people would."""

from __future__ import annotations

from datetime import date

from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.models import Membership, User
from werkvrede.cases import services
from werkvrede.cases.models import Case, CaseNote
from werkvrede.core.actor import Actor

# An intake that let through (SM-1 row 2).
INTAKE = services.IntakeInput(
    configuration="INDIVIDUAL_INDIVIDUAL",
    domains=("TERMS", "RELATIONS"),
    acknowledged_by_other=False,
    employee_feels_obstructed=True,
    other_feels_obstructed=False,
    undesirable_behaviour_suspected=False,
    glasl_stage=3,
    conflict_type="EMPLOYEE_MANAGER",
)


def actor_of(user: User, organisation_id: int) -> Actor:
    return actor_for(user, organisation_id)


def signal(
    by: User,
    organisation_id: int,
    *,
    employee: Membership | None = None,
    other: Membership | None = None,
    description: str = "",
    visibility: str = CaseNote.Visibility.HANDLERS,
) -> Case:
    return services.case_signal(
        actor=actor_of(by, organisation_id),
        data=services.SignalInput(
            signalled_on=date(2025, 3, 3),
            employee_membership_id=employee.pk if employee else None,
            employee_name="" if employee else "Sanne",
            other_party_name="" if other else "de teamleider",
            other_party_membership_id=other.pk if other else None,
            description=description,
            description_visibility=visibility,
        ),
    )
