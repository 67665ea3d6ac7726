"""Date arithmetic of the time conventions (docs/rules.md): examples and properties (hypothesis)."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from werkvrede.guideline.calendar import (
    WorkCalendar,
    add_months,
    aggregate,
    end_of_week,
    inclusive_days,
    interruption_days,
    sick_week_of,
)
from werkvrede.guideline.model import Variant
from werkvrede.guideline.rules.context import derive_variant
from werkvrede.guideline.tests.builders import run, sit, termination

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
holidays = st.frozensets(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), max_size=30)
FAST = settings(max_examples=150, deadline=None)


@pytest.mark.parametrize(
    ("fsd", "week", "expected"),
    [
        ("2025-09-01", 1, "2025-09-07"),
        ("2025-09-01", 6, "2025-10-12"),
        ("2025-09-01", 8, "2025-10-26"),
        ("2025-09-01", 42, "2026-06-21"),
        ("2025-09-01", 52, "2026-08-30"),
        ("2025-09-01", 91, "2027-05-30"),
        ("2025-09-01", 93, "2027-06-13"),
        ("2025-09-01", 104, "2027-08-29"),
    ],
)
def test_end_of_week_examples(fsd: str, week: int, expected: str) -> None:
    assert end_of_week(date.fromisoformat(fsd), week) == date.fromisoformat(expected)


@FAST
@given(dates, st.integers(min_value=1, max_value=200))
def test_end_of_week_is_the_last_day_of_that_week(fsd: date, k: int) -> None:
    end = end_of_week(fsd, k)
    assert sick_week_of(fsd, end) == k
    assert sick_week_of(fsd, end + timedelta(days=1)) == k + 1
    assert inclusive_days(fsd, end) == 7 * k


@FAST
@given(dates, holidays)
def test_first_working_day_after_week_42(fsd: date, off: frozenset[date]) -> None:
    cal = WorkCalendar(off)
    due = cal.first_working_day_on_or_after(fsd + timedelta(days=294))
    assert due > end_of_week(fsd, 42)
    assert cal.is_working_day(due)
    day = fsd + timedelta(days=294)
    while day < due:  # every day skipped is a weekend day or a holiday
        assert not cal.is_working_day(day)
        day += timedelta(days=1)


def test_week_42_examples() -> None:
    cal = WorkCalendar()
    assert cal.first_working_day_on_or_after(date(2026, 6, 22)) == date(2026, 6, 22)  # Monday
    assert cal.first_working_day_on_or_after(date(2026, 3, 1)) == date(2026, 3, 2)  # Sunday -> Monday
    with_holiday = WorkCalendar(frozenset({date(2026, 4, 27)}))  # Koningsdag, a Monday
    assert with_holiday.first_working_day_on_or_after(date(2026, 4, 25)) == date(2026, 4, 28)


@FAST
@given(dates, st.integers(min_value=0, max_value=60), holidays)
def test_add_working_days(start: date, n: int, off: frozenset[date]) -> None:
    cal = WorkCalendar(off)
    end = cal.add_working_days(start, n)
    assert cal.working_days_between(start + timedelta(days=1), end) == n
    if n:
        assert cal.is_working_day(end)


@FAST
@given(dates, dates, holidays)
def test_working_days_between_matches_counting(a: date, b: date, off: frozenset[date]) -> None:
    start, end = min(a, b), min(max(a, b), min(a, b) + timedelta(days=400))
    cal = WorkCalendar(off)
    expected = sum(1 for i in range((end - start).days + 1) if cal.is_working_day(start + timedelta(days=i)))
    assert cal.working_days_between(start, end) == expected


@FAST
@given(dates, holidays)
def test_practical_due_is_the_preceding_working_day(due: date, off: frozenset[date]) -> None:
    cal = WorkCalendar(off)
    practical = cal.practical_due(due)
    if cal.is_working_day(due):
        assert practical is None
    else:
        assert practical is not None and practical < due and cal.is_working_day(practical)
        assert all(
            not cal.is_working_day(practical + timedelta(days=i))
            for i in range(1, (due - practical).days + 1)
        )


def test_evaluation_five_working_days_example() -> None:
    assert WorkCalendar().add_working_days(date(2025, 3, 19), 5) == date(2025, 3, 26)


@FAST
@given(
    dates,
    st.integers(min_value=1, max_value=120),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=1, max_value=300),
)
def test_samentelling(start1: date, length1: int, gap: int, n: int) -> None:
    end1 = start1 + timedelta(days=length1 - 1)
    start2 = end1 + timedelta(days=gap + 1)
    assert interruption_days(end1, start2) == gap
    agg = aggregate(start2, [(start1, end1)], gap_days=28)
    if gap <= 27:
        assert agg.previous_sick_days == length1
        assert agg.chain_first_sick_day == start1
        # sick-day n of the new period = previous sick days + n
        assert agg.date_of_sick_day(length1 + n) == start2 + timedelta(days=n - 1)
        if n <= length1:
            assert agg.date_of_sick_day(n) == start1 + timedelta(days=n - 1)
    else:
        assert agg.previous_sick_days == 0
        assert agg.date_of_sick_day(n) == start2 + timedelta(days=n - 1)
    # healthy days never count: every sick-day date lies inside a sick period
    day = agg.date_of_sick_day(n)
    assert start1 <= day <= end1 or day >= start2


def test_samentelling_chains_only_unbroken_periods() -> None:
    periods = [
        (date(2024, 1, 1), date(2024, 1, 10)),  # 60+ days before the next: not aggregated
        (date(2024, 3, 15), date(2024, 3, 24)),  # 10 days
        (date(2024, 4, 1), date(2024, 4, 5)),  # 5 days, gap 7
    ]
    agg = aggregate(date(2024, 4, 20), periods)  # gap 14
    assert agg.previous_sick_days == 15
    assert agg.chain_first_sick_day == date(2024, 3, 15)
    assert agg.end_of_week(2) == date(2024, 4, 1) + timedelta(days=3)  # sick-day 14


@FAST
@given(dates, st.integers(min_value=0, max_value=48))
def test_add_months_rolling_window(start: date, months: int) -> None:
    later = add_months(start, months)
    assert (later.year * 12 + later.month) - (start.year * 12 + start.month) == months
    assert later.day <= start.day
    assert later.day == start.day or later.day >= 28


@FAST
@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), st.booleans(), st.integers(0, 30))
def test_reflection_period(concluded: date, clause: bool, offset: int) -> None:
    days = 14 if clause else 21
    received = concluded + timedelta(days=offset)
    a = run(
        sit(
            today=concluded.isoformat(),
            termination_agreements=[
                termination(
                    concluded_on=concluded.isoformat(),
                    mentions_dissolution_right=clause,
                    dissolution={"received_on": received.isoformat()},
                )
            ],
        )
    )
    t18 = next(d for d in a.deadlines if d.code == "T-18")
    assert t18.due == concluded + timedelta(days=days)
    late = any(f.code == "R-092" for f in a.findings)
    assert late is (offset > days)


@pytest.mark.parametrize(
    ("ao", "conflict", "expected"),
    [
        (True, True, Variant.B),
        (True, False, Variant.A),
        (False, True, Variant.C),
        (False, False, Variant.NONE),
    ],
)
def test_variant_table(ao: bool, conflict: bool, expected: Variant) -> None:
    from werkvrede.guideline.parse import parse_situation

    s = parse_situation(
        {
            "sick_report": {
                "first_sick_day": "2025-01-06",
                "verdict": {"value": "AO" if ao else "NOT_AO"},
                "conflict_finding": {"conflict": conflict},
            }
        }
    )
    assert derive_variant(s.sick_report) is expected


def test_dates_in_messages_read_as_people_write_them() -> None:
    from werkvrede.guideline.rules.context import long_date

    assert long_date(date(2026, 1, 15), "nl") == "15 januari 2026"
    assert long_date(date(2026, 1, 15), "en") == "15 January 2026"
    assert long_date(date(2025, 12, 1), "nl") == "1 december 2025"
