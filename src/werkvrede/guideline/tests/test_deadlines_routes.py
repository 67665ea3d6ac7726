"""Deadlines T-01…T-24, routes RT-1…RT-13, indications I-1…I-8 and the BLOCK* tenant switch."""

from typing import Any

import pytest

from werkvrede.guideline.model import DeadlineStatus, Severity
from werkvrede.guideline.tests.builders import (
    FSD,
    LEAVE_ON,
    TODAY,
    advice,
    conflict,
    d,
    deadline,
    has,
    ip,
    leave,
    mediation,
    run,
    sick,
    sit,
    termination,
    variant,
)


def test_t01_t02_from_the_own_first_sick_day() -> None:
    a = run(sit(sick_report=sick(conflict_signalled=True, notified_to_ba_on=None)))
    assert deadline(a, "T-01").due.isoformat() == d(FSD, 6)
    assert deadline(a, "T-01").status is DeadlineStatus.OVERDUE
    assert deadline(a, "T-02").due.isoformat() == d(FSD, 7)


def test_t05_progress_review_every_42_days_from_last_review() -> None:
    sr = variant("A", action_plan={"on": d(FSD, 50), "signed_by_employer": True, "signed_by_employee": True})
    a = run(sit(sick_report=sr))
    assert deadline(a, "T-05").due.isoformat() == d(FSD, 92)
    a = run(sit(sick_report=sr | {"progress_reviews": [d(FSD, 90)]}))
    assert deadline(a, "T-05").due.isoformat() == d(FSD, 132)


def test_t04_not_applicable_while_no_work_capacity() -> None:
    sr = sick(
        verdict={"value": "AO", "no_work_capacity": True},
        conflict_finding={"conflict": False},
        action_plan={"not_applicable": True},
    )
    assert deadline(run(sit(sick_report=sr)), "T-04").status is DeadlineStatus.NOT_APPLICABLE


@pytest.mark.parametrize(
    ("fsd", "off", "expected"),
    [
        ("2025-09-01", [], "2026-06-22"),  # FSD+294 is a Monday
        ("2025-05-12", [], "2026-03-02"),  # FSD+294 is a Sunday
        ("2025-08-31", [], "2026-06-22"),  # Saturday -> Monday
        ("2025-09-01", ["2026-06-22"], "2026-06-23"),  # a holiday on the Monday
    ],
)
def test_t06_first_working_day_after_week_42(fsd: str, off: list[str], expected: str) -> None:
    a = run(
        sit(
            non_working_dates=off,
            sick_report=variant("A") | {"first_sick_day": fsd, "notified_to_ba_on": fsd},
        )
    )
    assert deadline(a, "T-06").due.isoformat() == expected


def test_wvp_only_for_ao() -> None:
    assert deadline(run(sit(sick_report=variant("C"))), "T-03") is None
    assert deadline(run(sit(sick_report=variant("NONE"))), "T-06") is None
    assert deadline(run(sit(sick_report=variant("A"))), "T-03") is not None


def test_recovery_stops_open_timers() -> None:
    a = run(sit(sick_report=variant("A", recovery_date=d(FSD, 20))))
    assert deadline(a, "T-03").status is DeadlineStatus.NOT_APPLICABLE
    assert deadline(a, "T-01").status is DeadlineStatus.DONE


def test_t08_t10_t12_t13() -> None:
    a = run(
        sit(sick_report=variant("A", wia_applied_on="2027-06-01", planned_wia_application_on="2027-06-10"))
    )
    t08 = deadline(a, "T-08")
    assert (t08.window_start.isoformat(), t08.window_end.isoformat()) == (d(FSD, 609), d(FSD, 615))
    assert deadline(a, "T-10").due.isoformat() == "2027-05-27"
    notes = {dl.note: str(dl.due) for dl in a.deadlines if dl.code == "T-12"}
    assert notes == {"receipt": "2027-06-15", "decision": "2027-07-27"}
    assert deadline(a, "T-13").due.isoformat() == d(FSD, 727)


def test_t14_t15_t16_intervention_period() -> None:
    a = run(sit(intervention_periods=[ip()]))
    assert deadline(a, "T-14").due.isoformat() == "2025-09-21"
    assert deadline(a, "T-15").done_on is not None
    assert deadline(a, "T-16").due.isoformat() == "2025-09-26"


def test_t17_next_leave_start() -> None:
    a = run(
        sit(
            tenant=LEAVE_ON,
            conflict_leave_history=[{"start_on": "2024-02-29"}],
            conflict_leave_requests=[leave(start_on="2026-02-27", end_on="2026-02-27")],
        )
    )
    assert deadline(a, "T-17").due.isoformat() == "2026-02-28"  # 29 Feb + 24 months, clamped


def test_t18_t19_reflection_period() -> None:
    a = run(sit(termination_agreements=[termination()]))
    assert deadline(a, "T-18").due.isoformat() == "2025-09-15"
    a = run(sit(termination_agreements=[termination(mentions_dissolution_right=False)]))
    assert deadline(a, "T-18").due.isoformat() == "2025-09-22"
    a = run(sit(termination_agreements=[termination(previous_dissolution_on="2025-04-01")]))
    assert deadline(a, "T-18") is None
    assert deadline(a, "T-19").window_end.isoformat() == "2025-09-30"
    a = run(sit(termination_agreements=[termination(statutory_director=True)]))
    assert deadline(a, "T-18") is None


def test_t20_t21_whistleblower() -> None:
    a = run(sit(whistleblower_report={"received_on": "2025-09-01", "acknowledged_on": "2025-09-05"}))
    assert deadline(a, "T-20").due.isoformat() == "2025-09-08"
    assert deadline(a, "T-20").status is DeadlineStatus.DONE
    assert deadline(a, "T-21").due.isoformat() == "2025-12-05"


def test_t22_review_of_not_able_to_converse() -> None:
    a = run(
        sit(
            sick_report=variant("B"),
            ba_advice=[
                advice(not_able_to_converse=True, not_able_medical_grounds=True, review_date=d(FSD, 30))
            ],
        )
    )
    assert deadline(a, "T-22").due.isoformat() == d(FSD, 30)
    late = run(
        sit(
            sick_report=variant("B"),
            ba_advice=[
                advice(not_able_to_converse=True, not_able_medical_grounds=True, review_date=d(FSD, 4 + 43))
            ],
        )
    )
    assert has(late, "R-032", "WARN", "ba_advice[0].review_date")
    ok = run(
        sit(
            sick_report=variant("B"),
            ba_advice=[
                advice(not_able_to_converse=True, not_able_medical_grounds=True, review_date=d(FSD, 4 + 42))
            ],
        )
    )
    assert not has(ok, "R-032", "WARN", "ba_advice[0].review_date")


def test_t23_vp_dossier() -> None:
    a = run(sit(vp_report={"closed_on": "2025-06-01", "in_annual_report_on": "2026-01-31"}))
    assert deadline(a, "T-23").due.isoformat() == "2026-01-31"


def test_t24_retention_and_legal_hold() -> None:
    r = {
        "employment_ended_on": "2025-01-31",
        "reintegration_ended_on": "2025-01-31",
        "medical_file_last_changed_on": "2025-01-31",
        "mediation_ended_on": "2025-01-31",
        "supporter_engagement_ended_on": "2025-01-31",
        "whistleblower_closed_on": "2025-01-31",
        "erd_zw_file_closed_on": "2025-01-31",
        "erd_wga": True,
    }
    a = run(sit(retention=r))
    by_rule = {dl.basis: str(dl.due) for dl in a.deadlines if dl.code == "T-24"}
    assert by_rule == {
        "R-140": "2027-01-31",
        "R-141": "2027-01-31",
        "R-142": "2030-01-31",
        "R-143": "2035-01-31",
        "R-144": "2045-01-31",
        "R-146": "2027-01-31",
        "R-147": "2025-04-30",
        "R-148": "2027-01-31",
    }
    held = run(sit(retention=r | {"legal_hold": True}))
    assert {dl.status for dl in held.deadlines if dl.code == "T-24"} == {DeadlineStatus.NOT_APPLICABLE}


def test_due_soon_within_five_working_days() -> None:
    a = run(sit(today="2025-09-19", intervention_periods=[ip()]))  # evaluation due Fri 26th
    assert deadline(a, "T-16").status is DeadlineStatus.DUE_SOON
    a = run(sit(today="2025-09-18", intervention_periods=[ip()]))
    assert deadline(a, "T-16").status is DeadlineStatus.PENDING


# Rows: test id, situation, route code, whether the route is expected.
ROUTES: list[tuple[str, dict[str, Any], str, bool]] = [
    (
        "RT-1 misstand with public interest",
        sit(conflict=conflict(misstand_suspected=True, public_interest=True)),
        "RT-1",
        True,
    ),
    (
        "RT-1 purely personal",
        sit(conflict=conflict(misstand_suspected=True, public_interest=False)),
        "RT-1",
        False,
    ),
    (
        "RT-2 bullying",
        sit(conflict=conflict(undesirable_behaviour={"categories": ["BULLYING"]})),
        "RT-2",
        True,
    ),
    ("RT-2 other", sit(conflict=conflict(undesirable_behaviour={"categories": ["OTHER"]})), "RT-2", False),
    ("RT-3 sick", sit(sick_report=sick()), "RT-3", True),
    ("RT-3 not sick", sit(conflict=conflict()), "RT-3", False),
    ("RT-4 distance, not sick", sit(conflict=conflict(wants_distance=True)), "RT-4", True),
    (
        "RT-4 distance but sick",
        sit(conflict=conflict(wants_distance=True), sick_report=sick()),
        "RT-4",
        False,
    ),
    (
        "RT-5 doctor without employer",
        sit(conflict=conflict(wants_doctor_without_employer=True)),
        "RT-5",
        True,
    ),
    ("RT-6 Glasl 3", sit(conflict=conflict(glasl_stage=3)), "RT-6", True),
    ("RT-6 Glasl 4", sit(conflict=conflict(glasl_stage=4)), "RT-6", False),
    ("RT-6 lawyer", sit(conflict=conflict(glasl_stage=2, legal_assistance_employee=True)), "RT-6", False),
    ("RT-7 lawyer", sit(conflict=conflict(legal_assistance_employer=True)), "RT-7", True),
    (
        "RT-8 indication, willing",
        sit(conflict=conflict(glasl_stage=4, parties_willing_to_mediate=True)),
        "RT-8",
        True,
    ),
    (
        "RT-8 indication, unwilling",
        sit(conflict=conflict(glasl_stage=4, parties_willing_to_mediate=False)),
        "RT-8",
        False,
    ),
    ("RT-9 unwilling", sit(conflict=conflict(parties_willing_to_mediate=False)), "RT-9", True),
    ("RT-10 Glasl 7", sit(conflict=conflict(glasl_stage=7)), "RT-10", True),
    ("RT-10 Glasl 6", sit(conflict=conflict(glasl_stage=6)), "RT-10", False),
    (
        "RT-11 VP chairs",
        sit(conflict=conflict(), interventions=[{"kind": "CONVERSATION", "chair_role": "VP"}]),
        "RT-11",
        True,
    ),
    (
        "RT-12 intake finds harassment",
        sit(mediation=mediation(status="INTAKE", undesirable_behaviour_at_intake=True)),
        "RT-12",
        True,
    ),
    ("RT-12 paused", sit(mediation=mediation(status="PAUSED_VP_REFERRAL")), "RT-12", True),
    (
        "RT-13 BA asked to advise termination",
        sit(conflict=conflict(ba_termination_advice_requested=True)),
        "RT-13",
        True,
    ),
    (
        "RT-13 advice recommends resignation",
        sit(sick_report=variant("C"), ba_advice=[advice(recommends_resignation=True)]),
        "RT-13",
        True,
    ),
]


@pytest.mark.parametrize(("data", "code", "expected"), [r[1:] for r in ROUTES], ids=[r[0] for r in ROUTES])
def test_routes(data: dict[str, Any], code: str, expected: bool) -> None:
    assert (code in run(data).routes) is expected


def _own(outcome: str) -> list[dict[str, Any]]:
    return [{"kind": "OWN_CONVERSATION", "outcome": outcome}]


INDICATIONS: list[tuple[str, dict[str, Any], str, bool]] = [
    (
        "I-1 28 days, failed",
        sit(today=d(FSD, 28), conflict=conflict(attempts=_own("NOT_RESOLVED"))),
        "I-1",
        True,
    ),
    (
        "I-1 27 days, failed",
        sit(today=d(FSD, 27), conflict=conflict(attempts=_own("NOT_RESOLVED"))),
        "I-1",
        False,
    ),
    (
        "I-1 28 days, resolved",
        sit(today=d(FSD, 28), conflict=conflict(attempts=_own("RESOLVED"))),
        "I-1",
        False,
    ),
    (
        "I-2 HR failed",
        sit(
            conflict=conflict(
                attempts=[
                    {"kind": "FACILITATED_CONVERSATION", "facilitator": "HR", "outcome": "NOT_RESOLVED"}
                ]
            )
        ),
        "I-2",
        True,
    ),
    (
        "I-2 HR pending",
        sit(conflict=conflict(attempts=[{"kind": "FACILITATED_CONVERSATION", "facilitator": "HR"}])),
        "I-2",
        False,
    ),
    ("I-3 colleagues involved", sit(conflict=conflict(third_parties_involved=True)), "I-3", True),
    ("I-3 lawyer", sit(conflict=conflict(legal_assistance_employee=True)), "I-3", True),
    ("I-3 none", sit(conflict=conflict()), "I-3", False),
    ("I-4 Glasl 4", sit(conflict=conflict(glasl_stage=4)), "I-4", True),
    ("I-4 Glasl 3", sit(conflict=conflict(glasl_stage=3)), "I-4", False),
    (
        "I-4 recent signal",
        sit(
            conflict=conflict(
                glasl_stage=2, escalation_signals=[{"kind": "PARTIES_INCREASING", "on": d(TODAY, -5)}]
            )
        ),
        "I-4",
        True,
    ),
    ("I-4 sick report alone", sit(conflict=conflict(glasl_stage=2), sick_report=sick()), "I-4", False),
    (
        "I-5 B prolongs",
        sit(sick_report=variant("B") | {"conflict_finding": {"conflict": True, "prolongs_incapacity": True}}),
        "I-5",
        True,
    ),
    (
        "I-5 C prolongs",
        sit(sick_report=variant("C") | {"conflict_finding": {"conflict": True, "prolongs_incapacity": True}}),
        "I-5",
        False,
    ),
    (
        "I-6 after VP, with consent",
        sit(
            conflict=conflict(
                undesirable_behaviour={
                    "categories": ["BULLYING"],
                    "vp_offered_on": FSD,
                    "melder_choice": "VP",
                    "consents_to_mediation": True,
                }
            )
        ),
        "I-6",
        True,
    ),
    (
        "I-6 without consent",
        sit(
            conflict=conflict(
                undesirable_behaviour={
                    "categories": ["BULLYING"],
                    "vp_offered_on": FSD,
                    "melder_choice": "VP",
                }
            )
        ),
        "I-6",
        False,
    ),
    (
        "I-6 VP not offered",
        sit(
            conflict=conflict(
                undesirable_behaviour={"categories": ["BULLYING"], "consents_to_mediation": True}
            )
        ),
        "I-6",
        False,
    ),
    ("I-7 termination talk", sit(conflict=conflict(termination_discussion=True)), "I-7", True),
    (
        "I-8 pre-mediation Glasl 2",
        sit(conflict=conflict(undesirable_work_situation=True, glasl_stage=2)),
        "I-8",
        True,
    ),
    ("I-8 Glasl 3", sit(conflict=conflict(undesirable_work_situation=True, glasl_stage=3)), "I-8", False),
    ("I-8 no conflict recorded", sit(conflict={"undesirable_work_situation": True}), "I-8", True),
]


@pytest.mark.parametrize(
    ("data", "code", "expected"), [r[1:] for r in INDICATIONS], ids=[r[0] for r in INDICATIONS]
)
def test_indications(data: dict[str, Any], code: str, expected: bool) -> None:
    assert (code in run(data).indications) is expected


def test_block_star_switch_only_for_the_bedrijfsarts() -> None:
    draft = advice(reintegration_condition="CONFLICT_RESOLVED")
    default = run(sit(sick_report=variant("B"), ba_advice=[draft]))
    assert has(default, "R-030", "BLOCK*")
    switched = run(
        sit(
            tenant={"professional_rules.ba_override_mode": "WARN_J"},
            sick_report=variant("B"),
            ba_advice=[draft],
        )
    )
    f = next(
        f
        for f in switched.findings
        if f.code == "R-030" and f.subject == "ba_advice[0].reintegration_condition"
    )
    assert f.severity is Severity.WARN_J
    assert f.configured_from is Severity.BLOCK_STAR
    td = run(
        sit(
            tenant={"professional_rules.ba_override_mode": "WARN_J"},
            sick_report=variant("B"),
            ba_advice=[draft | {"author_role": "TD"}],
        )
    )
    assert has(td, "R-030", "BLOCK*")


def test_output_order_is_deterministic() -> None:
    from werkvrede.guideline.catalogue import code_sort_key
    from werkvrede.guideline.model import SEVERITY_ORDER

    data = sit(
        sick_report=variant("B", employer_notes="burn-out", conflict_signalled=True, consult_on=d(FSD, 9)),
        conflict=conflict(glasl_stage=8, third_parties_involved=True, legal_assistance_employer=True),
        ba_advice=[advice(reintegration_condition="CONFLICT_RESOLVED", recipients=["HR"])],
    )
    a, b = run(data), run(data)
    assert a == b
    keys = [(SEVERITY_ORDER[f.severity], code_sort_key(f.code), f.subject or "") for f in a.findings]
    assert keys == sorted(keys)
    assert list(a.routes) == sorted(a.routes, key=code_sort_key)
    assert [dl.code for dl in a.deadlines] == sorted((dl.code for dl in a.deadlines), key=code_sort_key)


def test_no_message_keeps_an_unfilled_placeholder() -> None:
    from pathlib import Path

    from werkvrede.guideline import evaluate, parse_situation

    for f in sorted((Path(__file__).parent / "scenarios").glob("*.json")):
        import json

        a = evaluate(parse_situation(json.loads(f.read_text())), today=None)
        for finding in a.findings:
            assert "{" not in finding.message.nl + finding.message.en, (f.name, finding.code)
