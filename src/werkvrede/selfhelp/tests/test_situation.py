"""The guide's answers as a guideline situation, and the routes the engine gives them (RT-x, I-x).

Each answer is tested with a case that fires and a near miss; the routing itself is the engine's.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from werkvrede.guideline import parse_situation
from werkvrede.selfhelp.advice import advise, prefill_message
from werkvrede.selfhelp.situation import EMPLOYEE, MANAGER, Answers, situation_data

TODAY = date(2026, 3, 2)
BASE = Answers()


def routes(answers: Answers, tenant: dict[str, object] | None = None) -> tuple[str, ...]:
    return advise(answers, today=TODAY, tenant=tenant).routes


def indications(answers: Answers) -> tuple[str, ...]:
    return advise(answers, today=TODAY).indications


def test_every_answer_makes_a_situation_the_engine_accepts() -> None:
    everything = Answers(
        path=MANAGER,
        behaviours=("BULLYING", "DISCRIMINATION"),
        talked="helper_failed",
        long_running=True,
        sick="yes",
        wants_distance=True,
        lawyer="other",
        others_involved=True,
        part_ways=True,
        willing="no",
        glasl_stage=9,
    )
    parse_situation(situation_data(everything, today=TODAY))  # raises when the engine refuses it
    assert situation_data(BASE, today=TODAY) == {
        "today": "2026-03-02",
        "conflict": {"signalled_on": "2026-03-02", "perceived_by": ["WN"]},
    }


def test_the_feeling_is_the_stecr_definition_of_a_conflict() -> None:
    assert situation_data(BASE, today=TODAY)["conflict"]["perceived_by"] == ["WN"]
    manager = situation_data(replace(BASE, path=MANAGER), today=TODAY)["conflict"]
    assert manager["perceived_by"] == ["LG"]
    uneasy = situation_data(replace(BASE, feeling="situation"), today=TODAY)["conflict"]
    assert "perceived_by" not in uneasy and uneasy["undesirable_work_situation"] is True


def test_bullying_sends_to_the_vertrouwenspersoon_first() -> None:
    bullied = advise(replace(BASE, behaviours=("BULLYING",)), today=TODAY)
    assert bullied.vp_first and bullied.steps[0].code == "RT-2"
    # the confrontational routes wait for the melder's choice.
    assert "RT-6" not in bullied.routes and "RT-8" not in bullied.routes
    assert not advise(BASE, today=TODAY).vp_first  # near miss: no undesirable behaviour


def test_a_stuck_collaboration_at_glasl_4_points_to_mediation() -> None:
    stuck = advise(replace(BASE, path=MANAGER, glasl_stage=4, willing="yes"), today=TODAY)
    assert stuck.mediation and "I-4" in stuck.indications
    assert any(code == "I-4" for code, _words in stuck.reasons)
    near = advise(replace(BASE, path=MANAGER, glasl_stage=3, willing="yes"), today=TODAY)
    assert "I-4" not in near.indications and not near.mediation
    assert "RT-6" in near.routes  # still in-house: HR or BMW


def test_unwilling_to_mediate_gives_other_help_instead() -> None:
    unwilling = routes(replace(BASE, glasl_stage=4, willing="no"))
    assert "RT-9" in unwilling and "RT-8" not in unwilling


def test_glasl_7_makes_mediation_unlikely() -> None:
    assert "RT-10" in routes(replace(BASE, glasl_stage=7))
    assert "RT-10" not in routes(replace(BASE, glasl_stage=6))


def test_sick_or_afraid_to_become_sick() -> None:
    assert "RT-3" in routes(replace(BASE, sick="yes"))
    afraid = routes(replace(BASE, sick="afraid"))
    assert "RT-4" in afraid and "RT-5" in afraid and "RT-3" not in afraid
    assert not {"RT-3", "RT-4", "RT-5"} & set(routes(BASE))


def test_a_wish_for_distance_while_not_sick() -> None:
    assert "RT-4" in routes(replace(BASE, wants_distance=True))
    assert "RT-4" not in routes(replace(BASE, wants_distance=True, sick="yes"))


@pytest.mark.parametrize(
    ("path", "lawyer", "fact"),
    [
        (EMPLOYEE, "own", "legal_assistance_employee"),
        (EMPLOYEE, "other", "legal_assistance_employer"),
        (MANAGER, "own", "legal_assistance_employer"),
        (MANAGER, "other", "legal_assistance_employee"),
    ],
)
def test_a_lawyer_is_on_the_side_the_answer_names(path: str, lawyer: str, fact: str) -> None:
    answers = replace(BASE, path=path, lawyer=lawyer)
    assert situation_data(answers, today=TODAY)["conflict"][fact] is True
    assert "RT-7" in routes(answers) and "RT-6" not in routes(answers)


def test_no_lawyer_no_rt7() -> None:
    assert "RT-7" not in routes(BASE)


def test_failed_talks_for_four_weeks_are_indication_i1() -> None:
    assert "I-1" in indications(replace(BASE, talked="failed", long_running=True))
    assert "I-1" not in indications(replace(BASE, talked="failed", long_running=False))
    assert "I-1" not in indications(replace(BASE, talked="helped", long_running=True))


def test_a_failed_attempt_with_hr_is_indication_i2() -> None:
    assert "I-2" in indications(replace(BASE, talked="helper_failed"))
    assert "I-2" not in indications(replace(BASE, talked="failed"))


def test_others_involved_part_ways_and_an_uneasy_situation() -> None:
    assert "I-3" in indications(replace(BASE, others_involved=True))
    assert "I-3" not in indications(BASE)
    assert "I-7" in indications(replace(BASE, part_ways=True))
    assert "I-7" not in indications(BASE)
    assert "I-8" in indications(replace(BASE, feeling="situation"))
    assert "I-8" not in indications(replace(BASE, feeling="conflict", glasl_stage=3))


def test_the_organisations_protocol_parameters_steer_the_routes() -> None:
    # in-house bemiddeling up to the protocol's Glasl stage (3 by default).
    stage_3 = replace(BASE, glasl_stage=3)
    assert "RT-6" in routes(stage_3)
    assert "RT-6" not in routes(stage_3, tenant={"routing.inhouse_max_glasl": 2})


def test_without_a_route_the_advice_still_says_where_to_start() -> None:
    quiet = advise(replace(BASE, feeling="none"), today=TODAY)
    assert quiet.routes == () and [step.code for step in quiet.steps] == ["R-060"]
    assert advise(BASE, today=TODAY).steps[0].code == "RT-6"  # near miss: a route, so no fallback


def test_the_prefill_is_a_draft_in_words_not_codes() -> None:
    text = prefill_message(replace(BASE, behaviours=("BULLYING",), talked="failed"))
    assert "pesten" in text and "BULLYING" not in text
    assert "geprobeerd" in text
    assert "pesten" not in prefill_message(BASE)
