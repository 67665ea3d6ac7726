"""The table `make bench` prints and writes to docs/benchmarks.md, and its reading of wrk's output."""

from __future__ import annotations

import pytest

from tests.bench.scripts import load

report = load("report")
run = load("run")

RESULTS = [
    report.Result("plain Django one-query view", "/bench/raw/", 2000.0, 3.9, 9.5, report.PLAIN),
    report.Result("admin changelist", "/bench/admin/cases/case/?q=B", 100.0, 70.0, 150.0, report.ADMIN),
    report.Result("full-stack one-query view", "/bench/raw/", 1000.0, 7.5, 20.0, report.FULL_STACK),
    report.Result("case list (HTML)", "/zaken/", 500.0, 15.25, 40.04),
]


def test_the_table_has_a_row_per_endpoint_with_ratios_to_the_three_anchors() -> None:
    lines = report.table(RESULTS)
    assert lines[0] == (
        "| endpoint | req/s | spread | p50 ms | p99 ms | × (a) | × (b) | × (c) | in-process ms | queries |"
    )
    assert lines[1] == "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    assert lines[2] == (
        "| (a) plain Django one-query view `/bench/raw/` | 2,000 | 0% | 3.9 | 9.5 "
        "| 1.00 | 2.00 | 20.00 | – | – |"
    )
    assert lines[5] == "| case list (HTML) `/zaken/` | 500 | 0% | 15.2 | 40.0 | 0.25 | 0.50 | 5.00 | – | – |"
    assert len(lines) == 2 + len(RESULTS)


def test_a_missing_anchor_shows_a_dash_instead_of_a_ratio() -> None:
    lines = report.table(RESULTS[2:])
    assert lines[3] == "| case list (HTML) `/zaken/` | 500 | 0% | 15.2 | 40.0 | – | 0.50 | – | – | – |"


def test_the_in_process_cost_and_queries_are_shown_beside_the_rates() -> None:
    measured = report.Result(
        "case list (HTML)", "/zaken/", 500.0, 15.25, 40.04, inprocess_ms=9.876, queries=6
    )
    # No anchor in this table: no ratios; the in-process figures stand on their own.
    assert report.table([measured])[2].endswith("| 15.2 | 40.0 | – | – | – | 9.88 | 6 |")


def test_the_document_describes_the_machine_and_says_when_it_was_busy() -> None:
    machine = report.Machine("Test CPU 3000", 2, 23.5, "16.4", 5.2, 4.0)
    text = report.document(
        RESULTS, machine, date="2026-12-05 04:00 UTC", cases=1_000_000, organisations=1_000,
        setup="gunicorn 2 sync workers", generated_in="generated in 12.5 min",
    )  # fmt: skip
    assert "2 cores (Test CPU 3000), 24 GiB RAM, PostgreSQL 16.4" in text
    assert "1,000,000 cases in 1,000 organisations" in text
    assert "The machine was busy" in text
    assert "\n".join(report.table(RESULTS)) in text
    # Quiet before; the load after is the bench's own (its server and wrk fill both cores).
    quiet = report.Machine("Test CPU 3000", 2, 23.5, "16.4", 0.3, 2.4)
    assert "busy" not in report.document(
        RESULTS, quiet, date="d", cases=1, organisations=1, setup="s", generated_in="g"
    )


WRK = """Running 10s test @ http://127.0.0.1:8123/zaken/
  Latency Distribution
     50%    4.21ms
     75%    5.02ms
     90%    6.80ms
     99%    1.20s
  12345 requests in 10.00s, 1.2MB read
Requests/sec:   1234.50
"""


def test_a_slow_endpoint_keeps_a_decimal() -> None:
    slow = report.Result("admin changelist", "/a", 0.87, 2100.0, 4000.0, report.ADMIN)
    assert report.table([slow])[2].startswith("| (c) admin changelist `/a` | 0.9 | 0% | 2100.0 | 4000.0 |")


def test_the_round_with_the_median_rate_is_reported_with_the_spread_of_the_rounds() -> None:
    rounds = [(90.0, 80.0, 120.0), (110.0, 70.0, 100.0), (100.0, 75.0, 110.0)]
    result = report.median_round("case list", "/zaken/", rounds, report.PLAIN)
    assert (result.rps, result.p50_ms, result.p99_ms, result.anchor) == (100.0, 75.0, 110.0, "a")
    assert result.spread == pytest.approx(0.2)
    assert "| 100 | 20% | 75.0 | 110.0 |" in report.table([result])[2]
    assert report.median_round("one", "/", [(50.0, 1.0, 2.0)]).spread == 0.0
    with pytest.raises(ValueError, match="no rounds"):
        report.median_round("none", "/", [])


def test_wrk_output_is_read_in_milliseconds() -> None:
    assert run.parse_wrk(WRK, "url") == (1234.5, 4.21, 1200.0)
    assert round(run.parse_wrk(WRK.replace("4.21ms", "950.00us"), "url")[1], 6) == 0.95


def test_timeouts_fail_the_measurement() -> None:
    out = WRK.replace("Requests/sec", "  Socket errors: connect 0, read 0, write 0, timeout 3\nRequests/sec")
    with pytest.raises(SystemExit, match="timeout 3"):
        run.parse_wrk(out, "url")


def test_where_the_time_goes_is_a_table_of_its_own_for_the_split_rows() -> None:
    split = report.Split(ms=20.0, database_ms=5.0, compile_ms=3.0, templates_ms=8.0)
    measured = report.Result("case detail (HTML)", "/zaken/1/", 80.0, 90.0, 110.0, split=split)
    lines = report.split_table([RESULTS[0], measured])
    # Only rows that were split; each part in ms and as a share of the whole.
    assert lines[2:] == ["| case detail (HTML) | 20.0 | 5.0 (25%) | 3.0 (15%) | 8.0 (40%) | 4.0 (20%) |"]
    machine = report.Machine("Test CPU 3000", 2, 23.5, "16.4", 0.3, 2.4)
    text = report.document(
        [measured], machine, date="d", cases=1, organisations=1, setup="s", generated_in="g"
    )
    assert "## Where one request's time goes" in text
    assert "\n".join(lines) in text
    # A document without split rows has no such section.
    assert "Where one request" not in report.document(
        RESULTS, machine, date="d", cases=1, organisations=1, setup="s", generated_in="g"
    )
