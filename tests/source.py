"""Reading Werkvrede's own source in tests that hold a convention (browser waits, row locks)."""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator


def method_calls(tree: ast.AST, names: Collection[str]) -> Iterator[ast.Call]:
    """The calls `something.name(...)` in `tree` whose name is one of `names`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in names:
            yield node
