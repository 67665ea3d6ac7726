"""A step done after its due date stays late: DONE_LATE with working days, and a finding (ADR 0100)."""

from datetime import date
from typing import Any

import pytest

from werkvrede.guideline import parse_situation
from werkvrede.guideline.catalogue import CATALOGUE, LATE
from werkvrede.guideline.model import DeadlineStatus, Severity
from werkvrede.guideline.output import advice_to_dict, render_text
from werkvrede.guideline.states import MACHINES, completion_event, transition
from werkvrede.guideline.tests.builders import FSD, d, deadline, ip, run, sit, variant

# FSD is a Monday, so the end of week 6 (FSD + 41) is a Sunday: on time up to Monday FSD + 42.
PA_DUE = d(FSD, 41)


def _pa(on: str, **extra: Any) -> Any:
    return sit(today=d(FSD, 120), sick_report=variant("A", problem_analysis={"on": on}, **extra))


def date_of(iso: str) -> date:
    return date.fromisoformat(iso)


def _late(a: Any, rule: str) -> list[Any]:
    return [f for f in a.findings if f.code == rule and f.severity is Severity.WARN and "(T-" in f.message.en]


def test_problem_analysis_two_weeks_late_is_done_late_with_ten_working_days() -> None:
    a = run(_pa(d(FSD, 42 + 14)))  # two weeks after the first working day on or after the due date
    t03 = deadline(a, "T-03")
    assert t03.status is DeadlineStatus.DONE_LATE
    assert t03.late_working_days == 10
    [finding] = _late(a, "R-150")
    assert finding.subject == "sick_report.problem_analysis"
    assert "T-03" in finding.message.nl and "10 werkdagen te laat" in finding.message.nl
    assert "10 working days late" in finding.message.en and "loonsanctie" in finding.message.en
    assert finding.source == CATALOGUE["R-150"].source


@pytest.mark.parametrize(
    ("done", "why"),
    [
        (PA_DUE, "on the due date"),
        (d(FSD, 42), "on the first working day after a due date on a Sunday"),
        (d(FSD, 20), "well before the due date"),
    ],
)
def test_problem_analysis_on_time_is_done_without_finding(done: str, why: str) -> None:
    a = run(_pa(done))
    assert deadline(a, "T-03").status is DeadlineStatus.DONE, why
    assert deadline(a, "T-03").late_working_days is None
    assert not _late(a, "R-150")


def test_one_working_day_late_after_the_tolerated_monday() -> None:
    a = run(_pa(d(FSD, 43)))
    assert deadline(a, "T-03").late_working_days == 1
    [finding] = _late(a, "R-150")
    assert "1 werkdag te laat" in finding.message.nl and "1 working day late" in finding.message.en


def test_a_holiday_after_the_due_date_does_not_count_as_a_late_day() -> None:
    data = _pa(d(FSD, 43)) | {"non_working_dates": [d(FSD, 42)]}  # the Monday is a holiday
    a = run(data)
    assert deadline(a, "T-03").status is DeadlineStatus.DONE  # Tuesday is the first working day
    data = _pa(d(FSD, 44)) | {"non_working_dates": [d(FSD, 42)]}
    assert run(data).deadlines and deadline(run(data), "T-03").late_working_days == 1


def test_late_plan_van_aanpak_and_42nd_week_notification() -> None:
    sr = variant(
        "A",
        problem_analysis={"on": d(FSD, 30)},
        action_plan={"on": d(FSD, 50), "signed_by_employer": True, "signed_by_employee": True},
        uwv_notified_on=d(FSD, 300),
    )
    a = run(sit(today=d(FSD, 320), sick_report=sr))
    # PvA due min(end of week 8, PA + 14) = FSD + 44 (a Wednesday); done FSD + 50 (Tuesday) = 4 late.
    assert deadline(a, "T-04").status is DeadlineStatus.DONE_LATE
    assert deadline(a, "T-04").late_working_days == 4
    assert len(_late(a, "R-151")) == 1
    # 42e-weeksmelding due on the first working day on/after FSD + 294 (a Monday); done 6 days later.
    assert deadline(a, "T-06").status is DeadlineStatus.DONE_LATE
    [fine] = _late(a, "R-154")
    assert "€455" in fine.message.en and "T-06" in fine.message.nl
    # The signatures are complete: no BLOCK R-151, only the late WARN.
    assert not any(f.code == "R-151" and f.severity is Severity.BLOCK for f in a.findings)


def test_late_notification_to_the_ba_is_reported_once_by_r010() -> None:
    a = run(sit(sick_report=variant("A", notified_to_ba_on=d(FSD, 10))))
    assert deadline(a, "T-01").status is DeadlineStatus.DONE_LATE
    assert [f.code for f in a.findings].count("R-010") == 1
    assert "T-01" not in LATE


def test_first_year_evaluation_window() -> None:
    def eje(on: str) -> Any:
        return run(sit(today=d(FSD, 400), sick_report=variant("A", first_year_evaluation_on=on)))

    before = eje(d(FSD, 300))  # before the window opens: not late
    assert deadline(before, "T-07").status is DeadlineStatus.DONE
    assert not _late(before, "R-155")
    inside = eje(d(FSD, 363))  # the last day of week 52 (a Sunday)
    assert deadline(inside, "T-07").status is DeadlineStatus.DONE
    after = eje(d(FSD, 371))
    assert deadline(after, "T-07").status is DeadlineStatus.DONE_LATE
    assert len(_late(after, "R-155")) == 1


def test_whistleblower_acknowledgement_after_seven_days() -> None:
    # Received Mon 1 Sept: due Mon 8 Sept.
    on_time = run(sit(whistleblower_report={"received_on": "2025-09-01", "acknowledged_on": "2025-09-08"}))
    assert deadline(on_time, "T-20").status is DeadlineStatus.DONE
    assert not _late(on_time, "R-116")
    late = run(sit(whistleblower_report={"received_on": "2025-09-01", "acknowledged_on": "2025-09-12"}))
    assert deadline(late, "T-20").status is DeadlineStatus.DONE_LATE
    assert deadline(late, "T-20").late_working_days == 4
    [finding] = _late(late, "R-116")
    assert "T-20" in finding.message.en and "7" in finding.message.en


def test_whistleblower_feedback_after_three_months() -> None:
    wb = {"received_on": "2025-09-01", "acknowledged_on": "2025-09-05", "feedback_on": "2025-12-10"}
    a = run(sit(today="2025-12-20", whistleblower_report=wb))
    assert deadline(a, "T-21").status is DeadlineStatus.DONE_LATE
    assert len(_late(a, "R-117")) == 1
    wb["feedback_on"] = "2025-12-05"
    assert not _late(run(sit(today="2025-12-20", whistleblower_report=wb)), "R-117")


def test_late_evaluation_of_the_intervention_period() -> None:
    late = run(sit(today="2025-10-10", intervention_periods=[ip(evaluated_on="2025-09-30")]))
    assert deadline(late, "T-16").status is DeadlineStatus.DONE_LATE
    assert len(_late(late, "R-048")) == 1
    ok = run(sit(today="2025-10-10", intervention_periods=[ip(evaluated_on="2025-09-26")]))
    assert deadline(ok, "T-16").status is DeadlineStatus.DONE
    assert not _late(ok, "R-048")


def test_due_soon_boundary_follows_the_tenant_setting() -> None:
    tenant = {"timers.due_soon_working_days": 2}
    # Evaluation due Fri 26 Sept: two working days before is Wed 24.
    a = run(sit(today="2025-09-24", tenant=tenant, intervention_periods=[ip()]))
    assert deadline(a, "T-16").status is DeadlineStatus.DUE_SOON
    a = run(sit(today="2025-09-23", tenant=tenant, intervention_periods=[ip()]))
    assert deadline(a, "T-16").status is DeadlineStatus.PENDING


def test_output_shows_the_late_step() -> None:
    a = run(_pa(d(FSD, 56)))
    row = next(r for r in advice_to_dict(a)["deadlines"] if r["code"] == "T-03")
    assert row["status"] == "DONE_LATE" and row["late_working_days"] == 10
    assert "[DONE_LATE]" in render_text(a, "nl") and "10 werkdagen te laat" in render_text(a, "nl")
    assert "10 working days late" in render_text(a, "en")
    on_time = render_text(run(_pa(PA_DUE)), "nl")
    assert "te laat" not in on_time.split("Termijnen:")[1].split("T-03")[1].splitlines()[0]


def test_sm7_done_after_the_due_date_goes_to_done_late() -> None:
    situation = parse_situation(_pa(PA_DUE))
    sm7 = MACHINES["SM-7"]
    assert "DONE_LATE" in sm7.terminal
    assert completion_event(date_of(PA_DUE), date_of(d(FSD, 56)), situation) == "done_late"
    assert completion_event(date_of(PA_DUE), date_of(d(FSD, 42)), situation) == "done"
    result = transition("SM-7", "OVERDUE", "done_late", situation, today=date_of(d(FSD, 56)))
    assert result.allowed and result.target == "DONE_LATE"
    assert not transition("SM-7", "PENDING", "done_late", situation, today=None).allowed
    assert transition("SM-7", "OVERDUE", "done", situation, today=None).target == "DONE"


def test_every_late_entry_names_a_deadline_and_its_rule() -> None:
    for code, late in LATE.items():
        assert CATALOGUE[code].where == late.rule, code  # the deadline's own rule code
        assert late.why.nl and late.why.en


def test_the_cli_says_how_late_a_step_was(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from werkvrede.guideline.cli import main

    f = tmp_path / "late.json"
    f.write_text(json.dumps(_pa(d(FSD, 56))), encoding="utf-8")
    assert main(["advise", str(f), "--format", "text", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "T-03 [DONE_LATE]" in out and "10 working days late" in out and "R-150" in out
    assert main(["advise", str(f)]) == 0
    rows = json.loads(capsys.readouterr().out)["deadlines"]
    assert next(r for r in rows if r["code"] == "T-03")["late_working_days"] == 10
