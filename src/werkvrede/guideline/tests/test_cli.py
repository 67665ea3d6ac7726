"""Command-line contract: exit 0 with advice, 2 on invalid input with the field path, never a traceback."""

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from werkvrede.guideline.cli import main
from werkvrede.guideline.parse import InvalidSituation, parse_situation, situation_json_schema

SC = Path(__file__).parent / "scenarios"

INVALID: list[tuple[str, Any, str]] = [
    ("not an object", [1, 2], "$"),
    ("unknown top-level field", {"sickreport": {}}, "sickreport"),
    ("wrong type bool", {"conflict": {"heavy_emotions": "yes"}}, "conflict.heavy_emotions"),
    ("bool for int", {"conflict": {"glasl_stage": True}}, "conflict.glasl_stage"),
    ("glasl out of range", {"conflict": {"glasl_stage": 10}}, "conflict.glasl_stage"),
    ("glasl zero", {"conflict": {"glasl_stage": 0}}, "conflict.glasl_stage"),
    ("unknown enum code", {"conflict": {"domains": ["WEATHER"]}}, "conflict.domains[0]"),
    ("unknown role", {"conflict": {"perceived_by": ["BOSS"]}}, "conflict.perceived_by[0]"),
    ("impossible date", {"sick_report": {"first_sick_day": "2025-02-30"}}, "sick_report.first_sick_day"),
    ("date as number", {"sick_report": {"first_sick_day": 20250901}}, "sick_report.first_sick_day"),
    ("missing first sick day", {"sick_report": {}}, "sick_report.first_sick_day"),
    (
        "consult before first sick day",
        {"sick_report": {"first_sick_day": "2025-09-01", "consult_on": "2025-08-31"}},
        "sick_report.consult_on",
    ),
    (
        "notification before first sick day",
        {"sick_report": {"first_sick_day": "2025-09-01", "notified_to_ba_on": "2025-08-01"}},
        "sick_report.notified_to_ba_on",
    ),
    (
        "previous period after current",
        {
            "sick_report": {
                "first_sick_day": "2025-09-01",
                "previous_periods": [{"first_sick_day": "2025-09-02", "last_sick_day": "2025-09-03"}],
            }
        },
        "sick_report.previous_periods[0]",
    ),
    (
        "IP end before start",
        {"intervention_periods": [{"start_on": "2025-09-10", "end_on": "2025-09-09"}]},
        "intervention_periods[0].end_on",
    ),
    ("list expected", {"ba_advice": {"kind": "FEEDBACK"}}, "ba_advice"),
    ("advice kind missing", {"ba_advice": [{}]}, "ba_advice[0].kind"),
    ("unknown tenant parameter", {"tenant": {"ip.max": 3}}, "tenant.ip.max"),
    (
        "negative tenant parameter",
        {"tenant": {"conflict_leave.max_days": -1}},
        "tenant.conflict_leave.max_days",
    ),
    (
        "null for a required nested field",
        {"sick_report": {"first_sick_day": None}},
        "sick_report.first_sick_day",
    ),
    (
        "employer record nested",
        {"sick_report": {"first_sick_day": "2025-09-01", "employer_record": {"x": [1]}}},
        "sick_report.employer_record.x",
    ),
    ("today malformed", {"today": "tomorrow"}, "today"),
    (
        "date out of range",
        {"conflict_leave_history": [{"start_on": "9999-12-01"}]},
        "conflict_leave_history[0].start_on",
    ),
    (
        "huge tenant parameter",
        {"tenant": {"conflict_leave.window_months": 10**9}},
        "tenant.conflict_leave.window_months",
    ),
]


@pytest.mark.parametrize(("data", "path"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_invalid_input_names_the_field_path(data: Any, path: str) -> None:
    with pytest.raises(InvalidSituation) as exc:
        parse_situation(data)
    assert exc.value.path == path


@pytest.mark.parametrize(("data", "path"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_cli_exits_2_with_path_on_stderr(
    data: Any, path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "in.json"
    f.write_text(json.dumps(data))
    assert main(["advise", str(f)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"invalid input at {path}:" in err
    assert "expected" in err or "must" in err or "required" in err or "overlap" in err


def test_cli_messages_are_explicit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "in.json"
    f.write_text('{"sick_report": {"first_sick_day": "2025-09-01", "consult_on": "2025-08-30"}}')
    assert main(["advise", str(f)]) == 2
    err = capsys.readouterr().err
    assert "sick_report.consult_on" in err and "first_sick_day" in err


@pytest.mark.parametrize(
    ("args", "content"),
    [
        (["advise", "MISSING.json"], None),
        (["advise"], b"{not json"),
        (["advise"], b"\xff\xfe\x00garbage"),
        (["advise", "--today", "2025-13-01"], b"{}"),
        (["advise", "--format", "xml"], b"{}"),
        (["nonsense"], None),
        ([], None),
    ],
)
def test_usage_and_decoding_errors_exit_2(
    args: list[str],
    content: bytes | None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if content is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(content)))
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("werkvrede:")
    assert "Traceback" not in err


def test_stdin_and_today_default(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"conflict": {"perceived_by": ["WN"]}}')))
    assert main(["advise", "-"]) == 0  # no today anywhere: the real date, read at the edge only
    out = json.loads(capsys.readouterr().out)
    assert out["today"]


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["advise", "--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == situation_json_schema()
    assert schema["additionalProperties"] is False
    assert "sick_report" in schema["properties"]
    sick = schema["$defs"]["SickReport"]
    assert sick["required"] == ["first_sick_day"]
    assert sick["properties"]["consult_on"]["anyOf"][0]["format"] == "date"
    tenant = schema["$defs"]["Tenant"]["properties"]
    assert tenant["conflict_leave.max_days"]["default"] == 3
    assert tenant["professional_rules.ba_override_mode"]["default"] == "BLOCK"


def _schema_keys(defs: dict[str, Any], ref: str) -> set[str]:
    return set(defs[ref.split("/")[-1]]["properties"])


def test_scenario_files_only_use_schema_fields() -> None:
    schema = situation_json_schema()
    top = set(schema["properties"])
    for f in sorted(SC.glob("*.json")):
        data = json.loads(f.read_text())
        assert set(data) <= top, f.name
        parse_situation(data)  # and parse cleanly


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 30)
    | st.text(max_size=12)
    | st.sampled_from(["2025-09-01", "AO", "BA", "B", "WN"]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
keys = st.sampled_from(
    [
        "today",
        "tenant",
        "conflict",
        "sick_report",
        "ba_advice",
        "intervention_periods",
        "conflict_leave_requests",
        "mediation",
        "termination_agreements",
        "vp_report",
        "whistleblower_report",
        "retention",
        "x",
    ]
)
situations = st.dictionaries(keys, json_values, max_size=5)


def _run_bytes(raw: bytes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    code = main(["advise", "-", "--today", "2025-09-10"])
    out, err = capsys.readouterr()
    assert code in (0, 2)
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 0:
        json.loads(out)
    else:
        assert out == "" and err.startswith("werkvrede: invalid input at ")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=situations)
def test_fuzz_json_structures(
    data: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _run_bytes(json.dumps(data).encode(), monkeypatch, capsys)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200))
def test_fuzz_random_bytes(
    raw: bytes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _run_bytes(raw, monkeypatch, capsys)


def _mutations(base: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Take a valid scenario and replace one leaf with a random JSON value."""
    paths: list[tuple[Any, ...]] = []

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, (*path, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, (*path, i))
        paths.append(path)

    walk(base, ())

    def apply(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(json.dumps(base))
        if not path:
            return data
        node = data
        for p in path[:-1]:
            node = node[p]
        node[path[-1]] = value
        return data

    return st.builds(apply, st.sampled_from(paths), json_values)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.sampled_from(sorted(SC.glob("*.json"))).flatmap(lambda f: _mutations(json.loads(f.read_text())))
)
def test_fuzz_mutated_scenarios(
    data: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _run_bytes(json.dumps(data).encode(), monkeypatch, capsys)


def test_deeply_nested_json_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _run_bytes(b"[" * 100000 + b"]" * 100000, monkeypatch, capsys)
