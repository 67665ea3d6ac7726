"""docs/permissions.md and docs/audit-events.md list everything the code declares (Refs issue #2)."""

from __future__ import annotations

import re
from pathlib import Path

from werkvrede.core.doors import permissions_doc
from werkvrede.core.policy import declared_actions

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "src" / "werkvrede"
CODE = re.compile(
    r"""\b(?:audit\.)?record(?:_for)?\(\s*(?:\w+,\s*)?"([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*){2,})\""""
)


def test_every_declared_action_is_documented() -> None:
    documented = (REPO / "docs" / "permissions.md").read_text()
    missing = [action for action in declared_actions() if f"`{action}`" not in documented]
    assert missing == []


def test_every_audit_code_in_the_source_is_documented() -> None:
    codes = set()
    for path in SOURCE.rglob("*.py"):
        if "tests" in path.parts:
            continue
        codes.update(CODE.findall(path.read_text()))
    assert "core.access.denied" in codes
    assert len(codes) >= 10
    documented = (REPO / "docs" / "audit-events.md").read_text()
    assert sorted(c for c in codes if f"`{c}`" not in documented) == []


def test_the_doors_and_actions_in_permissions_md_are_those_the_code_declares() -> None:
    """docs/permissions.md's tables are written from the declarations (manage.py permissions_doc)."""
    current = (REPO / "docs" / "permissions.md").read_text()
    assert permissions_doc(current) == current, "run: manage.py permissions_doc"
