"""Pages without a total count: fetch one row more than a page to know whether there is a next one.

A COUNT over a large organisation's cases grows with the number of cases; pages must not. Pages go by
number (`window_page`), the API by offset and limit (`offset_window`, answering `next_offset`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db.models import Model, QuerySet

from werkvrede.core.types import MAX_LIMIT, MAX_OFFSET

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class WindowPage(Generic[M]):
    object_list: list[M]
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


@dataclass(frozen=True)
class OffsetWindow(Generic[M]):
    rows: list[M]
    next_offset: int | None  # None on the last page


def offset_window(queryset: QuerySet[M], offset: int, limit: int) -> OffsetWindow[M]:
    """The API's page of `limit` rows from `offset` (both bounded as `core.types` bounds them)."""
    limit = max(1, min(limit, MAX_LIMIT))
    offset = min(max(offset, 0), MAX_OFFSET)
    rows = list(queryset[offset : offset + limit + 1])
    return OffsetWindow(rows=rows[:limit], next_offset=offset + limit if len(rows) > limit else None)


def window_page(queryset: QuerySet[M], page: str | None, per_page: int = 50) -> WindowPage[M]:
    # Beyond the offsets the API takes too (ADR 0060) a number is as good as none: the first page.
    number = int(page) if page and page.isdigit() and 0 < int(page) <= MAX_OFFSET // per_page else 1
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return WindowPage(object_list=rows[:per_page], number=number, has_next=len(rows) > per_page)
