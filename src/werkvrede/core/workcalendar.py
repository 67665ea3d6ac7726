"""Dutch public holidays for working-day deadlines (docs/rules.md, time conventions).

The guideline engine takes the non-working dates as input; this is where the application makes
them, from the `holidays` package's Netherlands calendar plus the organisation's Bevrijdingsdag
setting (every year, only in lustrum years, or never; default lustrum years).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import lru_cache


class LiberationDay(StrEnum):
    EVERY_YEAR = "EVERY_YEAR"
    LUSTRUM = "LUSTRUM"
    NEVER = "NEVER"


# The days the time conventions name. Good Friday is a holiday for some employers only, so it is not listed.
_NAMED_DAYS = frozenset(
    {
        "New Year's Day",
        "Easter Sunday",
        "Easter Monday",
        "King's Day",
        "Queen's Day",
        "Ascension Day",
        "Pentecost",
        "Pentecost Monday",
        "Whit Sunday",
        "Whit Monday",
        "Christmas Day",
        "Second Day of Christmas",
    }
)


@lru_cache(maxsize=64)
def dutch_public_holidays(
    first_year: int, last_year: int, *, liberation_day: LiberationDay = LiberationDay.LUSTRUM
) -> tuple[date, ...]:
    """The non-working public holidays from 1 January of `first_year` to 31 December of `last_year`.

    Kept per year range and setting (a tuple, never changed), and the `holidays` package imported on
    first use: importing it costs a process most of a second, which every worker paid at start (ADR 0188).
    """
    import holidays  # lazily, see above

    years = range(first_year, last_year + 1)
    calendar = holidays.country_holidays("NL", years=years, language="en_US")
    days = {day for day, name in calendar.items() if name in _NAMED_DAYS}
    if liberation_day is LiberationDay.EVERY_YEAR:
        days.update(date(year, 5, 5) for year in years)
    elif liberation_day is LiberationDay.LUSTRUM:
        days.update(date(year, 5, 5) for year in years if year % 5 == 0)
    return tuple(sorted(days))
