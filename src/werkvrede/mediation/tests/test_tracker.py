"""The mediation page's own tracker: done / now / next along SM-5 in words, for its parties and mediator
(docs/adr/0164-a-tracker-on-the-mediation-page.md)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from werkvrede.core.roles import Role
from werkvrede.mediation import services
from werkvrede.mediation.models import MediationState
from werkvrede.mediation.tests.helpers import TODAY, actor, in_intake, in_session, referred
from werkvrede.mediation.tracker import mediation_steps


def _statuses(mediation: Any) -> list[str]:
    return [step.status for step in mediation_steps(mediation)]


def test_a_referred_mediation_is_at_its_first_stage(world: Any) -> None:
    assert _statuses(referred(world)) == ["now", "next", "next", "next", "next", "next"]


def test_a_mediation_in_session_has_three_stages_behind_it(world: Any) -> None:
    mediation = in_session(world)
    assert mediation.state == MediationState.IN_SESSION
    steps = mediation_steps(mediation)
    assert [s.status for s in steps] == ["done", "done", "done", "now", "next", "next"]
    assert str(steps[3].state) == "Gesprekken lopen"


def test_a_withdrawal_after_the_sessions_began_skips_only_the_outcome(world: Any) -> None:
    mediation = in_session(world)
    services.party_withdraw(
        actor=actor(world, Role.EMPLOYEE), mediation_id=mediation.pk,
        typed_name=world.a.users[Role.EMPLOYEE].full_name, today=TODAY,
    )  # fmt: skip
    mediation.refresh_from_db()
    assert _statuses(mediation) == ["done", "done", "done", "done", "skipped", "now"]


def test_an_end_at_the_intake_does_not_pretend_sessions_were_held(world: Any) -> None:
    mediation = in_intake(world)
    services.mediator_end(
        actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk,
        typed_name=world.a.users[Role.MEDIATOR].full_name, today=TODAY,
    )  # fmt: skip
    mediation.refresh_from_db()
    assert _statuses(mediation) == ["done", "done", "skipped", "skipped", "skipped", "now"]


def test_parties_see_the_tracker_and_the_referrer_does_not(world: Any, client_as: Any) -> None:
    mediation = in_session(world)
    url = reverse("mediation:detail", args=[mediation.pk])
    party = client_as(Role.EMPLOYEE).get(url).content.decode()
    assert "Waar staat de mediation?" in party
    assert 'aria-current="step"' in party and "Gesprekken" in party
    referrer = client_as(Role.HR_ADVISER).get(url)
    assert referrer.status_code == 200
    assert "Waar staat de mediation?" not in referrer.content.decode()
