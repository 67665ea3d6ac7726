"""R-105: small cells of the annual report are suppressed, and so are the cells that would give them
away (complementary suppression). Pure functions; no database."""

from __future__ import annotations

import itertools
import random

import pytest

from werkvrede.confidential.annual import (
    Dimension,
    last_quarters,
    shown,
    suppress_count,
    suppress_dimension,
    suppress_table,
)


def _shown(dimension: Dimension) -> dict[str, int | None]:
    return {c.key: c.count for c in dimension.cells}


def _suppressed(dimension: Dimension) -> set[str]:
    return {c.key for c in dimension.cells if c.suppressed}


def test_a_cell_of_one_is_suppressed_with_its_complementary_cell() -> None:
    d = suppress_dimension([("A", 1), ("B", 5), ("C", 8), ("D", 0)], 3)
    assert _suppressed(d) == {"A", "B"}  # B: the smallest other non-zero cell
    assert _shown(d) == {"A": None, "B": None, "C": 8, "D": 0}
    assert d.broken_down


def test_a_cell_equal_to_min_cell_is_shown_and_zero_is_shown_as_zero() -> None:
    d = suppress_dimension([("A", 3), ("B", 0), ("C", 4)], 3)
    assert _suppressed(d) == set()
    assert _shown(d) == {"A": 3, "B": 0, "C": 4}


def test_zero_is_never_the_complementary_cell() -> None:
    d = suppress_dimension([("A", 0), ("B", 2), ("C", 0), ("D", 7)], 3)
    assert _suppressed(d) == {"B", "D"}
    assert _shown(d)["A"] == 0 and _shown(d)["C"] == 0


def test_two_small_cells_that_could_be_worked_out_take_a_third() -> None:
    # 1 + 1 with a total showing 2 left over: both must be 1, so a third cell is suppressed too.
    d = suppress_dimension([("A", 1), ("B", 1), ("C", 9), ("D", 10)], 3)
    assert {"A", "B", "C"} <= _suppressed(d)
    assert _shown(d)["D"] == 10


def test_two_small_cells_that_cannot_be_worked_out_stand_alone() -> None:
    # 1 + 2 = 3 left over: (1, 2) or (2, 1), nobody can tell.
    d = suppress_dimension([("A", 1), ("B", 2), ("C", 6)], 3)
    assert _suppressed(d) == {"A", "B"}
    assert _shown(d)["C"] == 6


def test_a_dimension_that_cannot_be_protected_is_not_broken_down() -> None:
    # 1, 3, 3: suppressing both threes still leaves 7 - 6 = 1 for the small cell.
    d = suppress_dimension([("A", 1), ("B", 3), ("C", 3)], 3)
    assert not d.broken_down
    assert all(c.suppressed and c.count is None for c in d.cells)


def test_a_total_below_min_cell_hides_the_total_and_every_breakdown() -> None:
    table = suppress_table({"x": [("A", 2), ("B", 0)], "y": [("P", 1), ("Q", 1)]}, 3)
    assert table.total.suppressed and table.total.count is None
    assert not any(d.broken_down for d in table.dimensions.values())


def test_a_total_equal_to_min_cell_is_shown() -> None:
    table = suppress_table({"x": [("A", 3), ("B", 0)]}, 3)
    assert not table.total.suppressed and table.total.count == 3
    assert _shown(table.dimensions["x"]) == {"A": 3, "B": 0}


def test_dimensions_of_one_table_must_have_one_total() -> None:
    with pytest.raises(ValueError, match="same reports"):
        suppress_table({"x": [("A", 3)], "y": [("B", 4)]}, 3)


def test_min_cell_one_suppresses_nothing_and_a_larger_min_cell_more() -> None:
    counts = [("A", 1), ("B", 4), ("C", 6)]
    assert _suppressed(suppress_dimension(counts, 1)) == set()
    assert _suppressed(suppress_dimension(counts, 3)) == {"A", "B"}  # 1 and its complementary 4
    assert _suppressed(suppress_dimension(counts, 5)) == {"A", "B"}  # 1 + 4 = 5: four ways to split


def test_single_counts_and_how_cells_are_shown() -> None:
    assert suppress_count("contacts", 2, 3).suppressed
    assert not suppress_count("contacts", 0, 3).suppressed
    assert suppress_count("contacts", 3, 3).count == 3
    assert shown({"count": None, "suppressed": True}, 3) == "< 3"
    assert shown({"count": 0, "suppressed": False}, 3) == "0"
    assert shown({"count": 12, "suppressed": False}, 5) == "12"


def test_the_last_eight_quarters_end_with_todays() -> None:
    from datetime import date

    quarters = last_quarters(date(2026, 2, 10))
    assert quarters[-1] == (2026, 1) and quarters[0] == (2024, 2) and len(quarters) == 8


# --- Property: no suppressed cell can be recomputed ----------------------------------------------------


def _possible_values(
    dimension: Dimension, counts: list[tuple[str, int]], min_cell: int
) -> dict[str, set[int]]:
    """Every value each suppressed cell can take, by brute force over what a reader who knows the method
    knows: the shown cells, the total, small cells in [1, min_cell - 1], complementary cells in
    [min_cell, the smallest shown non-zero cell], a dimension without breakdown: each cell in [0, total]."""
    total = sum(v for _, v in counts)
    hidden = [c.key for c in dimension.cells if c.suppressed]
    rest = total - sum(c.count or 0 for c in dimension.cells if not c.suppressed)
    shown_nonzero = [c.count for c in dimension.cells if not c.suppressed and c.count]
    ceiling = min(shown_nonzero) if shown_nonzero else total
    ranges = []
    for _key in hidden:
        if not dimension.broken_down:
            ranges.append(range(total + 1))
        else:
            # The reader does not know which suppressed cells were small: each is small or complementary.
            ranges.append(range(1, max(ceiling, min_cell - 1) + 1))
    possible: dict[str, set[int]] = {k: set() for k in hidden}
    for values in itertools.product(*ranges):
        if sum(values) != rest:
            continue
        for key, value in zip(hidden, values, strict=True):
            small = value < min_cell
            if dimension.broken_down and not small and value > ceiling:
                continue
            possible[key].add(value)
    return possible


def _strict_possible_values(
    dimension: Dimension, counts: list[tuple[str, int]], min_cell: int
) -> dict[str, set[int]]:
    """The same for a reader who also knows which suppressed cells are small (the strongest reader)."""
    total = sum(v for _, v in counts)
    true = dict(counts)
    hidden = [c.key for c in dimension.cells if c.suppressed]
    rest = total - sum(c.count or 0 for c in dimension.cells if not c.suppressed)
    shown_nonzero = [c.count for c in dimension.cells if not c.suppressed and c.count]
    ceiling = min(shown_nonzero) if shown_nonzero else total
    ranges = []
    for key in hidden:
        if not dimension.broken_down:
            ranges.append(range(total + 1))
        elif 0 < true[key] < min_cell:
            ranges.append(range(1, min_cell))
        else:
            ranges.append(range(min_cell, ceiling + 1))
    possible: dict[str, set[int]] = {k: set() for k in hidden}
    for values in itertools.product(*ranges):
        if sum(values) == rest:
            for key, value in zip(hidden, values, strict=True):
                possible[key].add(value)
    return possible


@pytest.mark.parametrize("seed", range(40))
def test_no_suppressed_cell_can_be_recomputed_from_the_shown_cells_and_the_total(seed: int) -> None:
    rng = random.Random(seed)
    checked = 0
    for _ in range(50):
        min_cell = rng.choice([3, 3, 4, 5])
        n = rng.randint(2, 6)
        counts = [(f"K{i}", rng.choice([0, 0, 1, 1, 2, 3, 4, 5, 6, 8, 11])) for i in range(n)]
        total = sum(v for _, v in counts)
        table = suppress_table({"d": counts}, min_cell)
        dimension = table.dimensions["d"]
        # R-105 itself: no small cell is shown, and nothing else is hidden without need.
        for cell, (_, value) in zip(dimension.cells, counts, strict=True):
            assert not (0 < value < min_cell and not cell.suppressed)
            assert cell.suppressed or cell.count == value
            if value == 0 and dimension.broken_down:
                assert cell.count == 0
        if table.total.suppressed:
            assert 0 < total < min_cell and not dimension.broken_down
            continue
        space = 1
        for cell in dimension.cells:
            space *= (total + 1) if cell.suppressed else 1
        if space > 200_000:
            continue
        for possible in (
            _strict_possible_values(dimension, counts, min_cell),
            _possible_values(dimension, counts, min_cell),
        ):
            for key, values in possible.items():
                assert dict(counts)[key] in values, (counts, min_cell)
                assert len(values) >= 2, f"{key} can be worked out from {counts} (min {min_cell})"
        checked += 1
    assert checked > 20
