"""The Poortwachter documents played through the JSON API on their own dates (R-150…R-158, T-03…T-09, D10).

Each signature is made on the scenario's date: the clock (`timezone.now` and `localdate`) is set to
noon of that day, so the date a document is frozen is the date the guideline counts.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import World
from tests.scenarios.story import Story, codes
from werkvrede.cases.guideline_bridge import stored_case_advice
from werkvrede.cases.models import Case
from werkvrede.core.roles import Role
from werkvrede.sickness.facts import case_facts

HR, CM, LG, WN, BA = (
    Role.HR_ADVISER,
    Role.CASEMANAGER,
    Role.LINE_MANAGER,
    Role.EMPLOYEE,
    Role.OCCUPATIONAL_PHYSICIAN,
)
DOCS = "/cases/{case}/wvp-documents"


class Clock(Story):
    """A story whose clock also moves `timezone.now` (the time a signature is made)."""

    def on(self, day: str) -> Clock:
        today = date.fromisoformat(day)
        noon = timezone.make_aware(datetime.combine(today, time(12, 0)))
        self.monkeypatch.setattr(timezone, "now", lambda: noon)
        self.monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today)
        self.clients = {}  # log in again on the new day: a session does not last a year
        return self

    def sign(self, role: Role, document_id: int, expect: int = 200) -> dict[str, Any]:
        name = self.world.a.users[role].full_name
        response = self.post(role, f"{DOCS}/{document_id}/sign", {"typed_name": name}, expect)
        result: dict[str, Any] = response.json()
        return result

    def draft(self, role: Role, body: dict[str, Any], expect: int = 201) -> dict[str, Any]:
        result: dict[str, Any] = self.post(role, DOCS, body, expect).json()
        return result


@pytest.fixture
def clock(world: World, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any) -> Clock:
    return Clock(world, monkeypatch, django_capture_on_commit_callbacks)


def _day(first: date, n: int) -> str:
    return (first + timedelta(days=n)).isoformat()


def _variant_b_case(clock: Clock, first: date) -> None:
    """A sick report in a conflict case, AO with a conflict: variant B (R-014)."""
    clock.signal_by_employee(first.isoformat())
    clock.on(_day(first, 1))
    clock.give_role(BA, "BA")
    clock.give_role(CM, "CM")
    report = {"version": 0, "first_sick_day": first.isoformat(), "notified_to_ba_on": _day(first, 1)}
    clock.post(CM, "/cases/{case}/sick-report", report, 201)
    day = _day(first, 2)
    clock.on(day)
    clock.post(BA, "/cases/{case}/sick-report/consult", {"consult_on": day}, 200)
    verdict = {"value": "AO", "recorded_on": day, "limitations": "Geen leidinggevende taken."}
    clock.post(BA, "/cases/{case}/sick-report/verdict", verdict, 201)
    finding = {"conflict": True, "prolongs_incapacity": True, "recorded_on": day}
    found = clock.post(BA, "/cases/{case}/sick-report/conflict-finding", finding, 201).json()
    assert found["variant"] == "B"


def test_a_year_of_variant_b_every_document_signed_on_time(clock: Clock) -> None:
    first = date(2025, 3, 10)
    _variant_b_case(clock, first)

    # Week 5: the probleemanalyse, with the conflict advice variant B needs, signed by the BA.
    clock.on(_day(first, 30))
    pa = clock.draft(
        BA,
        {
            "kind": "PROBLEM_ANALYSIS",
            "possibilities": "Eigen werk, halve dagen.",
            "reintegration_advice": "Opbouw in vier weken.",
            "conflict_advice": "Arbeidsmediation tussen werknemer en leidinggevende.",
        },
    )
    assert pa["status"] == "DRAFT" and pa["timer"] == "T-03"
    assert pa["content"]["first_sick_day"] == first.isoformat()
    assert pa["content"]["functional_limitations"] == "Geen leidinggevende taken."  # from the verdict
    assert clock.sign(BA, pa["id"])["status"] == "SIGNED"

    # Week 6: the plan van aanpak by the casemanager with the employee; both sign.
    clock.on(_day(first, 36))
    plan = clock.draft(
        CM,
        {"kind": "ACTION_PLAN", "goal": "Terug in eigen werk.", "activities": "Mediation; opbouw."},
    )
    assert plan["content"]["casemanager"]["name"] == clock.world.a.users[CM].full_name
    assert clock.sign(CM, plan["id"])["status"] == "AWAITING_SIGNATURE"
    assert clock.deadlines()["T-04"]["status"] != "DONE"  # one signature is not a plan
    assert clock.sign(WN, plan["id"])["status"] == "SIGNED"

    # Week 42: the 42e-weeksmelding to UWV.
    clock.on(_day(first, 290))
    notice = clock.draft(CM, {"kind": "UWV_SICKNESS_NOTICE", "work_accident": False, "safety_net": False})
    clock.sign(CM, notice["id"])

    # Week 47: the eerstejaarsevaluatie, employer and employee (R-155, window weeks 46-52).
    clock.on(_day(first, 322))
    evaluation = clock.draft(
        CM,
        {
            "kind": "FIRST_YEAR_EVALUATION",
            "look_back": "Mediation afgerond.",
            "look_forward": "Volledige hervatting.",
            "track_two": "Niet nodig.",
        },
    )
    clock.sign(CM, evaluation["id"])
    clock.sign(WN, evaluation["id"])

    deadlines = clock.deadlines()
    expected_done = {
        "T-03": _day(first, 30),
        "T-04": _day(first, 36),
        "T-06": _day(first, 290),
        "T-07": _day(first, 322),
    }
    for code, day in expected_done.items():
        assert deadlines[code]["status"] == "DONE", (code, deadlines[code])
        assert deadlines[code]["done_on"] == day, code
    # Nothing late, nothing missing: no finding on the Poortwachter obligations.
    case = Case.objects.get(pk=clock.case_id)
    found = {f.code for f in stored_case_advice(case, today=date.fromisoformat(_day(first, 322))).findings}
    assert not found & {"R-150", "R-151", "R-154", "R-155", "R-161", "R-019"}

    # W6: the employee reads every signed document of their case.
    seen = {d["kind"] for d in clock.get(WN, DOCS)}
    assert seen == {"PROBLEM_ANALYSIS", "ACTION_PLAN", "UWV_SICKNESS_NOTICE", "FIRST_YEAR_EVALUATION"}


def test_variant_b_probleemanalyse_without_conflict_advice_is_found(clock: Clock) -> None:
    first = date(2025, 3, 10)
    _variant_b_case(clock, first)
    clock.on(_day(first, 30))
    pa = clock.draft(BA, {"kind": "PROBLEM_ANALYSIS", "possibilities": "Eigen werk."})
    clock.sign(BA, pa["id"])
    case = Case.objects.get(pk=clock.case_id)
    assert "R-161" in {f.code for f in stored_case_advice(case, today=date(2025, 4, 9)).findings}
    # A bijstelling that carries the conflict advice answers it (R-161: "the PA or its update").
    update = clock.draft(
        BA, {"kind": "PROBLEM_ANALYSIS_UPDATE", "reason": "Variant B", "conflict_advice": "Mediation."}
    )
    clock.sign(BA, update["id"])
    assert "R-161" not in {f.code for f in stored_case_advice(case, today=date(2025, 4, 9)).findings}
    assert case_facts(case)["sick_report"]["conflict_advice_recorded_in"] == "PA_UPDATE"


def test_week_42_ending_on_a_saturday_the_notice_is_on_time_on_the_monday(clock: Clock) -> None:
    first = date(2025, 3, 9)  # a Sunday: sick day 294 (end of week 42) is a Saturday
    end_of_week_42 = first + timedelta(days=293)
    assert end_of_week_42.weekday() == 5
    monday = end_of_week_42 + timedelta(days=2)
    _variant_b_case(clock, first)
    clock.on((end_of_week_42 - timedelta(days=1)).isoformat())  # drafted in week 42, on the Friday
    notice = clock.draft(CM, {"kind": "UWV_SICKNESS_NOTICE", "work_accident": False, "safety_net": True})
    assert notice["due"] == monday.isoformat()  # the first working day after week 42
    clock.on(monday.isoformat())
    signed = clock.sign(CM, notice["id"])
    assert signed["signed_on"] == monday.isoformat()
    row = clock.deadlines()["T-06"]
    assert row["status"] == "DONE" and row["done_on"] == monday.isoformat()
    case = Case.objects.get(pk=clock.case_id)
    assert "R-154" not in codes([{"code": f.code} for f in stored_case_advice(case, today=monday).findings])


def test_a_notice_signed_on_the_tuesday_after_is_past_its_date(clock: Clock) -> None:
    """Near miss of the Monday case: one working day later the deadline is past (no DONE on the due day)."""
    first = date(2025, 3, 9)
    tuesday = first + timedelta(days=296)
    _variant_b_case(clock, first)
    clock.on(tuesday.isoformat())
    notice = clock.draft(CM, {"kind": "UWV_SICKNESS_NOTICE"})
    assert date.fromisoformat(notice["due"]) < tuesday
    clock.sign(CM, notice["id"])
    row = clock.deadlines()["T-06"]
    assert row["done_on"] == tuesday.isoformat()
    # Late stays late (ADR 0100): one working day after the Monday, with R-154's finding.
    assert row["status"] == "DONE_LATE" and row["late_working_days"] == 1
    case = Case.objects.get(pk=clock.case_id)
    late = [f for f in stored_case_advice(case, today=tuesday).findings if f.code == "R-154"]
    assert len(late) == 1 and "T-06" in late[0].message.nl and "1 werkdag te laat" in late[0].message.nl


def test_a_probleemanalyse_signed_two_weeks_late_stays_late(clock: Clock) -> None:
    """T-03 is due at the end of week 6 (R-150); signed two weeks later it is DONE_LATE, not DONE."""
    first = date(2025, 9, 3)  # a Wednesday: the end of week 6 is Tuesday 14 October, no holidays after
    due = first + timedelta(days=41)
    assert due == date(2025, 10, 14)
    signed_on = due + timedelta(days=14)
    _variant_b_case(clock, first)
    clock.on(signed_on.isoformat())
    pa = clock.draft(BA, {"kind": "PROBLEM_ANALYSIS", "conflict_advice": "Arbeidsmediation."})
    assert clock.sign(BA, pa["id"])["status"] == "SIGNED"

    row = clock.deadlines()["T-03"]
    assert (row["status"], row["done_on"], row["late_working_days"]) == ("DONE_LATE", "2025-10-28", 10)
    case = Case.objects.get(pk=clock.case_id)
    late = [f for f in stored_case_advice(case, today=signed_on).findings if f.code == "R-150"]
    assert len(late) == 1 and late[0].severity.value == "WARN"
    assert "10 werkdagen te laat" in late[0].message.nl and "10 working days late" in late[0].message.en
    # The employee's own view of the deadline says the same.
    assert clock.deadlines(WN)["T-03"]["status"] == "DONE_LATE"


def test_a_probleemanalyse_signed_on_its_due_day_is_done_near_miss(clock: Clock) -> None:
    first = date(2025, 9, 3)
    due = first + timedelta(days=41)
    _variant_b_case(clock, first)
    clock.on(due.isoformat())
    pa = clock.draft(BA, {"kind": "PROBLEM_ANALYSIS", "conflict_advice": "Arbeidsmediation."})
    clock.sign(BA, pa["id"])
    row = clock.deadlines()["T-03"]
    assert (row["status"], row["late_working_days"]) == ("DONE", None)
    case = Case.objects.get(pk=clock.case_id)
    assert "R-150" not in {f.code for f in stored_case_advice(case, today=due).findings}
