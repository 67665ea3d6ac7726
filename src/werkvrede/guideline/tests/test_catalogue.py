"""The catalogue holds every rule, route, indication, deadline and state-machine code (docs/rules.md),
with messages in Dutch and English."""

import json
import re

import pytest

from werkvrede.guideline.catalogue import CATALOGUE, Kind, Status, decidable_ratio, entries
from werkvrede.guideline.cli import main
from werkvrede.guideline.states import MACHINES, guard_codes


def _numbers(prefix: str) -> list[int]:
    return sorted(int(c.removeprefix(prefix)) for c in CATALOGUE if re.fullmatch(rf"{prefix}\d+", c))


def test_catalogue_lists_every_code_family_without_gaps() -> None:
    # The codes are stable public codes; routes, indications, deadlines and machines are numbered
    # without gaps, rules by chapter (docs/rules.md groups them).
    assert _numbers("RT-") == list(range(1, 14))
    assert _numbers("I-") == list(range(1, 9))
    assert _numbers("T-") == list(range(1, 25))
    assert _numbers("SM-") == list(range(1, 9))
    rules = [c for c in CATALOGUE if c.startswith("R-")]
    assert all(re.fullmatch(r"R-\d{3}", c) for c in rules)
    assert len(CATALOGUE) - len(_numbers("SM-")) >= 180


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
    assert listed == set(CATALOGUE)
    for c in body["codes"]:
        if c["status"] != "implemented":
            assert c["where"], c["code"]


def test_rules_command_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "R-135" in out and "enforced elsewhere: access layer" in out
    assert "codes decidable from facts are implemented" in out
