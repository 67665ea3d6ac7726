"""Reads made once within one block that only reads (docs/adr/0209-reads-made-once-while-reading.md).

Independent parts of one page ask the same question: the sick-report page reads the newest report and
verdict, and the guideline's facts of the same case read them again; two fact providers each read the
case's interventions; the start page's deadlines and "Wat nu?" each ask which case roles the person
holds. Within `reading()`, a function marked `@once_while_reading` answers each question (the
function and its arguments) once; outside such a block it reads every time.

A block must only read: nothing written inside it would be seen by a question already answered. So
blocks are opened by GET views and by the guideline's situation, never around a service that writes.
Arguments are keyed by value (numbers, text, dates) or, for a stored model instance, by its model and
primary key; any other argument, and the function simply runs. A list or set answer is handed out as
a copy, so no caller changes another's.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

from django.db.models import Model

P = ParamSpec("P")
R = TypeVar("R")

_memo: ContextVar[dict[Hashable, Any] | None] = ContextVar("werkvrede_reading_memo", default=None)
_SIMPLE = (int, str, bool, datetime.date, type(None))


@contextmanager
def reading() -> Iterator[None]:
    """A block that only reads (`with reading():`, or `@reading()` on a function that only reads).
    Nested blocks share the outermost block's answers."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


_UNKEYED = object()


def _key(value: object) -> Hashable:
    if isinstance(value, Model):
        return _UNKEYED if value.pk is None else (value._meta.label, value.pk)
    if isinstance(value, _SIMPLE):
        return (type(value).__name__, value)
    return _UNKEYED


def once_while_reading(function: Callable[P, R]) -> Callable[P, R]:
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        memo = _memo.get()
        if memo is None:
            return function(*args, **kwargs)
        keys = [_key(a) for a in args] + [_key(v) for _k, v in sorted(kwargs.items())]
        if any(k is _UNKEYED for k in keys):
            return function(*args, **kwargs)
        key = (name, *keys, *sorted(kwargs))
        if key not in memo:
            memo[key] = function(*args, **kwargs)
        answer = memo[key]
        if isinstance(answer, list | set):
            return type(answer)(answer)  # type: ignore[return-value]
        return answer  # type: ignore[no-any-return]

    return wrapper
