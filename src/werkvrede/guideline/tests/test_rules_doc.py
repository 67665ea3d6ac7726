"""docs/rules.md is `werkvrede rules --format md`, and it explains every code and source key it names."""

import re
from pathlib import Path

import pytest

from werkvrede.guideline import prevention
from werkvrede.guideline import reference as ref
from werkvrede.guideline.catalogue import CATALOGUE, entries
from werkvrede.guideline.cli import main
from werkvrede.guideline.model import DataCategory, Role
from werkvrede.guideline.rulesdoc import render_markdown
from werkvrede.guideline.states import MACHINES

REPO = Path(__file__).resolve().parents[4]
RULES_MD = REPO / "docs" / "rules.md"
DEFINED = re.compile(r"^(?:#+ |\| )`([A-Z]+-?\d+T?)`", re.MULTILINE)
SOURCE_KEY = re.compile(r"\b(S[0-3]|W\d{1,2})\b")


def _generated(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["rules", "--format", "md"]) == 0
    return capsys.readouterr().out


def test_docs_rules_md_is_the_generated_output(capsys: pytest.CaptureFixture[str]) -> None:
    generated = _generated(capsys)
    assert generated == render_markdown()
    on_disk = RULES_MD.read_text(encoding="utf-8")
    assert on_disk == generated, (
        "docs/rules.md is stale: run `.venv/bin/werkvrede rules --format md > docs/rules.md`"
    )


def test_the_file_says_how_it_is_made() -> None:
    head = "\n".join(render_markdown().splitlines()[:12])
    assert "werkvrede rules --format md > docs/rules.md" in head
    assert "do not edit by hand" in head


def test_every_code_is_defined_once_in_its_own_row_or_heading() -> None:
    defined = DEFINED.findall(render_markdown())
    expected = (
        set(CATALOGUE)
        | set(MACHINES)
        | {c.code for c in ref.SEPARATION_OF_DUTIES}
        | {c.code for c in ref.CONSENT_CONDITIONS}
        | {code for code, _ in ref.PRODUCT_DECISIONS}
        | {r.code for r in ref.READINGS}
        | {s.code for s in ref.SCENARIOS}
        | {c.value for c in DataCategory}
        | set(prevention.FACTOR_CODES)
        | set(prevention.STATEMENT_CODES)
    )
    counts = {code: defined.count(code) for code in expected}
    # A data category has a row in the category table and one in the permission matrix.
    assert {c: n for c, n in counts.items() if n != (2 if re.fullmatch(r"D\d{2}", c) else 1)} == {}
    assert set(defined) == expected
    assert all(f"| `{a.code}` | {a.name} |" in render_markdown() for a in ref.ACTORS)


def test_every_rule_has_severity_both_texts_and_a_source_in_its_row() -> None:
    lines = render_markdown().splitlines()
    for e in entries():
        row = next(line for line in lines if line.startswith((f"| `{e.code}` |", f"### `{e.code}`")))
        if e.code.startswith("SM-"):
            continue
        assert e.message.nl.replace("*", "\\*")[:40] in row, e.code
        assert e.message.en.replace("*", "\\*")[:40] in row, e.code
        assert e.source in row, e.code
        if e.severity:
            assert f"| {e.severity.value.replace('*', chr(92) + '*')} |" in row, e.code


def test_the_permission_matrix_has_a_cell_for_every_actor_and_every_category() -> None:
    assert [c.code for c in ref.DATA_CATEGORIES] == [c.value for c in DataCategory]
    assert list(ref.PERMISSION_MATRIX) == [c.value for c in DataCategory]
    assert set(ref.MATRIX_ACTORS) <= {r.value for r in Role}
    assert {a.code for a in ref.ACTORS} == {r.value for r in Role}
    for code, row in ref.PERMISSION_MATRIX.items():
        assert len(row) == len(ref.MATRIX_ACTORS), code
        assert all(cell.strip() for cell in row), code


def test_every_footnote_is_used_and_every_used_footnote_exists() -> None:
    used = {n for row in ref.PERMISSION_MATRIX.values() for cell in row for n in ref.footnotes_of(cell)}
    assert used == set(ref.MATRIX_FOOTNOTES) == set(range(1, 32))
    assert ref.footnote_categories(12) == ("D07",)
    assert ref.footnote_categories(19) == ("D11", "D12")


def test_every_source_key_named_anywhere_is_explained() -> None:
    explained = {k for k, _ in ref.SOURCE_KEYS} | {k for k, _, _ in ref.WEB_SOURCES}
    assert {f"W{n}" for n in range(1, 89)} <= explained
    texts = [e.source for e in entries()]
    texts += [c.source + " " + c.text for c in (*ref.CONSENT_CONDITIONS, *ref.SEPARATION_OF_DUTIES)]
    texts += list(ref.MATRIX_FOOTNOTES.values())
    texts += [a.does + " " + a.never for a in ref.ACTORS]
    texts += [r.side_a + " " + r.side_b + " " + r.decision for r in ref.READINGS]
    named = {key for text in texts for key in SOURCE_KEY.findall(text)}
    named |= {
        part.strip()
        for e in entries()
        for part in re.split(r"[;,]", e.source)
        if not part.strip().startswith("R-")
    }
    assert len(named) > 60
    assert sorted(named - explained) == []


def test_rule_groups_cover_every_rule_in_order() -> None:
    md = render_markdown()
    titles = [title for _, title in ref.RULE_GROUPS]
    positions = [md.index(f"### {title} (") for title in titles]
    assert positions == sorted(positions)
    rules = [e.code for e in entries() if e.code.startswith("R-")]
    rows = re.findall(r"^\| `(R-\d{3})` \|", md, re.MULTILINE)
    assert rows == rules


def test_scenario_files_exist() -> None:
    for s in ref.SCENARIOS:
        for name in s.files:
            assert (REPO / ref.SCENARIO_DIR / name).is_file(), name
    assert {p.name for p in (REPO / ref.SCENARIO_DIR).glob("*.json")} == {
        f for s in ref.SCENARIOS for f in s.files
    }


def test_state_machines_show_states_events_and_guards() -> None:
    md = render_markdown()
    for code, machine in MACHINES.items():
        section = md.split(f"### `{code}` ", 1)[1].split("\n### ", 1)[0]
        for state in machine.states:
            assert f"`{state}`" in section, (code, state)
        for t in machine.transitions:
            assert f"`{t.event}`" in section, (code, t.event)
            for guard in t.guards:
                assert guard in section, (code, guard)
