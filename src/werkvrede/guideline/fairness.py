""" "Did it feel fair?": three questions after a phase, and their aggregate (ADR 0135).

Pure: no Django. The answers carry no identity; an aggregate is shown only when at least `min_cell`
people answered (the same threshold as the VP annual report, R-105) and only for a quarter that
has ended, so no one can watch a mean move as one person answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from werkvrede.guideline.prevention import SCALE, SCALE_MAX, SCALE_MIN

__all__ = ["SCALE"]


@dataclass(frozen=True)
class Question:
    code: str
    text_nl: str
    text_en: str
    short_nl: str  # a column heading that fits a phone screen
    short_en: str


QUESTIONS: tuple[Question, ...] = (
    Question("heard", "Ik voelde me gehoord", "I felt heard", "Gehoord", "Heard"),
    Question("respect", "Ik werd met respect behandeld", "I was treated with respect", "Respect", "Respect"),
    Question(
        "understood", "Ik begreep wat er gebeurde", "I understood what happened", "Begrepen", "Understood"
    ),
)
QUESTION_CODES: tuple[str, ...] = tuple(q.code for q in QUESTIONS)
COMMENT_MAX = 500


class InvalidAnswersError(ValueError):
    pass


def validate(answers: Mapping[str, object]) -> dict[str, int]:
    """Every question answered with a whole number on the 1-5 scale, nothing else."""
    if set(answers) != set(QUESTION_CODES):
        raise InvalidAnswersError("answer every question, and only those")
    clean: dict[str, int] = {}
    for code in QUESTION_CODES:
        value = answers[code]
        if isinstance(value, bool) or not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
            raise InvalidAnswersError(f"{code}: a whole number from {SCALE_MIN} to {SCALE_MAX}")
        clean[code] = value
    return clean


def quarter_of(day: date) -> str:
    """ "2026-Q4": the only time an answer keeps."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_ended(quarter: str, today: date) -> bool:
    return quarter < quarter_of(today)


@dataclass(frozen=True)
class Cell:
    """One quarter (and phase): the mean per question, or nothing when too few answered."""

    quarter: str
    phase: str
    respondents: int | None  # None when 0 < n < min_cell: not even the count is shown
    means: dict[str, float] | None

    @property
    def suppressed(self) -> bool:
        return self.means is None


def aggregate(quarter: str, phase: str, answers: Iterable[Mapping[str, int]], min_cell: int) -> Cell:
    if min_cell < 1:
        raise ValueError("min_cell is at least 1")
    rows = list(answers)
    if len(rows) < min_cell:
        return Cell(quarter, phase, None, None)
    means = {code: round(sum(r[code] for r in rows) / len(rows), 1) for code in QUESTION_CODES}
    return Cell(quarter, phase, len(rows), means)
