"""The prevention scan (docs/prevention.md, ADR 0089): HR starts a pulse for a team, the team
answers anonymously through its link, results per factor appear once the pulse is closed and only
when at least min_cell people answered (R-105), with the advice per high factor (PF-x) and the change
against the team's previous pulse."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.core.policy import allowed
from werkvrede.core.refusals import Invalid, NotPossible
from werkvrede.core.roles import Role
from werkvrede.guideline import prevention
from werkvrede.prevention import selectors, services
from werkvrede.prevention.models import Pulse, PulseResponse
from werkvrede.prevention.tests.helpers import TODAY, answered, answers, hr, pulse
from werkvrede.protocol.services import protocol_update

ADDRESS = "203.0.113.187"
AGENT = "Werkvrede-NoTrace-Agent/7.3 (marker 5e1f9a)"


@pytest.fixture(autouse=True)
def _fresh_limits() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def _url(p: Pulse) -> str:
    return f"/peiling/{p.token}/"


def _form(**overrides: int) -> dict[str, str]:
    return {k: str(v) for k, v in answers(3, **overrides).items()}


# The test's world, so that `_closed` can act as its HR adviser.
_current_world: list[World] = []


@pytest.fixture(autouse=True)
def _note_world(world: World) -> None:
    _current_world[:] = [world]


def _closed(p: Pulse) -> Pulse:
    return services.pulse_close(actor=hr(_current_world[0]), pulse=p, today=TODAY)


@pytest.fixture
def team(world: World) -> Pulse:
    return pulse(world)


# --- Who runs it ---------------------------------------------------------------------------------------


def test_hr_and_the_casemanager_run_pulses_and_nobody_else(world: World, team: Pulse) -> None:
    for role in Role:
        may = role in (Role.HR_ADVISER, Role.CASEMANAGER)
        actor = hr(world, role=role)
        assert allowed(actor, "prevention.pulse.start") is may, role
        assert allowed(actor, "prevention.pulse.results", team) is may, role
    # Another organisation's HR sees nothing of this pulse.
    assert not allowed(hr(world, "b"), "prevention.pulse.results", team)


def test_starting_a_pulse_is_audited_and_gives_an_unguessable_link(world: World) -> None:
    p = services.pulse_start(actor=hr(world), team="  Team   Inkoop ", closes_on=None, today=TODAY)
    assert p.team == "Team Inkoop" and p.team_key == "team inkoop"
    assert len(p.token) >= 40
    assert p.token != pulse(world).token
    event = AuditEvent.objects.get(action="prevention.pulse.started", object_id=str(p.pk))
    assert p.token not in str(event.data)


def test_a_start_without_a_team_or_with_a_closing_date_in_the_past_says_what_to_fix(world: World) -> None:
    with pytest.raises(Invalid) as no_team:
        services.pulse_start(actor=hr(world), team="   ", closes_on=None, today=TODAY)
    assert "team" in no_team.value.errors
    with pytest.raises(Invalid) as past:
        services.pulse_start(actor=hr(world), team="Team", closes_on=TODAY - timedelta(days=1), today=TODAY)
    assert "closes_on" in past.value.errors
    # Near miss: closing today is allowed.
    assert services.pulse_start(actor=hr(world), team="Team", closes_on=TODAY, today=TODAY).closes_on == TODAY


def test_the_start_form_keeps_what_was_typed(client_as: Callable[..., Client]) -> None:
    response = client_as(Role.HR_ADVISER).post("/preventie/starten/", {"team": "", "closes_on": "2000-01-01"})
    assert response.status_code == 400
    assert 'value="2000-01-01"' in response.content.decode()
    assert Pulse.objects.count() == 0


# --- Answering ---------------------------------------------------------------------------------------


def test_an_answer_stores_the_answers_only(world: World, team: Pulse) -> None:
    client = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    page = client.get(_url(team))
    assert page.status_code == 200 and "Team Inkoop" in page.content.decode()
    assert set(client.cookies) <= {"csrftoken"}
    response = client.post(_url(team), _form(PS_7=5))
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert set(client.cookies) <= {"csrftoken"}
    stored = PulseResponse.objects.get(pulse=team)
    assert stored.answers == answers(3, PS_7=5)
    assert {f.name for f in PulseResponse._meta.get_fields()} == {"id", "pulse", "answers"}
    # Neither the address nor the browser is anywhere in the database, and no event records the answer.
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith(("django_cache", "cache")):
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from the database itself
            text = repr(cursor.fetchall())
            assert ADDRESS not in text and "5e1f9a" not in text, table
    assert not AuditEvent.objects.filter(object_type="prevention.pulseresponse").exists()


def test_a_pulse_link_shows_its_own_organisation_and_team_only(world: World, team: Pulse) -> None:
    """Tenant test of the public link: organisation A's pulse never shows B's name or team, and an
    answer through A's link lands on A's pulse only."""
    other = pulse(world, "b", team="Team Verkoop")
    body = Client().get(_url(team)).content.decode()
    assert "Team Inkoop" in body
    assert "Team Verkoop" not in body and world.b.organisation.name not in body
    assert Client().post(_url(team), _form()).status_code == 302
    assert (PulseResponse.objects.filter(pulse=team).count(), other.responses.count()) == (1, 0)


def test_an_incomplete_answer_keeps_the_choices_and_names_what_is_missing(team: Pulse) -> None:
    data = _form(PS_3=5)
    del data["PS-12"]
    response = Client().post(_url(team), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Kies bij deze stelling een antwoord." in body
    assert 'id="PS-3-5" name="PS-3" value="5" checked' in body
    assert PulseResponse.objects.count() == 0


def test_a_closed_pulse_answers_honestly_and_stores_nothing(world: World, team: Pulse) -> None:
    _closed(team)
    for response in (Client().get(_url(team)), Client().post(_url(team), _form())):
        assert response.status_code == 410
        assert "Deze peiling is gesloten" in response.content.decode()
    assert PulseResponse.objects.count() == 0
    with pytest.raises(NotPossible):
        services.pulse_answer(pulse=team, answers=answers(), today=TODAY)


def test_a_pulse_past_its_closing_date_is_closed(world: World) -> None:
    today = timezone.localdate()
    p = services.pulse_start(actor=hr(world), team="Team", closes_on=today, today=today)
    assert not p.is_closed(today)
    assert p.is_closed(today + timedelta(days=1))


def test_an_unknown_link_finds_no_pulse(team: Pulse) -> None:
    response = Client().get("/peiling/" + "x" * 43 + "/")
    assert response.status_code == 404
    assert "Geen peiling gevonden" in response.content.decode()


@override_settings(WERKVREDE_PULSE_ANSWERS_PER_CLIENT_PER_HOUR=2)
def test_one_network_cannot_flood_a_pulse(team: Pulse) -> None:
    client = Client(REMOTE_ADDR=ADDRESS)
    assert [client.post(_url(team), _form()).status_code for _ in range(3)] == [302, 302, 429]
    assert PulseResponse.objects.count() == 2
    # Another network still can.
    assert Client(REMOTE_ADDR="198.51.100.7").post(_url(team), _form()).status_code == 302


# --- Results -----------------------------------------------------------------------------------------


def test_results_are_suppressed_below_min_cell(world: World, team: Pulse) -> None:
    _closed(answered(team, 2, 5))
    results = services.results_read(actor=hr(world), pulse=team, today=TODAY)
    assert results.closed and results.result is not None and results.result.suppressed
    assert results.result.respondents is None
    event = AuditEvent.objects.get(action="prevention.pulse.results_read")
    assert event.data == {"shown": False}


def test_results_are_shown_at_exactly_min_cell_with_the_advice_of_high_factors(
    world: World, team: Pulse, client_as: Callable[..., Client]
) -> None:
    _closed(answered(team, 3, 3, PS_7=5, PS_8=1))
    response = client_as(Role.CASEMANAGER).get(f"/preventie/{team.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "3 mensen hebben geantwoord." in body
    assert prevention.factor("PF-5").advice_nl in body
    assert prevention.factor("PF-4").advice_nl not in body
    assert AuditEvent.objects.get(action="prevention.pulse.results_read").data == {"shown": True}


def test_min_cell_comes_from_the_organisations_protocol(world: World, team: Pulse) -> None:
    protocol_update(actor=hr(world, role=Role.ADMIN), values={"vp_min_cell": 4}, expected_version=0)
    assert selectors.min_cell_of(world.a.organisation.pk) == 4
    _closed(answered(team, 3))
    results = services.results_read(actor=hr(world), pulse=team, today=TODAY)
    assert results.result is not None and results.result.suppressed


def test_no_scores_while_the_pulse_is_open(
    world: World, team: Pulse, client_as: Callable[..., Client]
) -> None:
    answered(team, 2)
    body = client_as(Role.HR_ADVISER).get(f"/preventie/{team.pk}/").content.decode()
    assert "nog te weinig antwoorden" in body and 'id="factoren"' not in body
    answered(team, 1)
    body = client_as(Role.HR_ADVISER).get(f"/preventie/{team.pk}/").content.decode()
    assert "Er zijn genoeg antwoorden" in body and 'id="factoren"' not in body
    assert team.token in body  # the link to share
    assert not AuditEvent.objects.filter(action="prevention.pulse.results_read").exists()


def test_a_rerun_shows_the_change_against_the_teams_previous_pulse(world: World) -> None:
    first = pulse(world, team="Team Inkoop", today=TODAY)
    _closed(answered(first, 3, 3, PS_7=5, PS_8=1))
    other_team = pulse(world, team="Team Verkoop", today=TODAY + timedelta(days=1))
    _closed(answered(other_team, 3, 1))
    second = pulse(world, team="team inkoop", today=TODAY + timedelta(days=30))
    _closed(answered(second, 4, 3))
    assert selectors.previous_of(second) == first
    results = services.results_read(actor=hr(world), pulse=second, today=TODAY + timedelta(days=30))
    change = {c.factor: c for c in results.changes}["PF-5"]
    assert (change.before, change.now, change.change) == (5.0, 3.0, -2.0)


def test_a_rerun_after_a_suppressed_pulse_shows_no_change(world: World) -> None:
    first = pulse(world, today=TODAY)
    _closed(answered(first, 2, 5))
    second = pulse(world, today=TODAY + timedelta(days=30))
    _closed(answered(second, 3, 3))
    results = services.results_read(actor=hr(world), pulse=second, today=TODAY + timedelta(days=30))
    assert results.previous == first
    assert not any(c.comparable for c in results.changes)


def test_closing_is_confirmed_audited_and_final(
    world: World, team: Pulse, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.HR_ADVISER)
    confirm = client.get(f"/preventie/{team.pk}/sluiten/")
    assert confirm.status_code == 200 and "Ja, sluiten" in confirm.content.decode()
    assert Pulse.objects.get(pk=team.pk).closed_on is None
    assert client.post(f"/preventie/{team.pk}/sluiten/").status_code == 302
    assert Pulse.objects.get(pk=team.pk).closed_on is not None
    assert AuditEvent.objects.filter(action="prevention.pulse.closed", object_id=str(team.pk)).count() == 1
    # Closed once: the close door refuses a second time.
    assert client.post(f"/preventie/{team.pk}/sluiten/").status_code == 403


def test_the_start_page_points_hr_to_the_pulses(client_as: Callable[..., Client]) -> None:
    assert "/preventie/" in client_as(Role.HR_ADVISER).get("/").content.decode()
    assert "/preventie/" not in client_as(Role.LINE_MANAGER).get("/").content.decode()


def test_the_public_page_speaks_english_when_the_browser_asks(team: Pulse) -> None:
    body = Client(HTTP_ACCEPT_LANGUAGE="en").get(_url(team)).content.decode()
    assert prevention.STATEMENTS[0].text_en in body and "Strongly agree" in body
    assert prevention.STATEMENTS[0].text_nl not in body


def test_a_closed_pulse_without_answers_says_so(team: Pulse, client_as: Callable[..., Client]) -> None:
    _closed(team)
    body = client_as(Role.HR_ADVISER).get(f"/preventie/{team.pk}/").content.decode()
    assert "Niemand heeft deze peiling beantwoord." in body and 'id="factoren"' not in body
