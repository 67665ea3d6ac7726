"""The vertrouwenspersoon's annual report (D16): counts only, small cells suppressed (R-105).

A report belongs to the annual report of the year it was *closed* in (`closed_on`): compiling that
year moves exactly those reports to IN_ANNUAL_REPORT (SM-6 row 10), so every report is counted once
and its dossier can be destroyed after (R-107, R-145). Besides the closed reports, the report counts
the reports *opened* in the year by their state when it is compiled (how many still run), and the
contacts counted that year (SM-6 row 1).

Suppression (R-105), per table of dimensions over one population with one total:

* a cell with 0 < count < min_cell is suppressed (shown as "< min_cell"); 0 is shown as 0;
* complementary suppression: as long as a reader could work out a suppressed cell from the shown
  cells and the total, the smallest shown non-zero cell is suppressed as well. The reader is assumed
  to know the method: a small cell lies in [1, min_cell - 1], a complementary cell in
  [min_cell, the smallest cell still shown];
* when that cannot protect a dimension, none of its cells is shown ("no breakdown");
* when the total itself is below min_cell, it is suppressed and no dimension is broken down, so that
  two dimensions of the same reports cannot be played against each other.

Only what is shown is stored: a suppressed cell keeps no count (D16 holds no small numbers).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Sum

from werkvrede.confidential.categories import categories_of
from werkvrede.confidential.models import (
    ACTIVE_STATES,
    AnnualReport,
    Channel,
    ContactTally,
    Report,
    ReportState,
    Route,
)
from werkvrede.core.replica import report_database
from werkvrede.guideline.model import Tenant, UBCategory
from werkvrede.protocol.parameters import tenant_parameters
from werkvrede.protocol.selectors import protocol_for

FORMAT_VERSION = 1
MIN_CELL_KEY = "vp.annual_report.min_cell"
NO_ROUTE = "NONE"
# The states a report opened in the year is counted under (SM-6); the finished ones count as CLOSED.
STATE_KEYS: tuple[str, ...] = (*(s for s in ReportState if s in ACTIVE_STATES), ReportState.CLOSED)


def min_cell_of(organisation_id: int) -> int:
    """The organisation's smallest cell shown (R-105): the protocol's parameter, else the guideline's
    default."""
    value = tenant_parameters(protocol_for(organisation_id)).get(MIN_CELL_KEY)
    return int(value) if isinstance(value, int) and value >= 1 else Tenant().vp_min_cell


# --- Suppression (pure) ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    key: str
    count: int | None  # None when suppressed: the number is not kept
    suppressed: bool

    def as_json(self) -> dict[str, Any]:
        return {"key": self.key, "count": self.count, "suppressed": self.suppressed}


@dataclass(frozen=True)
class Dimension:
    cells: tuple[Cell, ...]
    broken_down: bool  # False: no cell is shown (too few, or not protectable)

    def as_json(self) -> dict[str, Any]:
        return {"broken_down": self.broken_down, "cells": [c.as_json() for c in self.cells]}


@dataclass(frozen=True)
class Table:
    total: Cell
    dimensions: dict[str, Dimension]

    def as_json(self) -> dict[str, Any]:
        return {
            "total": self.total.as_json(),
            "dimensions": {name: d.as_json() for name, d in self.dimensions.items()},
        }


def _bounds(
    values: Sequence[int], primary: set[int], complementary: set[int], min_cell: int
) -> dict[int, tuple[float, float]]:
    """What a reader who knows the method can say about each suppressed cell on its own."""
    shown = [v for i, v in enumerate(values) if i not in primary | complementary and v > 0]
    ceiling = min(shown) if shown else math.inf
    bounds: dict[int, tuple[float, float]] = dict.fromkeys(primary, (1, min_cell - 1))
    bounds.update(dict.fromkeys(complementary, (min_cell, ceiling)))
    return bounds


def _determined(values: Sequence[int], primary: set[int], complementary: set[int], min_cell: int) -> bool:
    """Whether a reader can work out any suppressed cell from the shown cells and the (shown) total."""
    bounds = _bounds(values, primary, complementary, min_cell)
    hidden = sum(values[i] for i in bounds)  # the total minus the shown cells
    lows, highs = sum(lo for lo, _ in bounds.values()), sum(hi for _, hi in bounds.values())
    for lo, hi in bounds.values():
        low = max(lo, hidden - (highs - hi))
        high = min(hi, hidden - (lows - lo))
        if low == high:
            return True
    return False


def suppress_dimension(counts: Sequence[tuple[str, int]], min_cell: int) -> Dimension:
    """One dimension's cells with R-105 suppression, its total being shown (see the module's doc)."""
    keys = [k for k, _ in counts]
    values = [int(v) for _, v in counts]
    if any(v < 0 for v in values):
        raise ValueError("a count cannot be negative")
    if min_cell <= 1:
        return Dimension(tuple(Cell(k, v, False) for k, v in counts), True)
    primary = {i for i, v in enumerate(values) if 0 < v < min_cell}
    complementary: set[int] = set()
    while primary and _determined(values, primary, complementary, min_cell):
        shown = [i for i, v in enumerate(values) if i not in primary | complementary and v > 0]
        if not shown:
            return hidden_dimension(keys)
        complementary.add(min(shown, key=lambda i: (values[i], i)))
    suppressed = primary | complementary
    return Dimension(
        tuple(Cell(k, None if i in suppressed else values[i], i in suppressed) for i, k in enumerate(keys)),
        True,
    )


def hidden_dimension(keys: Iterable[str]) -> Dimension:
    return Dimension(tuple(Cell(k, None, True) for k in keys), False)


def suppress_count(key: str, count: int, min_cell: int) -> Cell:
    """A single count (a total, the contacts): shown unless 0 < count < min_cell."""
    small = 0 < count < min_cell
    return Cell(key, None if small else count, small)


def suppress_table(dimensions: Mapping[str, Sequence[tuple[str, int]]], min_cell: int) -> Table:
    """Dimensions of the same reports (each sums to the same total), suppressed together."""
    totals = {sum(v for _, v in cells) for cells in dimensions.values()}
    if len(totals) > 1:
        raise ValueError("the dimensions of one table must count the same reports")
    total = totals.pop() if totals else 0
    total_cell = suppress_count("total", total, min_cell)
    if total_cell.suppressed:
        return Table(
            total_cell, {name: hidden_dimension(k for k, _ in cells) for name, cells in dimensions.items()}
        )
    return Table(
        total_cell, {name: suppress_dimension(cells, min_cell) for name, cells in dimensions.items()}
    )


def guideline_cells(tables: Iterable[Table]) -> list[dict[str, Any]]:
    """The cells as the guideline checks them (VPAnnualReport.cells in docs/rules.md): a count and
    whether it is suppressed. A category the guideline does not know, and the other dimensions, are
    checked as OTHER with the dimension and key as the unit."""
    cells: list[dict[str, Any]] = []
    for table in tables:
        cells.append(_guideline_cell("total", table.total, table.total.count))
        for name, dimension in table.dimensions.items():
            for cell in dimension.cells:
                cells.append(_guideline_cell(name, cell, cell.count))
    return cells


def _guideline_cell(dimension: str, cell: Cell, count: int | None) -> dict[str, Any]:
    category = cell.key if dimension == "category" and cell.key in UBCategory.__members__ else "OTHER"
    # A suppressed cell is checked as suppressed; its number is not needed for that.
    return {
        "category": category,
        "unit": f"{dimension}:{cell.key}",
        "count": count or 0,
        "suppressed": cell.suppressed,
    }


# --- Counting (reads) -----------------------------------------------------------------------------


def _counted(keys: Sequence[str], counts: Mapping[str, int]) -> list[tuple[str, int]]:
    rows = [(k, int(counts.get(k, 0))) for k in keys]
    rows += [(k, int(v)) for k, v in counts.items() if k not in keys and v]
    return rows


def year_counts(organisation_id: int, year: int, *, database: str | None = None) -> dict[str, Any]:
    """The raw counts of one year (not for display: run them through `year_tables`).

    Read from the report database (ADR 0193) unless `database` names another alias."""
    using = database or report_database()
    closed = Report.objects.using(using).filter(
        organisation_id=organisation_id,
        closed_on__year=year,
        state__in=(ReportState.CLOSED, ReportState.IN_ANNUAL_REPORT),
    )

    def per(field: str) -> dict[str, int]:
        return {row[field] or "": row["n"] for row in closed.order_by().values(field).annotate(n=Count("pk"))}

    category_keys = [c.code for c in categories_of(organisation_id, active_only=False)]
    routes = per("route")
    routes[NO_ROUTE] = routes.pop("", 0)
    opened = (
        Report.objects.using(using)
        .filter(organisation_id=organisation_id, opened_on__year=year)
        .exclude(state=ReportState.DOSSIER_DESTROYED)
        .order_by()
        .values("state")
        .annotate(n=Count("pk"))
    )
    states: dict[str, int] = {}
    for row in opened:
        key = row["state"] if row["state"] in ACTIVE_STATES else ReportState.CLOSED
        states[key] = states.get(key, 0) + row["n"]
    contacts = (
        ContactTally.objects.using(using)
        .filter(organisation_id=organisation_id, day__year=year)
        .aggregate(n=Sum("count"))["n"]
    )
    return {
        "closed": {
            "category": _counted(category_keys, {k or "": v for k, v in per("category").items()}),
            "channel": _counted([c.value for c in Channel], per("channel")),
            "route": _counted([*(r.value for r in Route), NO_ROUTE], routes),
        },
        "opened": {"state": _counted(list(STATE_KEYS), states)},
        "contacts": int(contacts or 0),
    }


def year_tables(counts: Mapping[str, Any], min_cell: int) -> dict[str, Any]:
    """The suppressed tables of one year's counts."""
    closed = dict(counts["closed"])
    # A category left empty (closed before one was chosen) is counted as "unknown", never dropped.
    closed["category"] = [(k or "UNKNOWN", v) for k, v in closed["category"]]
    return {
        "closed": suppress_table(closed, min_cell),
        "opened": suppress_table(counts["opened"], min_cell),
        "contacts": suppress_count("contacts", counts["contacts"], min_cell),
    }


def year_json(year: int, tables: Mapping[str, Any], min_cell: int) -> dict[str, Any]:
    return {
        "year": year,
        "min_cell": min_cell,
        "closed": tables["closed"].as_json(),
        "opened": tables["opened"].as_json(),
        "contacts": tables["contacts"].as_json(),
    }


def aggregates_for(
    organisation_id: int, year: int, min_cell: int, *, database: str | None = None
) -> tuple[dict[str, Any], list[Table]]:
    """What the annual report of `year` stores (counts only), and its tables for the R-105 check.

    The year before comes from its own annual report when there is one (its dossiers may be gone),
    else from the reports as they are."""
    tables = year_tables(year_counts(organisation_id, year, database=database), min_cell)
    before = AnnualReport.objects.filter(organisation_id=organisation_id, year=year - 1).first()
    if before is not None and before.aggregates.get("version") == FORMAT_VERSION:
        previous = before.aggregates["current"]
        checked = [tables["closed"], tables["opened"]]
    else:
        previous_tables = year_tables(year_counts(organisation_id, year - 1, database=database), min_cell)
        previous = year_json(year - 1, previous_tables, min_cell)
        checked = [tables["closed"], tables["opened"], previous_tables["closed"], previous_tables["opened"]]
    data = {
        "version": FORMAT_VERSION,
        "min_cell": min_cell,
        "current": year_json(year, tables, min_cell),
        "previous": previous,
    }
    return data, checked


# --- Showing -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    key: str
    current: str
    previous: str


def shown(cell: Mapping[str, Any] | None, min_cell: int) -> str:
    """A stored cell as the page shows it: the count, or "< min_cell" when suppressed."""
    if cell is None:
        return "–"
    if cell.get("suppressed"):
        return f"< {min_cell}"
    return str(cell.get("count", 0))


def side_by_side(
    current: Mapping[str, Any],
    previous: Mapping[str, Any] | None,
    min_cell: int,
    previous_min_cell: int | None = None,
) -> tuple[list[Row], bool, bool]:
    """A dimension's rows, this year beside the year before (each with the smallest cell it was
    compiled with); and whether each is broken down."""
    before_min = previous_min_cell or min_cell
    before = {c["key"]: c for c in (previous or {}).get("cells", [])}
    keys = [c["key"] for c in current.get("cells", [])]
    keys += [k for k in before if k not in keys]
    now = {c["key"]: c for c in current.get("cells", [])}
    rows = [Row(k, shown(now.get(k), min_cell), shown(before.get(k), before_min)) for k in keys]
    return rows, bool(current.get("broken_down", True)), bool((previous or {}).get("broken_down", True))


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def last_quarters(today: date, n: int = 8) -> list[tuple[int, int]]:
    """The last `n` quarters up to and including today's, oldest first."""
    year, quarter = quarter_of(today)
    result = []
    for _ in range(n):
        result.append((year, quarter))
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return list(reversed(result))


def trend_tables(organisation_id: int, today: date, min_cell: int) -> list[tuple[tuple[int, int], Table]]:
    """Per quarter (the last 8), the reports opened in it per category, suppressed (R-105).

    Destroyed dossiers (R-107) keep no category and drop out; so do reports not yet categorised."""
    quarters = last_quarters(today)
    first = date(quarters[0][0], (quarters[0][1] - 1) * 3 + 1, 1)
    keys = [c.code for c in categories_of(organisation_id, active_only=False)]
    rows = (
        Report.objects.using(report_database())
        .filter(organisation_id=organisation_id, opened_on__gte=first, opened_on__lte=today)
        .exclude(category="")
        .exclude(state=ReportState.DOSSIER_DESTROYED)
        .values_list("opened_on", "category")
    )
    counts: dict[tuple[int, int], dict[str, int]] = {q: {} for q in quarters}
    for opened_on, category in rows:
        per = counts[quarter_of(opened_on)]
        per[category] = per.get(category, 0) + 1
    return [(q, suppress_table({"category": _counted(keys, counts[q])}, min_cell)) for q in quarters]
