"""SM-1 rows 7 and 10-12: the case's state follows its mediation
(docs/adr/0163-the-case-follows-its-mediation.md).

Before, a case kept "Intake" while its mediation ran and after it ended.
"""

from __future__ import annotations

from typing import Any

from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import Case, CaseState, TimelineEvent
from werkvrede.core.roles import Role
from werkvrede.mediation import services
from werkvrede.mediation.models import MediationState
from werkvrede.mediation.tests.helpers import (
    FULL_AGREEMENT,
    TODAY,
    actor,
    employee_case,
    in_intake,
    in_session,
    sign,
    signed,
)


def _state(mediation: Any) -> str:
    return Case.objects.get(pk=mediation.case_id).state


def test_the_case_enters_mediation_when_the_agreement_is_signed_by_all_sm1_row_7(world: Any) -> None:
    case = employee_case(world)
    mediation = signed(world, case=case)
    assert _state(mediation) == CaseState.MEDIATION
    moved = TimelineEvent.objects.get(case_id=case.pk, kind="case.state_changed")
    assert moved.data["state_to"] == CaseState.MEDIATION
    assert AuditEvent.objects.filter(action="cases.case.moved", data__event="mediation_started").count() == 1


def test_an_unsigned_agreement_leaves_the_case_where_it_is_near_miss(world: Any) -> None:
    mediation = in_intake(world)
    doc = services.agreement_draft(
        actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk,
        data=FULL_AGREEMENT, today=TODAY,
    )  # fmt: skip
    sign(world, mediation, doc, Role.EMPLOYEE)
    sign(world, mediation, doc, Role.LINE_MANAGER)
    assert _state(mediation) == CaseState.SIGNALLED


def test_a_withdrawal_takes_the_case_back_to_a_facilitated_conversation_sm1_row_12(world: Any) -> None:
    mediation = in_session(world)
    services.party_withdraw(
        actor=actor(world, Role.EMPLOYEE), mediation_id=mediation.pk,
        typed_name=world.a.users[Role.EMPLOYEE].full_name, today=TODAY,
    )  # fmt: skip
    mediation.refresh_from_db()
    assert mediation.state == MediationState.ENDED_NO_AGREEMENT
    assert _state(mediation) == CaseState.FACILITATED_CONVERSATION
    # Nothing of why the mediation ended reaches the case (R-084): only SM-1's event.
    moved = AuditEvent.objects.filter(action="cases.case.moved").order_by("-pk").first()
    assert moved is not None and moved.data["event"] == "mediation_ended_no_agreement"


def test_a_restoration_agreement_resolves_the_case_sm1_row_10(world: Any) -> None:
    mediation = in_session(world)
    doc = services.outcome_draft(
        actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk,
        data=services.OutcomeInput(
            kind="ARRANGEMENT", points=["Afspraak"], ends_mediation=True, ended_on=TODAY
        ),
        today=TODAY,
    )  # fmt: skip
    sign(world, mediation, doc, Role.EMPLOYEE)
    sign(world, mediation, doc, Role.LINE_MANAGER)
    mediation.refresh_from_db()
    assert mediation.state == MediationState.ENDED_WITH_AGREEMENT
    assert _state(mediation) == CaseState.RESOLVED_CONTINUED


def test_a_closed_case_is_not_reopened_by_its_mediation_near_miss(world: Any) -> None:
    mediation = in_intake(world)
    Case.objects.filter(pk=mediation.case_id or 0).update(state=CaseState.CLOSED)
    doc = services.agreement_draft(
        actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk, data=FULL_AGREEMENT, today=TODAY
    )
    for role in (Role.EMPLOYEE, Role.LINE_MANAGER, Role.MEDIATOR):
        sign(world, mediation, doc, role)
    mediation.refresh_from_db()
    assert mediation.state == MediationState.AGREEMENT_SIGNED
    assert _state(mediation) == CaseState.CLOSED
