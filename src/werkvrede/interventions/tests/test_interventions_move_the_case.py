"""Recorded interventions move the case (SM-1 rows 5, 6, 14) and feed the parties' attempts (I-1, I-2).

The case is signalled on 3 March 2025; I-1 needs it to be four weeks old (31 March) and an own
conversation that did not resolve it; I-2 a conversation with HR, the BMW or an ombudsman that did not.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.guideline_bridge import stored_case_advice
from werkvrede.cases.models import Case, CaseParty, CaseState
from werkvrede.core.policy import AccessDenied
from werkvrede.core.refusals import Blocked, NotPossible
from werkvrede.core.roles import Role
from werkvrede.interventions import services
from werkvrede.interventions.models import Intervention
from werkvrede.interventions.tests.helpers import actor, behaviour_suspected, employee_case

FOUR_WEEKS, THREE_WEEKS = date(2025, 3, 31), date(2025, 3, 24)


@pytest.fixture
def case(world: World) -> Case:
    """A case after its intake (SM-1 INTAKE), no undesirable behaviour suspected."""
    return behaviour_suspected(actor(world, Role.HR_ADVISER), employee_case(world), today=date(2025, 3, 4))


def _record(world: World, case: Case, kind: str = "CONVERSATION", chair_role: str = "") -> Intervention:
    return services.intervention_record(
        actor=actor(world, Role.HR_ADVISER),
        case_id=case.pk,
        data=services.InterventionInput(
            kind=kind, chair_role=chair_role, hr_attends=False, support_employee=True, support_other=True,
            planned_on=None, note="",
        ),
        today=date(2025, 3, 5),
    )  # fmt: skip


def _start(world: World, case: Case, iv: Intervention, day: date = date(2025, 3, 6)) -> Intervention:
    return services.intervention_start(
        actor=actor(world, Role.HR_ADVISER), case_id=case.pk, intervention_id=iv.pk, today=day
    )


def _end(world: World, case: Case, iv: Intervention, *, resolved: bool) -> Intervention:
    return services.intervention_end(
        actor=actor(world, Role.HR_ADVISER), case_id=case.pk, intervention_id=iv.pk, resolved=resolved,
        today=date(2025, 3, 10),
    )  # fmt: skip


def _confirm(world: World, case: Case, iv: Intervention, role: Role) -> Intervention:
    return services.intervention_confirm_resolved(
        actor=actor(world, role), case_id=case.pk, intervention_id=iv.pk, today=date(2025, 3, 11)
    )


def _state(case: Case) -> str:
    case.refresh_from_db()
    return case.state


def _indications(case: Case, today: date) -> set[str]:
    return set(stored_case_advice(case, today=today).indications)


# --- SM-1 moves ---------------------------------------------------------------------------------


def test_an_own_conversation_starting_moves_intake_to_own_conversation_row5(world: World, case: Case) -> None:
    iv = _record(world, case)
    assert _state(case) == CaseState.INTAKE  # recording (planning) it moves nothing
    _start(world, case, iv)
    assert _state(case) == CaseState.OWN_CONVERSATION
    moved = AuditEvent.objects.get(action="cases.case.moved")
    assert moved.data == {
        "event": "parties_agree_to_talk",
        "state_from": "INTAKE",
        "state_to": "OWN_CONVERSATION",
    }


@pytest.mark.parametrize(
    ("kind", "chair"), [("HR_BEMIDDELING", ""), ("CONVERSATION", "HR"), ("BMW_BEMIDDELING", "")]
)
def test_a_third_party_moves_the_case_to_a_facilitated_conversation_row6(
    world: World, case: Case, kind: str, chair: str
) -> None:
    own = _record(world, case)
    _start(world, case, own)
    _end(world, case, own, resolved=False)
    _start(world, case, _record(world, case, kind, chair))
    assert _state(case) == CaseState.FACILITATED_CONVERSATION


def test_near_miss_other_interventions_do_not_move_the_case(world: World, case: Case) -> None:
    _start(world, case, _record(world, case, "INDIVIDUAL"))
    assert _state(case) == CaseState.INTAKE
    assert not AuditEvent.objects.filter(action="cases.case.moved").exists()


def test_near_miss_no_row_in_the_state_leaves_the_case_where_it_is(world: World) -> None:
    signalled = employee_case(world)  # no intake yet: SM-1 has no row 5 for SIGNALLED
    _start(world, signalled, _record(world, signalled))
    assert _state(signalled) == CaseState.SIGNALLED


def test_a_failed_attempt_stays_and_counts(world: World, case: Case) -> None:
    iv = _record(world, case)
    _start(world, case, iv)
    _end(world, case, iv, resolved=False)
    assert _state(case) == CaseState.OWN_CONVERSATION
    attempts = stored_case_advice(case, today=FOUR_WEEKS)
    assert "I-1" in attempts.indications


def test_resolved_moves_the_case_only_when_both_parties_confirm_row14(world: World, case: Case) -> None:
    iv = _record(world, case)
    _start(world, case, iv)
    _end(world, case, iv, resolved=True)
    assert _state(case) == CaseState.OWN_CONVERSATION
    _confirm(world, case, iv, Role.EMPLOYEE)
    _confirm(world, case, iv, Role.EMPLOYEE)  # once is enough
    assert _state(case) == CaseState.OWN_CONVERSATION
    _confirm(world, case, iv, Role.LINE_MANAGER)  # the other party of this case
    assert _state(case) == CaseState.RESOLVED_CONTINUED
    assert AuditEvent.objects.filter(action="interventions.intervention.resolution_confirmed").count() == 2


def test_nobody_confirms_for_a_party(world: World, case: Case) -> None:
    iv = _record(world, case)
    _start(world, case, iv)
    _end(world, case, iv, resolved=True)
    with pytest.raises(AccessDenied):
        _confirm(world, case, iv, Role.HR_ADVISER)
    with pytest.raises(NotPossible):
        other = _record(world, case)
        _confirm(world, case, other, Role.EMPLOYEE)  # not ended resolved


def test_the_parties_only_confirm_and_the_writers_only_run(world: World, case: Case) -> None:
    iv = _record(world, case)
    with pytest.raises(AccessDenied):
        services.intervention_start(
            actor=actor(world, Role.EMPLOYEE), case_id=case.pk, intervention_id=iv.pk, today=date(2025, 3, 6)
        )
    _start(world, case, iv)
    with pytest.raises(NotPossible):
        _start(world, case, iv)


def test_r063_a_bmw_bemiddeling_cannot_start_once_a_party_has_a_lawyer(world: World, case: Case) -> None:
    iv = _record(world, case, "BMW_BEMIDDELING")
    CaseParty.objects.filter(case=case, side=CaseParty.Side.EMPLOYEE).update(
        legal_assistance_since=date(2025, 3, 5)
    )
    with pytest.raises(Blocked) as exc:
        _start(world, case, iv)
    assert "R-063" in {f.code for f in exc.value.findings}
    iv.refresh_from_db()
    assert iv.status == "PROPOSED" and _state(case) == CaseState.INTAKE


def test_r100_an_own_conversation_is_held_while_the_vp_was_not_offered(world: World) -> None:
    held = behaviour_suspected(
        actor(world, Role.HR_ADVISER), employee_case(world), "BULLYING", today=date(2025, 3, 4)
    )
    iv = Intervention.objects.create(
        case=held, kind="CONVERSATION", created_by=world.a.users[Role.HR_ADVISER]
    )  # recorded before the suspicion: the hold now applies to its start
    with pytest.raises(Blocked) as exc:
        _start(world, held, iv)
    assert "R-100" in {f.code for f in exc.value.findings}
    assert _state(held) == CaseState.INTAKE


# --- I-1 and I-2 from what was recorded ---------------------------------------------------------


def _own_attempt(world: World, case: Case, **end: Any) -> Intervention:
    iv = _record(world, case)
    _start(world, case, iv)
    return _end(world, case, iv, **end) if end else iv


def test_i1_fires_from_a_failed_own_conversation_once_the_case_is_four_weeks_old(
    world: World, case: Case
) -> None:
    _own_attempt(world, case, resolved=False)
    assert "I-1" in _indications(case, FOUR_WEEKS)


def test_i1_near_miss_the_case_is_three_weeks_old(world: World, case: Case) -> None:
    _own_attempt(world, case, resolved=False)
    assert "I-1" not in _indications(case, THREE_WEEKS)


def test_i1_near_miss_the_attempt_resolved_it(world: World, case: Case) -> None:
    _own_attempt(world, case, resolved=True)
    assert "I-1" not in _indications(case, FOUR_WEEKS)


def test_i1_near_miss_the_attempt_is_still_open(world: World, case: Case) -> None:
    _own_attempt(world, case)
    assert "I-1" not in _indications(case, FOUR_WEEKS)


def test_i1_near_miss_a_planned_conversation_is_no_attempt(world: World, case: Case) -> None:
    _record(world, case)
    assert "I-1" not in _indications(case, FOUR_WEEKS)


@pytest.mark.parametrize(
    ("kind", "chair"), [("HR_BEMIDDELING", ""), ("BMW_BEMIDDELING", ""), ("CONVERSATION", "HR")]
)
def test_i2_fires_from_a_failed_conversation_with_a_first_line_third_party(
    world: World, case: Case, kind: str, chair: str
) -> None:
    iv = _record(world, case, kind, chair)
    _start(world, case, iv)
    _end(world, case, iv, resolved=False)
    assert "I-2" in _indications(case, THREE_WEEKS)  # I-2 does not wait for the case's age


def test_i2_near_misses_resolved_open_or_not_first_line(world: World, case: Case) -> None:
    resolved = _record(world, case, "HR_BEMIDDELING")
    _start(world, case, resolved)
    _end(world, case, resolved, resolved=True)
    _start(world, case, _record(world, case, "BMW_BEMIDDELING"))  # still open
    line_manager = _record(world, case, "CONVERSATION", "LG")
    _start(world, case, line_manager)
    _end(world, case, line_manager, resolved=False)  # the LG is not first-line help (I-2)
    assert "I-2" not in _indications(case, FOUR_WEEKS)
    own_failed = _own_attempt(world, case, resolved=False)
    assert own_failed.outcome_resolved is False
    assert "I-2" not in _indications(case, THREE_WEEKS)


# --- Through the page and the API -----------------------------------------------------------------


def test_the_page_starts_ends_and_each_party_confirms(world: World, case: Case, client_as: Any) -> None:
    from django.urls import reverse

    iv = _record(world, case)
    url = reverse("interventions:intervention", kwargs={"case_id": case.pk, "intervention_id": iv.pk})
    hr, employee, other = client_as(Role.HR_ADVISER), client_as(Role.EMPLOYEE), client_as(Role.LINE_MANAGER)
    assert 'value="start"' in hr.get(url).content.decode()
    assert 'value="start"' not in employee.get(url).content.decode()
    assert hr.post(url, {"step": "start"}).status_code == 302
    assert _state(case) == CaseState.OWN_CONVERSATION
    assert hr.post(url, {"step": "end_resolved"}).status_code == 302
    assert hr.post(url, {"step": "confirm_resolved"}).status_code == 403  # nobody confirms for a party
    assert 'value="confirm_resolved"' in employee.get(url).content.decode()
    assert employee.post(url, {"step": "confirm_resolved"}).status_code == 302
    assert 'value="confirm_resolved"' not in employee.get(url).content.decode()
    assert _state(case) == CaseState.OWN_CONVERSATION
    assert other.post(url, {"step": "confirm_resolved"}).status_code == 302
    assert _state(case) == CaseState.RESOLVED_CONTINUED


def test_the_api_runs_the_steps_and_asks_whether_it_resolved(
    world: World, case: Case, client_as: Any
) -> None:
    import json

    iv = _record(world, case, "HR_BEMIDDELING")
    hr = client_as(Role.HR_ADVISER)
    url = f"/api/v1/cases/{case.pk}/interventions/{iv.pk}/steps"

    def post(body: dict[str, Any]) -> Any:
        return hr.post(url, json.dumps(body), content_type="application/json")

    assert post({"step": "start"}).json()["status"] == "RUNNING"
    assert _state(case) == CaseState.FACILITATED_CONVERSATION
    assert post({"step": "end"}).status_code == 422  # resolved or not: it must be said
    ended = post({"step": "end", "resolved": False}).json()
    assert ended["status"] == "ENDED" and ended["outcome_resolved"] is False
    assert "I-2" in _indications(case, THREE_WEEKS)
