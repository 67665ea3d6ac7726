"""Werkvrede's own subclasses of a class, for tests that check a convention on every one of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")


def werkvrede_subclasses(base: type[T]) -> Iterator[type[T]]:
    """Every subclass of `base`, at any depth, declared in a Werkvrede module outside the tests (the
    modules must have been imported)."""
    seen: set[type] = set()
    stack: list[type] = [base]
    while stack:
        sub: type
        for sub in stack.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
                if sub.__module__.startswith("werkvrede.") and ".tests" not in sub.__module__:
                    yield sub
