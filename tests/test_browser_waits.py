"""Browser tests check the page with assertions that wait (ADR 0210).

`locator.is_visible()` and its kin answer at once. Right after a link's click the new page may have
started loading but not yet be drawn, so `assert locator.is_visible()` fails at random on a busy
machine. `expect(locator).to_be_visible()` waits until the page shows it (or the time runs out).
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.source import method_calls

BROWSER_TESTS = Path(__file__).parent / "browser"
ANSWERS_AT_ONCE = {"is_visible", "is_hidden", "is_checked", "is_enabled", "is_disabled", "is_editable"}


def _asserts_that_do_not_wait(source: str) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Assert) and any(method_calls(node.test, ANSWERS_AT_ONCE))
    ]


def test_no_browser_test_asserts_a_state_that_is_read_at_once() -> None:
    found = [
        f"{path.name}:{line}"
        for path in sorted(BROWSER_TESTS.glob("*.py"))
        for line in _asserts_that_do_not_wait(path.read_text())
    ]
    assert found == [], f"use expect(locator).to_be_...() instead of assert locator.is_...(): {found}"


def test_the_check_finds_an_assert_that_does_not_wait() -> None:
    assert _asserts_that_do_not_wait("assert page.get_by_text('x').is_visible()\n") == [1]
    assert _asserts_that_do_not_wait("assert a.is_checked() and b\n") == [1]
    assert _asserts_that_do_not_wait("if not box.is_visible():\n    pass\n") == []
    assert _asserts_that_do_not_wait("expect(page.get_by_text('x')).to_be_visible()\n") == []
