"""The protocol's part of a case's guideline situation: the `tenant` parameters and the holidays."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from werkvrede.cases.models import Case
from werkvrede.core.workcalendar import LiberationDay, dutch_public_holidays
from werkvrede.protocol.parameters import tenant_parameters
from werkvrede.protocol.selectors import protocol_for

# Deadlines reach up to about three years past the latest date of a case (WIA, retention), as in the
# advice API; one year back covers earlier sick periods.
YEARS_BACK = 1
YEARS_AHEAD = 3


def years_for(case: Case, *, today: date | None = None) -> tuple[int, int]:
    day = today or timezone.localdate()
    first = min(case.signalled_on.year, day.year) - YEARS_BACK
    last = max(case.signalled_on.year, day.year) + YEARS_AHEAD
    return max(first, 1900), min(last, 2199)


def protocol_facts(case: Case) -> dict[str, Any]:
    protocol = protocol_for(case.organisation_id)
    first, last = years_for(case)
    holidays = dutch_public_holidays(first, last, liberation_day=LiberationDay(protocol.liberation_day))
    return {
        "tenant": tenant_parameters(protocol),
        "non_working_dates": [day.isoformat() for day in holidays],
    }
