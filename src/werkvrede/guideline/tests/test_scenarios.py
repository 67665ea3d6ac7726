"""Scenarios SC-01…SC-06 through the command-line contract (JSON in, JSON out)."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from werkvrede.guideline.cli import main

SCENARIOS = Path(__file__).parent / "scenarios"


def advise(capsys: pytest.CaptureFixture[str], name: str, *extra: str) -> dict[str, Any]:
    code = main(["advise", str(SCENARIOS / name), *extra])
    out, err = capsys.readouterr()
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


def codes(result: dict[str, Any]) -> set[tuple[str, str]]:
    return {(f["code"], f["severity"]) for f in result["findings"]}


def due(result: dict[str, Any], code: str, subject: str | None = None) -> dict[str, Any]:
    matches = [
        d
        for d in result["deadlines"]
        if d["code"] == code and (subject is None or d["subject"].startswith(subject))
    ]
    assert len(matches) == 1, (code, result["deadlines"])
    found: dict[str, Any] = matches[0]
    return found


def test_sc01_late_consult_variant_c_intervention_period(capsys: pytest.CaptureFixture[str]) -> None:
    r = advise(capsys, "sc01.json")
    assert r["variant"] == "C"
    assert r["guideline_version"] == "2022.04-1"
    # T-01 met (notified after 2 days), W R-011 (consult 9 days after FSD).
    assert due(r, "T-01")["status"] == "DONE"
    assert ("R-010", "WARN") not in codes(r)
    assert ("R-011", "WARN") in codes(r)
    assert "9" in next(f for f in r["findings"] if f["code"] == "R-011")["message"]["en"]
    # Variant C: no WVP timers.
    assert not {d["code"] for d in r["deadlines"]} & {"T-03", "T-04", "T-06", "T-07", "T-11", "T-13"}
    # IP valid: nothing blocks, no R-041 (7 days), no R-036 (complete advice to both).
    assert not r["blocked"]
    assert not {c for c, _ in codes(r)} & {"R-036", "R-041", "R-043", "R-044", "R-046", "R-021"}
    # RT-6: HR bemiddeling recommended (Glasl 3, no lawyers).
    assert "RT-6" in r["routes"]
    assert "RT-7" not in r["routes"]
    # T-16: evaluation due 5 working days after 2025-03-19.
    assert due(r, "T-16")["due"] == "2025-03-26"
    assert r["glasl_phase"] == "I"


def test_sc02_variant_b_blocked_draft_and_free_text(capsys: pytest.CaptureFixture[str]) -> None:
    r = advise(capsys, "sc02.json")
    assert r["variant"] == "B"
    c = codes(r)
    assert ("R-030", "BLOCK*") in c
    assert ("R-034", "BLOCK*") in c
    # The free-text sentence ties re-integration to the conflict's resolution: the structured condition
    # written out, so R-030 at its own severity (ADR 0111).
    assert any(
        f["code"] == "R-030" and f["severity"] == "BLOCK*" and f["subject"] == "ba_advice[0].free_text"
        for f in r["findings"]
    )
    assert ("R-131", "BLOCK") in c  # structured medical field
    assert ("R-131", "WARN") in c  # free-text medical terms
    blocked_advice = {
        f["subject"] for f in r["findings"] if f["code"] in ("R-030", "R-034") and f["severity"] == "BLOCK*"
    }
    assert all(s.startswith("ba_advice[0]") for s in blocked_advice), "the corrected advice passes"
    assert {"I-4", "I-5"} <= set(r["indications"])
    assert "RT-8" in r["routes"]
    assert due(r, "T-03")["due"] == "2025-10-12"
    assert due(r, "T-04")["due"] == "2025-10-26"
    t06 = due(r, "T-06")
    assert t06["due"] == "2026-06-22"
    assert t06["practical_due"] is None  # a Monday
    t07 = due(r, "T-07")
    assert (t07["window_start"], t07["window_end"]) == ("2026-07-13", "2026-08-30")
    assert due(r, "T-09")["due"] == "2027-05-30"
    assert due(r, "T-11")["due"] == "2027-06-13"
    assert due(r, "T-13")["due"] == "2027-08-29"
    # Weekend due dates carry the practical earlier working day.
    assert due(r, "T-03")["practical_due"] == "2025-10-10"


def test_sc02_pa_plus_14_when_earlier(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = json.loads((SCENARIOS / "sc02.json").read_text())
    data["sick_report"]["problem_analysis"] = {
        "on": "2025-10-01",
        "personal_contact": True,
        "contains_conflict_advice": True,
    }
    path = tmp_path / "sc02b.json"
    path.write_text(json.dumps(data))
    r = advise(capsys, str(path))
    assert due(r, "T-04")["due"] == "2025-10-15"
    assert ("R-161", "BLOCK*") not in codes(r)


def test_sc03_variant_a_becomes_b_with_samentelling(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    r = advise(capsys, "sc03.json")
    assert r["variant"] == "B"
    assert r["aggregated_first_sick_day"] == "2025-03-03"
    assert r["sick_days_before_current_period"] == 49
    assert any(f["code"] == "R-160" and "50" in f["message"]["en"] for f in r["findings"])
    assert due(r, "T-06")["due"] == "2026-01-12"
    t07 = due(r, "T-07")
    assert (t07["window_start"], t07["window_end"]) == ("2026-02-02", "2026-03-22")
    assert due(r, "T-09")["due"] == "2026-12-20"
    assert due(r, "T-11")["due"] == "2027-01-03"
    assert due(r, "T-13")["due"] == "2027-03-21"
    # PA week 6 fell in the first period (aggregated sick-day 42 = 2025-04-13).
    assert due(r, "T-03")["due"] == "2025-04-13"
    # Conflict advice in a PA update: no.
    assert not {"R-016", "R-161"} & {c for c, _ in codes(r)}
    # Initially (no conflict yet): variant A, Werkwijzer not applied.
    data = json.loads((SCENARIOS / "sc03.json").read_text())
    data["sick_report"]["conflict_finding"] = {"conflict": False, "recorded_on": "2025-05-13"}
    data["sick_report"].pop("conflict_advice_recorded_in")
    (tmp_path / "a.json").write_text(json.dumps(data))
    ra = advise(capsys, str(tmp_path / "a.json"))
    assert ra["variant"] == "A"
    assert ("R-015", "INFO") in codes(ra)
    # Advice only in notes after the switch to B: BLOCK*.
    data = json.loads((SCENARIOS / "sc03.json").read_text())
    data["sick_report"]["conflict_advice_recorded_in"] = "NOTES_ONLY"
    data["sick_report"]["problem_analysis"]["updates"] = []
    (tmp_path / "b.json").write_text(json.dumps(data))
    rb = advise(capsys, str(tmp_path / "b.json"))
    assert ("R-016", "BLOCK*") in codes(rb)
    assert ("R-161", "BLOCK*") in codes(rb)


def test_sc03_gap_of_28_days_starts_a_new_count(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = json.loads((SCENARIOS / "sc03.json").read_text())
    data["sick_report"]["previous_periods"] = [
        {"first_sick_day": "2025-03-03", "last_sick_day": "2025-04-13"}
    ]
    (tmp_path / "c.json").write_text(json.dumps(data))
    r = advise(capsys, str(tmp_path / "c.json"))
    assert r["aggregated_first_sick_day"] is None
    assert due(r, "T-06")["due"] == "2026-03-02"  # 2025-05-12 + 294 = Sun 2026-03-01 -> Monday


def test_sc04_intervention_period_edge_cases(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    r = advise(capsys, "sc04.json")
    assert r["variant"] == "C"
    f = r["findings"]
    assert any(x["code"] == "R-041" and x["severity"] == "WARN+J" and x["justified"] for x in f)
    assert any(x["code"] == "R-040" and x["severity"] == "WARN+J" and x["justified"] for x in f)
    assert ("R-043", "BLOCK") in codes(r)
    ext = [x for x in f if x["code"] == "R-041" and x["severity"] == "BLOCK"]
    assert [x["subject"] for x in ext] == ["intervention_periods[0].extension_end_on"]
    assert "16" in ext[0]["message"]["en"]
    # Parallel case: no appointment -> B R-044; without an end date also B R-046.
    p = advise(capsys, "sc04_parallel.json")
    assert ("R-044", "BLOCK") in codes(p)
    assert ("R-046", "BLOCK") not in codes(p)
    data = json.loads((SCENARIOS / "sc04_parallel.json").read_text())
    data["intervention_periods"][0]["end_on"] = None
    (tmp_path / "p.json").write_text(json.dumps(data))
    assert ("R-046", "BLOCK") in codes(advise(capsys, str(tmp_path / "p.json")))
    # Youssef reports sick on day 4 -> the period ends, SM-2 starts.
    data = json.loads((SCENARIOS / "sc04.json").read_text())
    data["intervention_periods"][0]["sick_reported_on"] = "2025-06-05"
    (tmp_path / "s.json").write_text(json.dumps(data))
    assert ("R-049", "BLOCK") in codes(advise(capsys, str(tmp_path / "s.json")))


def test_sc05_conflict_leave_limits(capsys: pytest.CaptureFixture[str]) -> None:
    ahmed = advise(capsys, "sc05_ahmed.json")
    assert ("R-051", "BLOCK") in codes(ahmed)
    assert due(ahmed, "T-17")["due"] == "2026-01-15"
    assert {"RT-4", "RT-5"} <= set(ahmed["routes"])
    lotte = advise(capsys, "sc05.json")
    by_request: dict[str, set[tuple[str, str]]] = {}
    for x in lotte["findings"]:
        key = (x["subject"] or "").split(".")[0]
        by_request.setdefault(key, set()).add((x["code"], x["severity"]))
    assert ("R-052", "BLOCK") in by_request["conflict_leave_requests[0]"]
    assert ("R-054", "BLOCK") in by_request["conflict_leave_requests[1]"]
    assert ("R-054", "WARN") in by_request["conflict_leave_requests[2]"]
    vp_msg = next(x for x in lotte["findings"] if x["code"] == "R-054" and x["severity"] == "WARN")
    assert "R-064" in vp_msg["message"]["en"] and "R-064" in vp_msg["message"]["nl"]
    approved = by_request["conflict_leave_requests[3]"]
    assert approved == {("R-055", "INFO")}
    pim = advise(capsys, "sc05_pim.json")
    assert ("R-056", "BLOCK") in codes(pim)


def test_sc06_sexual_harassment_vp_first(capsys: pytest.CaptureFixture[str]) -> None:
    r = advise(capsys, "sc06.json")
    assert "RT-2" in r["routes"]
    assert "RT-8" not in r["routes"]
    assert "RT-6" not in r["routes"]
    held = {x["subject"] for x in r["findings"] if x["code"] == "R-100" and x["severity"] == "BLOCK"}
    assert held == {"conflict.undesirable_behaviour", "mediation"}
    later = advise(capsys, "sc06_later.json")
    assert ("R-100", "BLOCK") not in codes(later)
    assert ("R-103", "BLOCK") in codes(later)  # HR sees nothing of D15 without written consent
    assert ("R-105", "BLOCK") in codes(later)  # small cell shown in the annual report
    assert "I-6" in later["indications"]
    assert "RT-8" in later["routes"]


def test_text_format_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["advise", str(SCENARIOS / "sc02.json"), "--format", "text", "--lang", "nl"]) == 0
    nl = capsys.readouterr().out
    assert "Variant: B" in nl and "42e-weeksmelding" in nl and "22 juni 2026" in nl
    assert main(["advise", str(SCENARIOS / "sc02.json"), "--format", "text", "--lang", "en"]) == 0
    en = capsys.readouterr().out
    assert "Deadlines" in en and "22 June 2026" in en


def test_today_flag_overrides_situation(capsys: pytest.CaptureFixture[str]) -> None:
    r = advise(capsys, "sc02.json", "--today", "2025-10-13")
    assert r["today"] == "2025-10-13"
    assert due(r, "T-03")["status"] == "OVERDUE"


def test_scenario_through_a_real_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "werkvrede.guideline.cli", "advise", "-"],
        input=(SCENARIOS / "sc02.json").read_bytes(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    r = json.loads(proc.stdout)
    assert r["variant"] == "B"
    assert due(r, "T-06")["due"] == "2026-06-22"
    bad = subprocess.run(
        [sys.executable, "-m", "werkvrede.guideline.cli", "advise", "-"],
        input=b'{"sick_report": {"first_sick_day": "2025-09-01", "consult_on": "2025-08-30"}}',
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert b"sick_report.consult_on" in bad.stderr
    assert b"Traceback" not in bad.stderr
