"""RT-13: referring the case to the bedrijfsarts with a question about termination is refused (R-033,
R-097, ADR 0111), on the page and in the API; an ordinary question goes with the referral."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.test import Client

from conftest import World
from werkvrede.cases import services
from werkvrede.cases.models import CaseParticipant
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.refusals import Blocked, Invalid
from werkvrede.core.roles import Role

ClientAs = Callable[..., Client]
ASKS_TERMINATION = "Kunt u adviseren over een vaststellingsovereenkomst?"


def _refer(world: World, question: str, role: str = "BA") -> CaseParticipant:
    t = world.a
    case = signal(t.users[Role.EMPLOYEE], t.organisation.pk)
    member = t.memberships[Role.OCCUPATIONAL_PHYSICIAN if role == "BA" else Role.LINE_MANAGER]
    return services.participant_add(
        actor=actor_of(t.users[Role.HR_ADVISER], t.organisation.pk),
        case_id=case.pk,
        membership_id=member.pk,
        role=role,
        question=question,
    )


@pytest.mark.parametrize(
    "question",
    [
        ASKS_TERMINATION,
        "Is het niet beter dat partijen uit elkaar gaan?",
        "Please advise whether a termination agreement is the way forward.",
        "Should the employee resign?",
    ],
)
def test_a_question_about_termination_is_refused(world: World, question: str) -> None:
    with pytest.raises(Blocked) as caught:
        _refer(world, question)
    assert "R-097" in caught.value.codes
    assert not CaseParticipant.objects.filter(role="BA").exists()


@pytest.mark.parametrize(
    "question",
    [
        "Wat is er nodig voor een terugkeer in het eigen werk?",
        "Is een interventieperiode aangewezen, naast een gesprek over het conflict?",
        "",
    ],
)
def test_an_ordinary_question_goes_with_the_referral(world: World, question: str) -> None:
    assert _refer(world, question).question == question


def test_only_a_referral_to_the_ba_has_a_question(world: World) -> None:
    with pytest.raises(Invalid):
        _refer(world, "Wat is er nodig?", role="LG")


def test_the_page_names_the_rule_and_keeps_the_question(world: World, client_as: ClientAs) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    response = client_as(Role.HR_ADVISER).post(
        f"/zaken/{case.pk}/deelnemers/",
        {
            "member": world.a.users[Role.OCCUPATIONAL_PHYSICIAN].email,
            "role": "BA",
            "question": ASKS_TERMINATION,
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "R-097" in html and "beëindigingsovereenkomst" in html
    assert ASKS_TERMINATION in html
    assert not CaseParticipant.objects.filter(role="BA").exists()


def test_the_api_refuses_it_with_the_rule_code(world: World, client_as: ClientAs) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    response = client_as(Role.HR_ADVISER).post(
        f"/api/v1/cases/{case.pk}/participants",
        json.dumps(
            {
                "membership_id": world.a.memberships[Role.OCCUPATIONAL_PHYSICIAN].pk,
                "role": "BA",
                "question": "Should the employee resign?",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 409
    assert "R-097" in {f["code"] for f in response.json()["findings"]}
    assert not CaseParticipant.objects.filter(role="BA").exists()


def test_the_question_is_shown_to_the_ba_and_the_employee_not_to_the_other_party(
    world: World, client_as: ClientAs
) -> None:
    """W17: the employee sees what the employer asks the bedrijfsarts; the other party sees no BA row."""
    asked = "Wat is er nodig voor een terugkeer in het eigen werk?"
    t = world.a
    case = signal(t.users[Role.EMPLOYEE], t.organisation.pk, other=t.memberships[Role.LINE_MANAGER])
    services.participant_add(
        actor=actor_of(t.users[Role.HR_ADVISER], t.organisation.pk),
        case_id=case.pk,
        membership_id=t.memberships[Role.OCCUPATIONAL_PHYSICIAN].pk,
        role="BA",
        question=asked,
    )
    page = f"/zaken/{case.pk}/"
    for role in (Role.OCCUPATIONAL_PHYSICIAN, Role.EMPLOYEE, Role.HR_ADVISER):
        html = client_as(role).get(page).content.decode()
        assert "Vraag aan de bedrijfsarts:" in html and asked in html, role
    other = client_as(Role.LINE_MANAGER).get(page)  # the other party (WP) in this case
    assert other.status_code == 200 and asked not in other.content.decode()
