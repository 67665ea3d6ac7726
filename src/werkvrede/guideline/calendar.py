"""Date arithmetic of the time conventions (docs/rules.md): sick weeks, working days, samentelling,
month windows.

Pure functions only. Non-working dates (public holidays) are an input; weekends are always
non-working. Nothing here reads the clock.
"""

import calendar as _stdcal
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


def end_of_week(first_sick_day: date, week: int) -> date:
    """Last day of sick week ``week``: ``FSD + 7k - 1`` (Q-1)."""
    if week < 1:
        raise ValueError("week must be >= 1")
    return first_sick_day + timedelta(days=7 * week - 1)


def sick_day_number(first_sick_day: date, day: date) -> int:
    """Sick-day number of ``day`` (the first sick day is sick-day 1)."""
    return (day - first_sick_day).days + 1


def sick_week_of(first_sick_day: date, day: date) -> int:
    """Sick week containing ``day`` (week k = sick-days 7(k-1)+1 … 7k)."""
    n = sick_day_number(first_sick_day, day)
    if n < 1:
        raise ValueError("day before first sick day")
    return (n - 1) // 7 + 1


def inclusive_days(start: date, end: date) -> int:
    """Calendar days from start to end, both inclusive (``end - start + 1``)."""
    return (end - start).days + 1


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later; clamps to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    total = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(total, 12)
    last = _stdcal.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Working days = Monday-Friday minus the given non-working dates."""

    non_working: frozenset[date] = frozenset()

    @classmethod
    def of(cls, dates: Iterable[date]) -> "WorkCalendar":
        return cls(frozenset(dates))

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.non_working

    def first_working_day_on_or_after(self, day: date) -> date:
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def last_working_day_on_or_before(self, day: date) -> date:
        while not self.is_working_day(day):
            day -= ONE_DAY
        return day

    def add_working_days(self, day: date, n: int) -> date:
        """The n-th working day after ``day`` (``day`` itself never counts); n >= 0."""
        if n < 0:
            raise ValueError("n must be >= 0")
        while n > 0:
            day += ONE_DAY
            if self.is_working_day(day):
                n -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days from start to end, both inclusive (0 if end < start)."""
        if end < start:
            return 0
        total = inclusive_days(start, end)
        full_weeks, rest = divmod(total, 7)
        count = full_weeks * 5
        wd = start.weekday()
        for i in range(rest):
            if (wd + i) % 7 < 5:
                count += 1
        count -= sum(1 for d in self.non_working if start <= d <= end and d.weekday() < 5)
        return count

    def practical_due(self, due: date) -> date | None:
        """Preceding working day when ``due`` is not a working day (DESIGN), else None."""
        if self.is_working_day(due):
            return None
        return self.last_working_day_on_or_before(due)


@dataclass(frozen=True, slots=True)
class Aggregation:
    """Result of samentelling (R-160)."""

    current_first_sick_day: date
    chain: tuple[tuple[date, date], ...]
    """Earlier periods that are aggregated, oldest first."""

    @property
    def previous_sick_days(self) -> int:
        return sum(inclusive_days(a, b) for a, b in self.chain)

    @property
    def aggregated_periods(self) -> int:
        return len(self.chain)

    @property
    def chain_first_sick_day(self) -> date:
        """The real first sick day of the earliest aggregated period."""
        return self.chain[0][0] if self.chain else self.current_first_sick_day

    @property
    def effective_first_sick_day(self) -> date:
        """The date that would be sick-day 1 if all aggregated sick days were contiguous."""
        return self.current_first_sick_day - timedelta(days=self.previous_sick_days)

    def date_of_sick_day(self, n: int) -> date:
        """Calendar date of aggregated sick-day ``n`` (healthy days in between do not count)."""
        if n < 1:
            raise ValueError("sick days start at 1")
        for start, end in self.chain:
            length = inclusive_days(start, end)
            if n <= length:
                return start + timedelta(days=n - 1)
            n -= length
        return self.current_first_sick_day + timedelta(days=n - 1)

    def end_of_week(self, week: int) -> date:
        """Last day of aggregated sick week ``week`` (sick-day 7k)."""
        if week < 1:
            raise ValueError("week must be >= 1")
        return self.date_of_sick_day(7 * week)


def interruption_days(previous_last_sick_day: date, next_first_sick_day: date) -> int:
    """Healthy days strictly between two sick periods (samentelling, R-160)."""
    return (next_first_sick_day - previous_last_sick_day).days - 1


def aggregate(
    first_sick_day: date,
    previous_periods: Iterable[tuple[date, date]],
    *,
    gap_days: int = 28,
) -> Aggregation:
    """Add up earlier sick periods separated by fewer than ``gap_days`` healthy days (R-160).

    ``previous_periods`` are (first sick day, last sick day) pairs before ``first_sick_day``.
    Only the unbroken chain that leads into the current period counts.
    """
    periods = sorted(previous_periods, reverse=True)
    start = first_sick_day
    chain: list[tuple[date, date]] = []
    for p_start, p_end in periods:
        if p_end >= start or p_end < p_start:
            raise ValueError("sick periods overlap or are reversed")
        if interruption_days(p_end, start) >= gap_days:
            break
        chain.append((p_start, p_end))
        start = p_start
    return Aggregation(current_first_sick_day=first_sick_day, chain=tuple(reversed(chain)))
