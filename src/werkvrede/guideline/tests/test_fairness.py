""" "Did it feel fair?" (ADR 0135): the questions, the quarter and the aggregate at min_cell."""

from __future__ import annotations

from datetime import date

import pytest

from werkvrede.guideline import fairness


def _rows(*values: int) -> list[dict[str, int]]:
    return [dict.fromkeys(fairness.QUESTION_CODES, v) for v in values]


@pytest.mark.parametrize(
    ("day", "quarter"),
    [(date(2026, 1, 1), "2026-Q1"), (date(2026, 3, 31), "2026-Q1"), (date(2026, 4, 1), "2026-Q2"),
     (date(2026, 12, 31), "2026-Q4")],
)  # fmt: skip
def test_an_answer_keeps_only_its_quarter(day: date, quarter: str) -> None:
    assert fairness.quarter_of(day) == quarter


def test_a_quarter_has_ended_only_after_its_last_day() -> None:
    assert fairness.quarter_ended("2026-Q1", date(2026, 4, 1))
    assert not fairness.quarter_ended("2026-Q1", date(2026, 3, 31))
    assert fairness.quarter_ended("2025-Q4", date(2026, 1, 1))


def test_below_min_cell_neither_count_nor_means_are_shown() -> None:
    cell = fairness.aggregate("2026-Q1", "intake", _rows(1, 5), min_cell=3)
    assert cell.suppressed and cell.respondents is None and cell.means is None
    assert fairness.aggregate("2026-Q1", "intake", [], min_cell=3).suppressed


def test_at_min_cell_the_means_per_question_are_shown() -> None:
    cell = fairness.aggregate("2026-Q1", "intake", _rows(1, 2, 5), min_cell=3)
    assert not cell.suppressed and cell.respondents == 3
    assert cell.means == {"heard": 2.7, "respect": 2.7, "understood": 2.7}


def test_min_cell_is_at_least_one() -> None:
    with pytest.raises(ValueError):
        fairness.aggregate("2026-Q1", "intake", _rows(3), min_cell=0)


@pytest.mark.parametrize(
    "answers",
    [
        {"heard": 3, "respect": 3},  # one left out
        {"heard": 3, "respect": 3, "understood": 3, "name": 1},  # something else
        {"heard": 0, "respect": 3, "understood": 3},  # below the scale
        {"heard": 6, "respect": 3, "understood": 3},  # above the scale
        {"heard": True, "respect": 3, "understood": 3},  # not a number
        {"heard": "3", "respect": 3, "understood": 3},
    ],
)
def test_invalid_answers_are_refused(answers: dict[str, object]) -> None:
    with pytest.raises(fairness.InvalidAnswersError):
        fairness.validate(answers)


def test_valid_answers_pass_unchanged() -> None:
    assert fairness.validate({"heard": 1, "respect": 5, "understood": 3}) == {
        "heard": 1,
        "respect": 5,
        "understood": 3,
    }
