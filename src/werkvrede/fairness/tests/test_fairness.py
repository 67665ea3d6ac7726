""" "Did it feel fair?" (ADR 0135): invited after each phase end, answered once, stored without
identity, aggregated per quarter only at min_cell answers or more."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import CaseState
from werkvrede.core import phases
from werkvrede.core.refusals import NotPossible
from werkvrede.core.roles import Role
from werkvrede.fairness import selectors, services
from werkvrede.fairness.models import Answer, Invitation
from werkvrede.fairness.tests.helpers import (
    ANSWERED_ON,
    READ_ON,
    actor,
    answer,
    answered,
    intake_done,
    invitation_of,
)
from werkvrede.interventions import services as interventions
from werkvrede.interventions.models import InterventionPeriod, PeriodState
from werkvrede.interventions.tests.helpers import planned_period
from werkvrede.mediation import services as mediation_services
from werkvrede.mediation.tests.helpers import TODAY, in_intake
from werkvrede.protocol.services import protocol_update

# --- invited after each phase end --------------------------------------------------------------


def _invited(world: World, phase: str) -> set[int]:
    return set(Invitation.objects.filter(phase=phase).values_list("user_id", flat=True))


def test_the_parties_are_invited_when_the_intake_is_done(world: World) -> None:
    assert not Invitation.objects.exists()
    case = intake_done(world)
    assert _invited(world, phases.INTAKE) == {
        world.a.users[Role.EMPLOYEE].pk,
        world.a.users[Role.LINE_MANAGER].pk,
    }
    assert Invitation.objects.filter(case=case).count() == 2
    # HR did the intake but is no party: not asked.
    assert not Invitation.objects.filter(user=world.a.users[Role.HR_ADVISER]).exists()


def test_a_signalled_case_invites_no_one(world: World) -> None:
    from werkvrede.interventions.tests.helpers import employee_case

    employee_case(world)
    assert not Invitation.objects.exists()


def test_the_parties_are_invited_when_the_interventieperiode_is_evaluated(world: World) -> None:
    case = intake_done(world)
    period = planned_period(world, case)
    assert not _invited(world, phases.INTERVENTION_PERIOD)
    InterventionPeriod.objects.filter(pk=period.pk).update(state=PeriodState.ENDED)
    interventions.period_evaluate(
        actor=actor(world, Role.HR_ADVISER), case_id=case.pk, period_id=period.pk,
        outcome="RESUMED_OWN_WORK", today=date(2025, 3, 24),
    )  # fmt: skip
    assert _invited(world, phases.INTERVENTION_PERIOD) == {
        world.a.users[Role.EMPLOYEE].pk,
        world.a.users[Role.LINE_MANAGER].pk,
    }


def test_the_mediation_parties_are_invited_when_the_mediation_ends_with_their_mediator(world: World) -> None:
    mediation = in_intake(world)
    assert not _invited(world, phases.MEDIATION)
    mediation_services.mediator_end(
        actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk,
        typed_name=world.a.users[Role.MEDIATOR].full_name, today=TODAY,
    )  # fmt: skip
    invitations = Invitation.objects.filter(phase=phases.MEDIATION)
    assert {i.user_id for i in invitations} == {
        world.a.users[Role.EMPLOYEE].pk,
        world.a.users[Role.LINE_MANAGER].pk,
    }
    assert {i.mediator_id for i in invitations} == {world.a.users[Role.MEDIATOR].pk}
    # The mediator is not asked about their own mediation.
    assert not invitations.filter(user=world.a.users[Role.MEDIATOR]).exists()


def test_the_parties_are_invited_once_when_the_case_is_resolved(world: World) -> None:
    case = intake_done(world)
    hr = actor(world, Role.HR_ADVISER)
    iv = interventions.intervention_record(
        actor=hr, case_id=case.pk,
        data=interventions.InterventionInput(
            kind="CONVERSATION", chair_role="", hr_attends=False, support_employee=True,
            support_other=True, planned_on=None, note="",
        ),
        today=date(2025, 3, 5),
    )  # fmt: skip
    interventions.intervention_start(actor=hr, case_id=case.pk, intervention_id=iv.pk, today=date(2025, 3, 6))
    interventions.intervention_end(
        actor=hr, case_id=case.pk, intervention_id=iv.pk, resolved=True, today=date(2025, 3, 10)
    )
    assert not _invited(world, phases.CASE)
    for role in (Role.EMPLOYEE, Role.LINE_MANAGER):
        interventions.intervention_confirm_resolved(
            actor=actor(world, role), case_id=case.pk, intervention_id=iv.pk, today=date(2025, 3, 11)
        )
    case.refresh_from_db()
    assert case.state == CaseState.RESOLVED_CONTINUED
    assert _invited(world, phases.CASE) == {
        world.a.users[Role.EMPLOYEE].pk,
        world.a.users[Role.LINE_MANAGER].pk,
    }
    assert Invitation.objects.filter(phase=phases.CASE).count() == 2


def test_an_unknown_phase_is_refused(world: World) -> None:
    with pytest.raises(ValueError):
        phases.announce_phase_end(
            phase="koffie", organisation_id=world.a.organisation.pk, subject="x", party_user_ids=[]
        )


# --- shown where the person looks --------------------------------------------------------------


def test_the_pending_question_has_a_url_and_a_line_on_the_case_page(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = intake_done(world)
    pending = selectors.pending_fairness_questions(actor(world, Role.EMPLOYEE))
    assert len(pending) == 1
    item = pending[0]
    assert item.phase == phases.INTAKE and item.case_id == case.pk
    assert item.url == reverse("fairness:answer", kwargs={"invitation_id": item.invitation_id})
    page = client_as(Role.EMPLOYEE).get(reverse("cases:detail", kwargs={"case_id": case.pk})).content.decode()
    assert item.url in page and "Voelde het eerlijk?" in page
    # HR sees the case but has no question about it.
    assert selectors.pending_fairness_questions(actor(world, Role.HR_ADVISER)) == []
    hr_page = (
        client_as(Role.HR_ADVISER).get(reverse("cases:detail", kwargs={"case_id": case.pk})).content.decode()
    )
    assert item.url not in hr_page


# --- answering ---------------------------------------------------------------------------------


def test_answering_stores_no_identity_and_closes_the_invitation(world: World) -> None:
    case = intake_done(world)
    invitation = invitation_of(world, Role.EMPLOYEE)
    answer(world, invitation, 2, comment="  Ik werd niet gehoord.  ")
    row = Answer.objects.values().get()
    assert set(row) == {
        "id", "organisation_id", "quarter", "phase", "mediator_id",
        "heard", "respect", "understood", "comment",
    }  # fmt: skip
    assert row["quarter"] == "2026-Q1" and row["phase"] == phases.INTAKE and row["mediator_id"] is None
    assert (row["heard"], row["respect"], row["understood"], row["comment"]) == (
        2,
        2,
        2,
        "Ik werd niet gehoord.",
    )
    user = world.a.users[Role.EMPLOYEE]
    assert str(case.pk) != str(row["id"]) and str(user.pk) != str(row["id"])
    assert str(row["id"]).count("-") == 4  # a random UUID: the order of answers says nothing
    invitation.refresh_from_db()
    assert invitation.done is True
    assert selectors.pending_fairness_questions(actor(world, Role.EMPLOYEE)) == []
    # Answering is not audited: an event's time beside the person could point to the answer.
    assert not AuditEvent.objects.filter(action__startswith="fairness.").exists()


def test_answering_twice_is_refused(world: World, client_as: Callable[..., Client]) -> None:
    intake_done(world)
    invitation = invitation_of(world, Role.EMPLOYEE)
    answer(world, invitation)
    with pytest.raises(NotPossible):
        answer(world, invitation)
    assert Answer.objects.count() == 1
    # Through the page: the answered invitation is no longer there.
    url = reverse("fairness:answer", kwargs={"invitation_id": invitation.pk})
    response = client_as(Role.EMPLOYEE).post(url, {"heard": "5", "respect": "5", "understood": "5"})
    assert response.status_code == 404
    assert Answer.objects.count() == 1


def test_declining_stores_nothing_and_does_not_ask_again(
    world: World, client_as: Callable[..., Client]
) -> None:
    intake_done(world)
    invitation = invitation_of(world, Role.LINE_MANAGER)
    url = reverse("fairness:answer", kwargs={"invitation_id": invitation.pk})
    assert client_as(Role.LINE_MANAGER).post(url, {"decline": "1"}).status_code == 302
    assert not Answer.objects.exists()
    assert selectors.pending_fairness_questions(actor(world, Role.LINE_MANAGER)) == []


def test_the_form_keeps_what_was_chosen_and_ties_errors_to_fields(
    world: World, client_as: Callable[..., Client]
) -> None:
    intake_done(world)
    invitation = invitation_of(world, Role.EMPLOYEE)
    url = reverse("fairness:answer", kwargs={"invitation_id": invitation.pk})
    client = client_as(Role.EMPLOYEE)
    page = client.get(url).content.decode()
    for text in ("Ik voelde me gehoord", "Ik werd met respect behandeld", "Ik begreep wat er gebeurde"):
        assert text in page
    response = client.post(url, {"heard": "4", "comment": "Prima gesprek"})
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="heard-4" name="heard" value="4" checked' in body
    assert "Prima gesprek" in body
    assert 'id="respect-error"' in body and 'id="understood-error"' in body and 'id="heard-error"' not in body
    assert not Answer.objects.exists()
    assert client.post(url, {"heard": "4", "respect": "3", "understood": "5"}).status_code == 302
    assert Answer.objects.values_list("heard", "respect", "understood").get() == (4, 3, 5)


def test_someone_else_cannot_open_or_answer_an_invitation(
    world: World, client_as: Callable[..., Client]
) -> None:
    intake_done(world)
    invitation = invitation_of(world, Role.EMPLOYEE)
    url = reverse("fairness:answer", kwargs={"invitation_id": invitation.pk})
    for role in (Role.LINE_MANAGER, Role.HR_ADVISER):
        assert client_as(role).get(url).status_code == 404
        assert client_as(role).post(url, {"heard": "1", "respect": "1", "understood": "1"}).status_code == 404
    assert client_as(Role.EMPLOYEE, "b").get(url).status_code == 404
    assert not Answer.objects.exists()


# --- aggregates --------------------------------------------------------------------------------


def _cell(world: World, role: Role, phase: str, quarter: str = "2026-Q1", tenant: str = "a") -> object:
    results = services.results_read(actor=actor(world, role, tenant), today=READ_ON)
    return next(c for c in results.cells if c.quarter == quarter and c.phase == phase)


def test_hr_sees_a_quarter_only_at_min_cell_answers(world: World) -> None:
    answered(world, 2, phases.INTAKE, value=2, comment="Te snel")
    below = _cell(world, Role.HR_ADVISER, phases.INTAKE)
    assert below.suppressed and below.respondents is None  # type: ignore[attr-defined]
    assert services.results_read(actor=actor(world, Role.HR_ADVISER), today=READ_ON).comments == {}
    answered(world, 1, phases.INTAKE, value=5)
    shown = _cell(world, Role.HR_ADVISER, phases.INTAKE)
    assert shown.respondents == 3  # type: ignore[attr-defined]
    assert shown.means == {"heard": 3.0, "respect": 3.0, "understood": 3.0}  # type: ignore[attr-defined]
    results = services.results_read(actor=actor(world, Role.HR_ADVISER), today=READ_ON)
    assert results.comments[("2026-Q1", phases.INTAKE)] == ("Te snel", "Te snel")


def test_min_cell_is_the_organisations_protocol_parameter(world: World) -> None:
    protocol_update(actor=actor(world, Role.ADMIN), values={"vp_min_cell": 5}, expected_version=0)
    answered(world, 4, phases.CASE)
    assert _cell(world, Role.HR_ADVISER, phases.CASE).suppressed  # type: ignore[attr-defined]
    answered(world, 1, phases.CASE)
    assert _cell(world, Role.HR_ADVISER, phases.CASE).respondents == 5  # type: ignore[attr-defined]


def test_the_running_quarter_is_not_shown(world: World) -> None:
    answered(world, 3, phases.INTAKE, on=READ_ON)
    results = services.results_read(actor=actor(world, Role.HR_ADVISER), today=READ_ON)
    assert "2026-Q2" not in {c.quarter for c in results.cells}
    later = services.results_read(actor=actor(world, Role.HR_ADVISER), today=date(2026, 7, 1))
    assert (
        next(c for c in later.cells if c.quarter == "2026-Q2" and c.phase == phases.INTAKE).respondents == 3
    )


def test_the_mediator_sees_only_their_own_mediations_without_comments(world: World) -> None:
    answered(world, 3, phases.MEDIATION, mediator=Role.MEDIATOR, value=5, comment="Goed begeleid")
    # Three more mediation answers of another mediator (HR's user stands in for one).
    answered(world, 3, phases.MEDIATION, mediator=Role.HR_ADVISER, value=1)
    own = _cell(world, Role.MEDIATOR, phases.MEDIATION)
    assert own.respondents == 3 and own.means == {"heard": 5.0, "respect": 5.0, "understood": 5.0}  # type: ignore[attr-defined]
    results = services.results_read(actor=actor(world, Role.MEDIATOR), today=READ_ON)
    assert results.scope == "mediator" and results.comments == {}
    assert {c.phase for c in results.cells} == {phases.MEDIATION}
    # HR sees all six, organisation-wide.
    assert _cell(world, Role.HR_ADVISER, phases.MEDIATION).respondents == 6  # type: ignore[attr-defined]


def test_a_mediator_below_min_cell_sees_too_few(world: World) -> None:
    answered(world, 2, phases.MEDIATION, mediator=Role.MEDIATOR)
    answered(world, 3, phases.MEDIATION, mediator=Role.HR_ADVISER)
    assert _cell(world, Role.MEDIATOR, phases.MEDIATION).suppressed  # type: ignore[attr-defined]


def test_another_organisation_sees_nothing(world: World, client_as: Callable[..., Client]) -> None:
    answered(world, 4, phases.INTAKE)
    results = services.results_read(actor=actor(world, Role.HR_ADVISER, "b"), today=READ_ON)
    assert all(c.suppressed for c in results.cells)
    page = client_as(Role.HR_ADVISER, "b").get(reverse("fairness:results")).content.decode()
    assert "te weinig antwoorden" in page and "<td>4</td>" not in page


def test_the_results_page_shows_the_cells_and_audits_the_read(
    world: World, client_as: Callable[..., Client]
) -> None:
    answered(world, 3, phases.INTAKE, on=ANSWERED_ON, comment="Helder uitgelegd")
    answered(world, 1, phases.CASE, on=ANSWERED_ON)
    from unittest import mock

    with mock.patch("werkvrede.fairness.views.timezone.localdate", return_value=READ_ON):
        page = client_as(Role.HR_ADVISER).get(reverse("fairness:results")).content.decode()
    assert "Helder uitgelegd" in page and "te weinig antwoorden" in page
    assert "<td>3</td>" in page
    event = AuditEvent.objects.get(action="fairness.results.read")
    assert event.user_id == world.a.users[Role.HR_ADVISER].pk
    for role in (Role.EMPLOYEE, Role.LINE_MANAGER, Role.CASEMANAGER):
        assert client_as(role).get(reverse("fairness:results")).status_code == 404


def test_the_start_page_lists_the_open_question_and_shows_readers_the_way_to_the_results(
    world: World, client_as: Callable[..., Client]
) -> None:
    intake_done(world)
    url = reverse("fairness:answer", kwargs={"invitation_id": invitation_of(world, Role.EMPLOYEE).pk})
    employee_start = client_as(Role.EMPLOYEE).get("/").content.decode()
    assert url in employee_start and reverse("fairness:results") not in employee_start
    hr_start = client_as(Role.HR_ADVISER).get("/").content.decode()
    assert reverse("fairness:results") in hr_start and url not in hr_start
    assert reverse("fairness:results") in client_as(Role.MEDIATOR).get("/").content.decode()
