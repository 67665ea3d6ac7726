"""Scenarios SC-01…SC-06 played through the JSON API (Refs issue #4).

Every step is an API call by the person who takes it, on the scenario's date. What the API answers —
refusals with their codes, warnings to acknowledge, the derived variant, routes, deadlines — is
compared with what the guideline engine says about the same scenario file
(`src/werkvrede/guideline/tests/scenarios`), so the product and the engine cannot drift apart.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import World
from tests.scenarios.story import Story, codes, engine, engine_deadline, scenario_input
from werkvrede.core.roles import Role
from werkvrede.protocol.services import protocol_ensure_default

HR, CM, LG, WN, BA = (
    Role.HR_ADVISER,
    Role.CASEMANAGER,
    Role.LINE_MANAGER,
    Role.EMPLOYEE,
    Role.OCCUPATIONAL_PHYSICIAN,
)


@pytest.fixture
def story(world: World, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any) -> Story:
    return Story(world, monkeypatch, django_capture_on_commit_callbacks)


def _send_advice(story: Story, body: dict[str, Any]) -> tuple[Any, set[str]]:
    """Send an advice as the bedrijfsarts, acknowledging/justifying what the guideline asks for."""
    asked: set[str] = set()
    for _attempt in range(3):
        response = story.post(BA, "/cases/{case}/advices", body)
        if response.status_code != 409 or "missing" not in response.json():
            return response, asked
        problem = response.json()
        if not problem["missing"]:
            return response, asked
        for finding in problem["findings"]:
            if finding["code"] not in problem["missing"]:
                continue
            asked.add(finding["code"])
            if finding["severity"] == "WARN+J":
                body.setdefault("justifications", {})[finding["code"]] = "Besproken met beide partijen."
            else:
                body.setdefault("acknowledged", []).append(finding["code"])
    return response, asked


def _bedrijfsarts_steps(story: Story, *, day: str, verdict: str, prolongs: bool = False) -> None:
    story.on(day)
    story.post(BA, "/cases/{case}/sick-report/consult", {"consult_on": day}, 200)
    story.post(BA, "/cases/{case}/sick-report/verdict", {"value": verdict, "recorded_on": day}, 201)
    finding = {"conflict": True, "prolongs_incapacity": prolongs, "recorded_on": day}
    story.post(BA, "/cases/{case}/sick-report/conflict-finding", finding, 201)


# --- SC-01 -------------------------------------------------------------------------------------


def test_sc01_late_consult_variant_c_and_an_interventieperiode(story: Story) -> None:
    expected = engine("sc01.json")
    story.signal_by_employee("2025-03-03")
    story.on("2025-03-05")
    story.intake(
        domains=["TERMS", "RELATIONS"],
        acknowledged_by_other=True,
        glasl_stage=3,
        conflict_type="EMPLOYEE_MANAGER",
    )
    story.give_role(BA, "BA")
    story.post(
        HR,
        "/cases/{case}/sick-report",
        {
            "version": 0,
            "first_sick_day": "2025-03-03",
            "notified_to_ba_on": "2025-03-05",
            "phone": "06-12345678",
        },
        201,
    )
    _bedrijfsarts_steps(story, day="2025-03-12", verdict="NOT_AO")

    # W R-011: the consult came 9 days after the first sick day — the engine's very message.
    ba_view = story.get(BA, "/cases/{case}/sick-report")
    api_r011 = [f for f in ba_view["guideline_findings"] if f["code"] == "R-011"]
    engine_r011 = [f for f in expected["findings"] if f["code"] == "R-011"]
    assert [(f["severity"], f["message"]) for f in api_r011] == [
        (f["severity"], f["message"]) for f in engine_r011
    ]
    # The employer reads the derived variant, not the bedrijfsarts' findings.
    hr_view = story.get(HR, "/cases/{case}/sick-report")
    assert hr_view["conflict_finding"]["variant"] == expected["variant"] == "C"
    assert "guideline_findings" not in hr_view

    # T-01 met (notified after 2 days); variant C: no Poortwachter timers.
    deadlines = story.deadlines()
    assert deadlines["T-01"]["status"] == engine_deadline(expected, "T-01")["status"] == "DONE"
    wvp = {"T-03", "T-04", "T-06", "T-07", "T-11", "T-13"}
    assert not wvp & set(deadlines) and not wvp & {d["code"] for d in expected["deadlines"]}

    # The 7-day interventieperiode advice passes the guideline and reaches both sides identically.
    advice = {
        "kind": "INTERVENTION_PERIOD",
        "content": ["WORK_EXPECTATION", "INTERVENTION_PERIOD", "CONVERSATION"],
        "employer_recipients": ["HR"],
        "ip_form": "ALT_WORKPLACE",
        "ip_start_on": "2025-03-13",
        "ip_days": 7,
        "ip_contact_person": "de teamleider",
        "text": "Zeven dagen in het andere magazijn; op 14 maart een gesprek met de teamleider en HR.",
    }
    response, asked = _send_advice(story, advice)
    assert response.status_code == 201, response.content
    assert not asked & codes(expected["findings"], "BLOCK", "BLOCK*")
    assert story.get(HR, "/cases/{case}/advices") == story.get(WN, "/cases/{case}/advices")

    # HR approves the period, records the appointment, it runs and ends; T-16 as the engine says.
    period = story.post(
        HR,
        "/cases/{case}/intervention-periods",
        {"initiated_by": "BA", "form": "ALT_WORKPLACE", "start_on": "2025-03-13", "end_on": "2025-03-19"},
        201,
    ).json()
    steps = f"/cases/{{case}}/intervention-periods/{period['id']}/steps"
    story.post(HR, steps, {"step": "approve"}, 200)
    appointment = {"with_role": "LG", "with_person": "de teamleider", "meeting_on": "2025-03-14"}
    story.post(HR, steps, {"step": "appointment", "appointment": appointment}, 200)
    # Start and end follow the calendar: the hourly run takes them (SM-3 rows 5 and 8).
    assert "1: intervention_period.started" in story.on("2025-03-13").run_due()
    assert "1: intervention_period.ended" in story.on("2025-03-20").run_due()
    assert story.deadlines()["T-16"]["due"] == engine_deadline(expected, "T-16")["due"] == "2025-03-26"

    # RT-6: after the period, HR bemiddeling (Glasl 3, no lawyers); not RT-7.
    section = story.get(HR, "/cases/{case}/interventions")
    for route in ("RT-6", "RT-7"):
        assert (route in section["routes"]) == (route in expected["routes"])


# --- SC-02 -------------------------------------------------------------------------------------


def test_sc02_variant_b_a_blocked_draft_and_the_employers_free_text(story: Story) -> None:
    expected = engine("sc02.json")
    story.signal_by_employee("2025-09-01")
    story.on("2025-09-02")
    story.intake(
        domains=["WORK_CONTENT", "RELATIONS"],
        acknowledged_by_other=True,
        glasl_stage=5,
        conflict_type="EMPLOYEE_MANAGER",
    )
    story.give_role(BA, "BA")
    story.give_role(CM, "CM")
    report = {
        "version": 0,
        "first_sick_day": "2025-09-01",
        "notified_to_ba_on": "2025-09-02",
        "phone": "06-87654321",
    }
    # The casemanager types symptoms into the employer's record: refused, nothing stored.
    refused = story.post(
        CM, "/cases/{case}/sick-report", {**report, "expected_duration": "hartkloppingen"}, 422
    )
    assert refused.json()["detail"].startswith("R-131") and "R-131" in codes(expected["findings"])
    story.post(CM, "/cases/{case}/sick-report", report, 201)
    _bedrijfsarts_steps(story, day="2025-09-03", verdict="AO", prolongs=True)
    assert (
        story.get(CM, "/cases/{case}/sick-report")["conflict_finding"]["variant"]
        == expected["variant"]
        == "B"
    )

    # The first draft makes re-integration wait for the conflict to be solved: BLOCK* R-030/R-034.
    draft = {
        "kind": "REINTEGRATION",
        "content": ["REINTEGRATION"],
        "reintegration_condition": "CONFLICT_RESOLVED",
        "employer_recipients": ["CM"],
        "text": "Re-integratie na oplossing van het conflict.",
    }
    blocked = story.post(BA, "/cases/{case}/advices", draft, 409).json()
    engine_blocks = {
        f["code"]
        for f in expected["findings"]
        if f["severity"] == "BLOCK*" and (f["subject"] or "").startswith("ba_advice[0]")
    }
    assert codes(blocked["findings"], "BLOCK*") == engine_blocks == {"R-030", "R-034"}
    assert story.get(WN, "/cases/{case}/advices") == []
    corrected = {
        "kind": "REINTEGRATION",
        "content": ["REINTEGRATION", "GRADED_RETURN", "MEDIATION"],
        "employer_recipients": ["CM"],
        "text": "Over twee weken 2 uur per dag op een andere locatie; daarnaast arbeidsmediation.",
    }
    response, _asked = _send_advice(story, corrected)
    assert response.status_code == 201, response.content

    # Mediation indicated: I-4 and I-5 lead to RT-8, as the engine says.
    story.on("2025-09-10")
    section = story.get(HR, "/cases/{case}/interventions")
    assert {"I-4", "I-5"} <= set(section["indications"]) and {"I-4", "I-5"} <= set(expected["indications"])
    assert "RT-8" in section["routes"] and "RT-8" in expected["routes"]

    # The Poortwachter timers on the case are the engine's, date for date.
    deadlines = story.deadlines(CM)
    for code in ("T-03", "T-04", "T-06", "T-09", "T-11", "T-13"):
        assert deadlines[code]["due"] == engine_deadline(expected, code)["due"], code
        assert deadlines[code]["practical_due"] == engine_deadline(expected, code)["practical_due"], code
    t07 = engine_deadline(expected, "T-07")
    assert (deadlines["T-07"]["window_start"], deadlines["T-07"]["due"]) == (
        t07["window_start"],
        t07["window_end"],
    )
    assert deadlines["T-06"]["due"] == "2026-06-22"


# --- SC-03 -------------------------------------------------------------------------------------


def test_sc03_variant_a_becomes_b_with_samentelling(story: Story) -> None:
    expected = engine("sc03.json")
    story.signal_by_employee("2025-06-02")
    story.on("2025-06-03")
    story.intake(domains=["RELATIONS"], glasl_stage=2, conflict_type="EMPLOYEE_EMPLOYEE")
    story.give_role(BA, "BA")
    # The knee: sick 2025-03-03, recovered 2025-04-21 (49 sick days), sick again 2025-05-12.
    first = {
        "version": 0,
        "first_sick_day": "2025-03-03",
        "recovery_date": "2025-04-21",
        "notified_to_ba_on": "2025-03-04",
    }
    story.post(HR, "/cases/{case}/sick-report", first, 201)
    story.post(
        HR,
        "/cases/{case}/sick-report",
        {"version": 1, "first_sick_day": "2025-05-12", "notified_to_ba_on": "2025-05-13"},
        201,
    )
    story.on("2025-05-13")
    story.post(BA, "/cases/{case}/sick-report/consult", {"consult_on": "2025-05-13"}, 200)
    story.post(BA, "/cases/{case}/sick-report/verdict", {"value": "AO", "recorded_on": "2025-05-13"}, 201)
    no_conflict = {"conflict": False, "recorded_on": "2025-05-13"}
    a = story.post(BA, "/cases/{case}/sick-report/conflict-finding", no_conflict, 201).json()
    initially = engine(
        "sc03.json",
        sick_report={
            **scenario_input("sc03.json")["sick_report"],
            "conflict_finding": {"conflict": False, "recorded_on": "2025-05-13"},
            "conflict_advice_recorded_in": None,
        },
    )
    assert a["variant"] == initially["variant"] == "A"

    # The conflict arises during re-integration in June: variant B, week counts aggregated.
    story.on("2025-06-16")
    conflict = {"conflict": True, "recorded_on": "2025-06-16"}
    b = story.post(BA, "/cases/{case}/sick-report/conflict-finding", conflict, 201).json()
    assert b["variant"] == expected["variant"] == "B"
    deadlines = story.deadlines()
    for code in ("T-06", "T-09", "T-11", "T-13"):
        assert deadlines[code]["due"] == engine_deadline(expected, code)["due"], code
    t07 = engine_deadline(expected, "T-07")
    assert (deadlines["T-07"]["window_start"], deadlines["T-07"]["due"]) == (
        t07["window_start"],
        t07["window_end"],
    )
    assert deadlines["T-06"]["due"] == "2026-01-12"
    # The colleague (the other party) learns nothing of the sick report.
    assert story.get(LG, "/cases/{case}/deadlines") == []


# --- SC-04 -------------------------------------------------------------------------------------


def test_sc04_interventieperiode_edge_cases(story: Story) -> None:
    expected = engine("sc04.json")
    story.signal_by_employee("2025-06-02")
    story.on("2025-06-02")
    story.intake(domains=["RELATIONS"], glasl_stage=3)
    ten_days = {
        "initiated_by": "BA",
        "form": "RELEASED_FROM_WORK",
        "start_on": "2025-06-02",
        "end_on": "2025-06-11",
    }
    # 10 days, released from work: both need a written reason (W+J R-041, W+J R-040).
    refused = story.post(HR, "/cases/{case}/intervention-periods", ten_days, 409).json()
    assert refused["detail"] == "justification_required"
    engine_wj = {f["code"] for f in expected["findings"] if f["severity"] == "WARN+J"}
    assert codes(refused["findings"], "WARN+J") == {"R-040", "R-041"} <= engine_wj
    reasons = {
        "released_reason": "Het team is in acute onrust na een incident.",
        "exceptional_reason": "De filiaalmanager is tot dag 9 afwezig.",
    }
    period = story.post(HR, "/cases/{case}/intervention-periods", {**ten_days, **reasons}, 201).json()
    steps = f"/cases/{{case}}/intervention-periods/{period['id']}/steps"
    # Not active before the employer approved (B R-043): the start date passes and nothing moves.
    assert "intervention_period.started" not in story.run_due()
    assert story.get(HR, "/cases/{case}/interventions")["periods"][0]["state"] == "PROPOSED"
    assert "R-043" in codes(expected["findings"], "BLOCK")
    story.post(HR, steps, {"step": "approve"}, 200)
    appointment = {"with_role": "HR", "with_person": "de HR-adviseur", "meeting_on": "2025-06-05"}
    story.post(HR, steps, {"step": "appointment", "appointment": appointment}, 200)
    assert "1: intervention_period.started" in story.run_due()
    # Extending to 16 days: B R-041, on the extension, as the engine says.
    extend = {"step": "extend", "extension_end_on": "2025-06-17", "extension_reason": "Nog niet rustig."}
    refused = story.post(HR, steps, extend, 409).json()
    assert "R-041" in codes(refused["findings"], "BLOCK")
    assert [
        f["subject"] for f in expected["findings"] if f["code"] == "R-041" and f["severity"] == "BLOCK"
    ] == ["intervention_periods[0].extension_end_on"]

    # The parallel case: a 5-day period without any appointment cannot become active (B R-044).
    parallel = engine("sc04_parallel.json")
    story.signal_by_employee("2025-05-30")
    story.on("2025-06-02")
    story.intake(domains=["CONDITIONS"], glasl_stage=2)
    five = {"initiated_by": "LG", "form": "ALT_WORKPLACE", "start_on": "2025-06-02", "end_on": "2025-06-06"}
    period = story.post(HR, "/cases/{case}/intervention-periods", five, 201).json()
    steps = f"/cases/{{case}}/intervention-periods/{period['id']}/steps"
    story.post(HR, steps, {"step": "approve"}, 200)
    # Approved without an appointment: not APPOINTMENT_PLANNED, so the start date moves nothing (B R-044).
    assert "intervention_period.started" not in story.run_due()
    state = story.get(HR, "/cases/{case}/interventions")["periods"][0]["state"]
    assert state == "EMPLOYER_COMMITTED" and "R-044" in codes(parallel["findings"], "BLOCK")


# --- SC-05 -------------------------------------------------------------------------------------


def test_sc05_conflict_leave_limits(story: Story, world: World) -> None:
    protocol_ensure_default(organisation=world.a.organisation, conflict_leave_enabled=True)
    ahmed = engine("sc05_ahmed.json")
    hr_appointment = {"with_role": "HR", "with_person": "de HR-adviseur", "meeting_on": "2024-01-18"}

    # Ahmed had leave 2024-01-15 → 01-17 and asks again 616 days later: B R-051.
    story.signal_by_employee("2024-01-10")
    leave = story.post(
        WN, "/cases/{case}/conflict-leave", {"start_on": "2024-01-15", "end_on": "2024-01-17"}, 201
    )
    steps = f"/cases/{{case}}/conflict-leave/{leave.json()['id']}/steps"
    story.post(HR, steps, {"step": "approve", "appointment": hr_appointment}, 200)
    story.signal_by_employee("2025-09-12")
    story.on("2025-09-15")
    refused = story.post(
        WN, "/cases/{case}/conflict-leave", {"start_on": "2025-09-22", "end_on": "2025-09-24"}, 409
    )
    assert codes(refused.json()["findings"], "BLOCK") == {"R-051"} == codes(ahmed["findings"], "BLOCK")
    api_message = next(f["message"] for f in refused.json()["findings"] if f["code"] == "R-051")
    assert api_message == next(f["message"] for f in ahmed["findings"] if f["code"] == "R-051")


def test_sc05_lotte_and_pim(story: Story, world: World) -> None:
    protocol_ensure_default(organisation=world.a.organisation, conflict_leave_enabled=True)
    lotte, pim = engine("sc05.json"), engine("sc05_pim.json")
    by_request: dict[str, set[tuple[str, str]]] = {}
    for f in lotte["findings"]:
        by_request.setdefault((f["subject"] or "").split(".")[0], set()).add((f["code"], f["severity"]))

    story.signal_by_employee("2025-09-12")
    story.on("2025-09-15")
    # Four days: B R-052.
    four = story.post(
        WN, "/cases/{case}/conflict-leave", {"start_on": "2025-09-22", "end_on": "2025-09-25"}, 409
    )
    assert ("R-052", "BLOCK") in {(f["code"], f["severity"]) for f in four.json()["findings"]}
    assert ("R-052", "BLOCK") in by_request["conflict_leave_requests[0]"]
    leave = story.post(
        WN, "/cases/{case}/conflict-leave", {"start_on": "2025-09-22", "end_on": "2025-09-24"}, 201
    )
    steps = f"/cases/{{case}}/conflict-leave/{leave.json()['id']}/steps"
    # Three days without an appointment: B R-054.
    refused = story.post(HR, steps, {"step": "approve"}, 409).json()
    assert "R-054" in codes(refused["findings"], "BLOCK")
    assert ("R-054", "BLOCK") in by_request["conflict_leave_requests[1]"]
    # With the vertrouwenspersoon: W R-054 (the VP supports but does not chair, R-064).
    with_vp = {"with_role": "VP", "with_person": "de vertrouwenspersoon", "meeting_on": "2025-09-25"}
    warned = story.post(HR, steps, {"step": "approve", "appointment": with_vp}, 409).json()
    assert warned["detail"] == "acknowledgement_required"
    assert codes(warned["findings"], "WARN") == {"R-054"}
    assert ("R-054", "WARN") in by_request["conflict_leave_requests[2]"]
    # With her HR adviser: approved, paid, the engine has nothing but R-055's pointer.
    with_hr = {"with_role": "HR", "with_person": "de HR-adviseur", "meeting_on": "2025-09-25"}
    approved = story.post(HR, steps, {"step": "approve", "appointment": with_hr}, 200).json()
    assert approved["state"] == "APPROVED"
    assert by_request["conflict_leave_requests[3]"] == {("R-055", "INFO")}

    # Pim is reported sick: B R-056.
    story.signal_by_employee("2025-09-10")
    story.on("2025-09-17")
    story.post(
        HR,
        "/cases/{case}/sick-report",
        {"version": 0, "first_sick_day": "2025-09-15", "notified_to_ba_on": "2025-09-15"},
        201,
    )
    refused = story.post(
        WN, "/cases/{case}/conflict-leave", {"start_on": "2025-09-22", "end_on": "2025-09-24"}, 409
    )
    assert "R-056" in codes(refused.json()["findings"], "BLOCK") and "R-056" in codes(
        pim["findings"], "BLOCK"
    )


# --- SC-06 -------------------------------------------------------------------------------------


def test_sc06_sexual_harassment_the_vertrouwenspersoon_first(story: Story) -> None:
    expected, later = engine("sc06.json"), engine("sc06_later.json")
    story.signal_by_employee("2025-09-30")
    story.on("2025-10-01")
    case = story.intake(
        domains=["RELATIONS"],
        conflict_type="UNDESIRABLE_BEHAVIOUR_BASED",
        undesirable_behaviour_suspected=True,
        undesirable_behaviour_categories=["SEXUAL_HARASSMENT"],
    )
    assert case["r100_hold"] is True
    # HR proposes a mediation between them next week, or a joint conversation: held (B R-100, RT-2).
    for kind in ("REFERRAL_MEDIATOR", "CONVERSATION"):
        refused = story.post(HR, "/cases/{case}/interventions", {"kind": kind}, 409).json()
        assert "R-100" in codes(refused["findings"], "BLOCK")
    assert "R-100" in codes(expected["findings"], "BLOCK")
    section = story.get(HR, "/cases/{case}/interventions")
    assert "RT-2" in section["routes"] and "RT-2" in expected["routes"]
    assert "RT-8" not in section["routes"] and "RT-8" not in expected["routes"]
    assert section["interventions"] == []

    # Lisa is offered the vertrouwenspersoon; the referral carries no case content.
    story.post(HR, "/cases/{case}/interventions", {"kind": "REFERRAL_VP", "note": "niet doorgeven"}, 201)
    assert story.get(HR, "/cases/{case}")["vp_offered_on"] == "2025-10-01"
    # Only Lisa chooses; HR learns that she chose, not what.
    story.post(HR, "/cases/{case}/melder-choice", {"choice": "VP"}, 403)
    mine = story.post(
        WN, "/cases/{case}/melder-choice", {"choice": "FORMAL_COMPLAINT", "consents_to_mediation": True}, 200
    ).json()
    assert mine["melder_choice"] == "FORMAL_COMPLAINT" and mine["r100_hold"] is False
    hr_case = story.get(HR, "/cases/{case}")
    assert hr_case["melder_choice"] is None and hr_case["r100_hold"] is False

    # Months later, with her consent, mediation is possible (I-6): the engine holds nothing either.
    story.on("2026-03-02")
    referral = story.post(HR, "/cases/{case}/interventions", {"kind": "REFERRAL_MEDIATOR"}, 201).json()
    assert referral["kind"] == "REFERRAL_MEDIATOR"
    assert "R-100" not in codes(later["findings"])
