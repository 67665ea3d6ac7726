"""Step 5: termination agreements (SM-5T, D19): R-092 14/21 days, R-093, R-094 six months, R-096, R-097."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from werkvrede.cases.models import CaseDeadline, CaseRole
from werkvrede.core.policy import AccessDenied, NotVisible
from werkvrede.core.refusals import Blocked, NeedsAttention, NotPossible
from werkvrede.core.roles import Role
from werkvrede.mediation import selectors, services, termination
from werkvrede.mediation.models import ChecklistItem, TerminationAgreement, TerminationState
from werkvrede.mediation.tests.helpers import actor, add_case_role, employee_case, signed

pytestmark = pytest.mark.django_db

CONCLUDED = date(2025, 3, 10)
ALL_ITEMS = list(ChecklistItem.values)


def _draft(
    world: Any, case: Any, *, mentions: bool = True, checklist: list[str] | None = None, **kw: Any
) -> TerminationAgreement:
    t = world.a
    return termination.termination_create(
        actor=actor(world, Role.HR_ADVISER),
        case_id=case.pk,
        data=termination.TerminationInput(
            employee_id=t.users[Role.EMPLOYEE].pk,
            employer_signatory_id=t.users[Role.HR_ADVISER].pk,
            end_of_employment_on=date(2025, 6, 1),
            checklist=ALL_ITEMS if checklist is None else checklist,
            mentions_dissolution_right=mentions,
        ),
        today=CONCLUDED,
        **kw,
    )


def _conclude(world: Any, ta: TerminationAgreement, on: date = CONCLUDED) -> TerminationAgreement:
    for role in (Role.EMPLOYEE, Role.HR_ADVISER):
        termination.termination_sign(
            actor=actor(world, role), agreement_id=ta.pk, typed_name=world.a.users[role].full_name, today=on
        )
    ta.refresh_from_db()
    return ta


def _dissolve(world: Any, ta: TerminationAgreement, on: date) -> Any:
    return termination.termination_dissolve(
        actor=actor(world, Role.EMPLOYEE),
        agreement_id=ta.pk,
        typed_name=world.a.users[Role.EMPLOYEE].full_name,
        today=on,
    )


@pytest.mark.parametrize(("mentions", "last_day"), [(True, date(2025, 3, 24)), (False, date(2025, 3, 31))])
def test_reflection_period_is_14_or_21_days_r092(world: Any, mentions: bool, last_day: date) -> None:
    ta = _conclude(world, _draft(world, employee_case(world), mentions=mentions))
    assert ta.concluded_on == CONCLUDED  # the last signature
    assert ta.state == TerminationState.COOLING_OFF
    assert ta.reflection_ends_on == last_day


@pytest.mark.parametrize("mentions", [True, False])
def test_dissolution_on_the_last_day_is_in_time_the_day_after_is_blocked_r092(
    world: Any, mentions: bool
) -> None:
    late = _conclude(world, _draft(world, employee_case(world), mentions=mentions))
    assert late.reflection_ends_on is not None
    with pytest.raises(Blocked) as exc:
        _dissolve(world, late, late.reflection_ends_on + timedelta(days=1))
    assert [f.code for f in exc.value.findings] == ["R-092"]
    ok = _conclude(world, _draft(world, employee_case(world), mentions=mentions))
    assert ok.reflection_ends_on is not None
    _dissolve(world, ok, ok.reflection_ends_on)
    ok.refresh_from_db()
    assert ok.state == TerminationState.DISSOLVED


@pytest.mark.parametrize(
    ("concluded", "reflection"),
    [(date(2025, 9, 19), False), (date(2025, 9, 20), True)],
)
def test_no_new_reflection_period_within_six_months_of_a_dissolution_r094(
    world: Any, concluded: date, reflection: bool
) -> None:
    first = _conclude(world, _draft(world, employee_case(world)))
    _dissolve(world, first, date(2025, 3, 20))
    second = _conclude(world, _draft(world, employee_case(world)), on=concluded)
    if reflection:
        assert second.state == TerminationState.COOLING_OFF
        assert second.no_reflection_rule == ""
    else:
        assert second.state == TerminationState.FINAL
        assert second.no_reflection_rule == "R-094"
        assert second.reflection_ends_on is None


def test_missing_checklist_items_warn_r096(world: Any) -> None:
    case = employee_case(world)
    with pytest.raises(NeedsAttention) as exc:
        _draft(world, case, checklist=[ChecklistItem.MUTUAL_CONSENT])
    assert {f.code for f in exc.value.findings} == {"R-096"}
    ta = _draft(world, case, checklist=[ChecklistItem.MUTUAL_CONSENT], acknowledged=["R-096"])
    assert ta.acknowledged == ["R-096"]


def test_the_deadline_shows_on_the_case_and_not_to_the_ba_r097(world: Any) -> None:
    case = employee_case(world)
    add_case_role(world, case, Role.OCCUPATIONAL_PHYSICIAN, CaseRole.OCCUPATIONAL_PHYSICIAN)
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        ta = _conclude(world, _draft(world, case))
    deadline = CaseDeadline.objects.get(case=case, code="T-18")
    assert deadline.due == ta.reflection_ends_on and deadline.category == "D19"
    ba = actor(world, Role.OCCUPATIONAL_PHYSICIAN)
    with pytest.raises(NotVisible):
        selectors.termination_get_for(ba, ta.pk)
    assert selectors.terminations_of_case(ba, case) == []
    with pytest.raises(AccessDenied):
        _draft_as(world, case, Role.OCCUPATIONAL_PHYSICIAN)


def _draft_as(world: Any, case: Any, role: Role) -> Any:
    t = world.a
    return termination.termination_create(
        actor=actor(world, role),
        case_id=case.pk,
        data=termination.TerminationInput(
            employee_id=t.users[Role.EMPLOYEE].pk,
            employer_signatory_id=t.users[Role.HR_ADVISER].pk,
            end_of_employment_on=date(2025, 6, 1),
            checklist=ALL_ITEMS,
        ),
        today=CONCLUDED,
    )


def test_only_the_employee_dissolves(world: Any) -> None:
    ta = _conclude(world, _draft(world, employee_case(world)))
    with pytest.raises(AccessDenied):
        termination.termination_dissolve(
            actor=actor(world, Role.HR_ADVISER), agreement_id=ta.pk, typed_name="x", today=CONCLUDED
        )


def test_in_an_exit_mediation_the_mediator_drafts(world: Any) -> None:
    mediation = signed(world)
    med = actor(world, Role.MEDIATOR)
    t = world.a
    data = termination.TerminationInput(
        employee_id=t.users[Role.EMPLOYEE].pk,
        employer_signatory_id=t.users[Role.LINE_MANAGER].pk,
        end_of_employment_on=date(2025, 6, 1),
        checklist=ALL_ITEMS,
    )
    with pytest.raises(NotPossible):  # restoration track
        termination.termination_create(actor=med, mediation_id=mediation.pk, data=data, today=CONCLUDED)
    services.track_set(actor=med, mediation_id=mediation.pk, track="EXIT", today=CONCLUDED)
    ta = termination.termination_create(actor=med, mediation_id=mediation.pk, data=data, today=CONCLUDED)
    assert ta.mediation_id == mediation.pk
    assert selectors.termination_get_for(med, ta.pk).relations


def test_earlier_written_essentials_warn_about_the_start_of_the_term_r093(world: Any) -> None:
    t = world.a
    ta = termination.termination_create(
        actor=actor(world, Role.HR_ADVISER),
        case_id=employee_case(world).pk,
        data=termination.TerminationInput(
            employee_id=t.users[Role.EMPLOYEE].pk,
            employer_signatory_id=t.users[Role.HR_ADVISER].pk,
            end_of_employment_on=date(2025, 6, 1),
            checklist=ALL_ITEMS,
            essentials_agreed_on=date(2025, 3, 3),
        ),
        today=CONCLUDED,
    )
    ta = _conclude(world, ta)
    assert ta.concluded_on == CONCLUDED  # still the last signature (R-093 default)
    assert "R-093" in {f.code for f in termination.termination_findings(ta, CONCLUDED)}


def _run_due(today: date) -> str:
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("run_due_transitions", today=today, stdout=out)
    return out.getvalue()


def test_the_agreement_is_final_once_the_reflection_period_has_passed_sm5t_t5(world: Any) -> None:
    from werkvrede.audit.models import AuditEvent

    ta = _conclude(world, _draft(world, employee_case(world)))
    assert ta.reflection_ends_on == date(2025, 3, 24)
    # The last day itself is still within the period: the employee may dissolve.
    assert "termination.final" not in _run_due(date(2025, 3, 24))
    ta.refresh_from_db()
    assert ta.state == TerminationState.COOLING_OFF
    assert "moved 1: termination.final" in _run_due(date(2025, 3, 25))
    ta.refresh_from_db()
    assert ta.state == TerminationState.FINAL
    assert "termination.final" not in _run_due(date(2025, 3, 26))
    event = AuditEvent.objects.get(action="mediation.termination.final")
    assert event.user_id is None and event.data["state_to"] == "FINAL"


def test_near_miss_a_dissolved_agreement_never_becomes_final(world: Any) -> None:
    ta = _conclude(world, _draft(world, employee_case(world)))
    _dissolve(world, ta, date(2025, 3, 20))
    assert "termination.final" not in _run_due(date(2025, 4, 30))
    ta.refresh_from_db()
    assert ta.state == TerminationState.DISSOLVED


# --- SM-5 row 11: a signed exit outcome that ends the employment drafts the termination agreement ---


def _exit_outcome(world: Any, *, track: str = "EXIT", ends_on: date | None = date(2025, 6, 1)) -> Any:
    from werkvrede.mediation.tests.helpers import in_session

    mediation = in_session(world)
    med = actor(world, Role.MEDIATOR)
    services.track_set(actor=med, mediation_id=mediation.pk, track=track, today=CONCLUDED)
    doc = services.outcome_draft(
        actor=med,
        mediation_id=mediation.pk,
        data=services.OutcomeInput(
            kind="VSO",
            points=["Vergoeding van drie maandsalarissen", "Positief getuigschrift"],
            employment_ends_on=ends_on,
            place="Utrecht",
        ),
        today=CONCLUDED,
    )
    return mediation, doc


def _sign_outcome(world: Any, mediation: Any, doc: Any) -> None:
    from werkvrede.mediation.tests.helpers import sign

    for role in (Role.EMPLOYEE, Role.LINE_MANAGER):
        sign(world, mediation, doc, role)


def test_signed_exit_outcome_drafts_the_termination_agreement_sm5_row11_r092_r097(world: Any) -> None:
    from werkvrede.documents.models import DocumentKind
    from werkvrede.documents.services import latest

    mediation, doc = _exit_outcome(world)
    assert not TerminationAgreement.objects.filter(mediation=mediation).exists()  # not before signing
    _sign_outcome(world, mediation, doc)
    ta = TerminationAgreement.objects.get(mediation=mediation)
    t = world.a
    assert ta.state == TerminationState.DRAFT
    assert ta.outcome_id == doc.pk
    assert ta.created_by_id == t.users[Role.MEDIATOR].pk  # the mediator drafts, never the BA
    assert ta.employee_id == t.users[Role.EMPLOYEE].pk
    assert ta.employer_signatory_id == t.users[Role.LINE_MANAGER].pk
    assert ta.end_of_employment_on == date(2025, 6, 1)
    assert ta.mentions_dissolution_right is True  # the clause is in, so 14 days
    document = latest("mediation.termination", ta.pk, DocumentKind.TERMINATION_AGREEMENT)
    assert document is not None
    content = document.content
    assert content["reflection_days"] == 14
    assert [p["text"] for p in content["agreed_terms"]] == [
        "Vergoeding van drie maandsalarissen",
        "Positief getuigschrift",
    ]
    assert {p["role"] for p in content["parties"]} == {"WN", "EMPLOYER"}
    assert content["mediation_reference"] == f"MED-{mediation.pk}"
    # Ready to be signed by the employee and the employer's signatory, who may see it.
    concluded = _conclude_mediated(world, ta)
    assert concluded.state == TerminationState.COOLING_OFF


def _conclude_mediated(world: Any, ta: TerminationAgreement) -> TerminationAgreement:
    for role in (Role.EMPLOYEE, Role.LINE_MANAGER):
        termination.termination_sign(
            actor=actor(world, role), agreement_id=ta.pk, typed_name=world.a.users[role].full_name,
            today=CONCLUDED,
        )  # fmt: skip
    ta.refresh_from_db()
    return ta


def test_one_draft_per_signed_outcome_idempotent(world: Any) -> None:
    mediation, doc = _exit_outcome(world)
    _sign_outcome(world, mediation, doc)
    mediation.refresh_from_db()
    first = TerminationAgreement.objects.get(mediation=mediation)
    again = termination.termination_from_outcome(
        actor=actor(world, Role.LINE_MANAGER), mediation=mediation, outcome=doc, today=CONCLUDED
    )
    assert again.pk == first.pk
    assert TerminationAgreement.objects.filter(mediation=mediation).count() == 1


def test_exit_outcome_without_end_of_employment_drafts_nothing_near_miss(world: Any) -> None:
    mediation, doc = _exit_outcome(world, ends_on=None)
    _sign_outcome(world, mediation, doc)
    mediation.refresh_from_db()
    assert mediation.state == "OUTCOME_SIGNED"
    assert not TerminationAgreement.objects.filter(mediation=mediation).exists()


def test_an_end_of_employment_belongs_to_an_exit_outcome_only_near_miss(world: Any) -> None:
    with pytest.raises(NotPossible):
        _exit_outcome(world, track="RESTORATION")
