"""Dutch public holidays as the time conventions in docs/rules.md list them (Refs issue #3)."""

from __future__ import annotations

from datetime import date

from werkvrede.core.workcalendar import LiberationDay, dutch_public_holidays


def test_2025_has_exactly_the_days_of_the_spec_with_liberation_day_in_a_lustrum_year() -> None:
    assert dutch_public_holidays(2025, 2025) == (
        date(2025, 1, 1),
        date(2025, 4, 20),
        date(2025, 4, 21),
        date(2025, 4, 26),
        date(2025, 5, 5),
        date(2025, 5, 29),
        date(2025, 6, 8),
        date(2025, 6, 9),
        date(2025, 12, 25),
        date(2025, 12, 26),
    )


def test_good_friday_is_not_a_public_holiday_here() -> None:
    assert date(2026, 4, 3) not in dutch_public_holidays(2026, 2026)


def test_liberation_day_follows_the_organisation_setting() -> None:
    assert date(2026, 5, 5) not in dutch_public_holidays(2026, 2026)
    assert date(2026, 5, 5) in dutch_public_holidays(2026, 2026, liberation_day=LiberationDay.EVERY_YEAR)
    assert date(2025, 5, 5) not in dutch_public_holidays(2025, 2025, liberation_day=LiberationDay.NEVER)


def test_a_range_of_years_is_sorted_and_covers_each_year() -> None:
    days = dutch_public_holidays(2024, 2027)
    assert list(days) == sorted(days)
    assert {d.year for d in days} == {2024, 2025, 2026, 2027}
    assert date(2027, 4, 27) in days  # King's Day
