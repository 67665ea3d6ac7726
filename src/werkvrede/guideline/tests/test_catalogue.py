"""The catalogue covers every code of domain.md, with messages in Dutch and English."""

import json
import re
from pathlib import Path

import pytest

from werkvrede.guideline.catalogue import CATALOGUE, Kind, Status, decidable_ratio, entries
from werkvrede.guideline.cli import main
from werkvrede.guideline.states import MACHINES, guard_codes

REPO = Path(__file__).resolve().parents[4]
SPEC = REPO.parent / "shared" / "spec" / "domain.md"
CODE = re.compile(r"\b(R-\d{3}|RT-\d{1,2}|I-\d|T-\d{2})\b")


def spec_codes() -> set[str]:
    # No skip: the spec lives beside the repository in CI; its absence must fail loudly.
    assert SPEC.is_file(), f"domain spec not found at {SPEC}"
    return set(CODE.findall(SPEC.read_text(encoding="utf-8")))


def test_catalogue_lists_every_code_of_the_spec() -> None:
    codes = spec_codes()
    assert len(codes) >= 180
    missing = sorted(codes - set(CATALOGUE))
    assert missing == []
    extra = sorted(c for c, e in CATALOGUE.items() if e.kind is not Kind.STATE_MACHINE and c not in codes)
    assert extra == []


def test_at_least_90_percent_of_decidable_codes_are_implemented() -> None:
    implemented, decidable = decidable_ratio()
    assert decidable > 0
    assert implemented / decidable >= 0.9


def test_every_code_not_implemented_says_where_or_why() -> None:
    for e in entries():
        if e.status is not Status.IMPLEMENTED:
            assert e.where and len(e.where) > 10, e.code


def test_every_implemented_code_has_dutch_and_english_messages() -> None:
    for e in entries():
        if e.status is Status.IMPLEMENTED:
            assert e.message.nl.strip() and e.message.en.strip(), e.code
            assert e.message.nl != e.message.en or e.kind is Kind.STATE_MACHINE, e.code


def test_every_entry_names_a_source() -> None:
    for e in entries():
        assert e.source and e.primary_source, e.code


def test_state_machine_guards_are_catalogue_rules() -> None:
    assert set(MACHINES) >= {f"SM-{i}" for i in range(1, 9)}
    assert all(CATALOGUE[g].kind is Kind.RULE for g in guard_codes())


def test_rules_command_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["ratio"] >= 0.9
    listed = {c["code"] for c in body["codes"]}
    assert spec_codes() <= listed
    for c in body["codes"]:
        if c["status"] != "implemented":
            assert c["where"], c["code"]


def test_rules_command_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "R-135" in out and "enforced elsewhere: access layer" in out
    assert "codes decidable from facts are implemented" in out
