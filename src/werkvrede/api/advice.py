"""POST /api/v1/advice: the guideline engine's contract over HTTP (the same as `werkvrede advise`).

Stores nothing. When the situation carries no `non_working_dates`, the Dutch public holidays of the
years it spans are supplied (docs/rules.md, time conventions), so working-day deadlines are right
without the caller knowing the calendar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from werkvrede.api.body import BodyTooDeep, NotJson, read_json
from werkvrede.core.access import api_requires
from werkvrede.core.api_findings import MessageOut
from werkvrede.core.types import Out
from werkvrede.core.workcalendar import dutch_public_holidays
from werkvrede.guideline import (
    InvalidSituation,
    advice_to_dict,
    evaluate,
    parse_situation,
    situation_json_schema,
)

router = Router(tags=["guideline"])

_ISO_DATE = re.compile(r"^(\d{4})-\d{2}-\d{2}$")
# Deadlines reach up to about three years past the latest date in a situation (WIA, retention).
_YEARS_AHEAD = 3


class AdviceFindingOut(Out):
    code: str
    severity: str
    message: MessageOut
    source: str
    sources: list[str]
    subject: str | None
    configured_from: str | None
    justified: bool | None
    # The words or sentences of the subject's text the finding is about.
    matches: list[str] = []


class AdviceDeadlineOut(Out):
    code: str
    status: str
    due: str | None
    practical_due: str | None
    window_start: str | None
    window_end: str | None
    done_on: str | None
    # DONE_LATE: working days after the due date (ADR 0100).
    late_working_days: int | None
    owner: list[str]
    basis: str
    source: str | None
    subject: str | None
    note: str | None


class AdviceOut(Out):
    guideline_version: str
    today: str
    variant: str | None
    glasl_phase: str | None
    blocked: bool
    aggregated_first_sick_day: str | None
    sick_days_before_current_period: int
    routes: list[str]
    indications: list[str]
    findings: list[AdviceFindingOut]
    deadlines: list[AdviceDeadlineOut]


class InvalidInputOut(Out):
    detail: str
    path: str


def _years(value: Any) -> Iterator[int]:
    if isinstance(value, str):
        match = _ISO_DATE.match(value)
        if match:
            yield int(match.group(1))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _years(item)
    elif isinstance(value, list):
        for item in value:
            yield from _years(item)


def situation_path(loc: tuple[str | int, ...]) -> str:
    """A location in the body as the guideline names fields: `sick_report.previous_periods[0]`."""
    path = ""
    for key in loc:
        path += f"[{key}]" if isinstance(key, int) else (f".{key}" if path else key)
    return path or "$"


def with_public_holidays(data: dict[str, Any], *, today_year: int) -> dict[str, Any]:
    """Add the Dutch public holidays when the caller gave no non-working dates."""
    if "non_working_dates" in data:
        return data
    years = [today_year, *_years(data)]
    first, last = max(min(years) - 1, 1900), min(max(years) + _YEARS_AHEAD, 2200)
    holidays = [day.isoformat() for day in dutch_public_holidays(first, last)]
    return {**data, "non_working_dates": holidays}


@router.post(
    "/advice",
    response={200: AdviceOut, 422: InvalidInputOut},
    url_name="advice",
    summary="Evaluate a situation against the guideline",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": situation_json_schema()}},
        }
    },
)
@api_requires("guideline.advice.evaluate")
def advice(request: HttpRequest) -> Status[dict[str, Any]]:
    """Return variant, routes, indications, findings and deadlines for the posted situation.

    BLOCK findings are data (200). Invalid input answers 422 with the field path that is wrong.
    """
    try:
        data = read_json(request)
    except BodyTooDeep as exc:
        return Status(422, {"detail": exc.detail, "path": situation_path(exc.loc)})
    except NotJson as exc:
        return Status(422, {"detail": exc.detail, "path": "$"})
    if not isinstance(data, dict):
        return Status(422, {"detail": "expected a JSON object describing the situation", "path": "$"})
    today = timezone.localdate()
    try:
        situation = parse_situation(with_public_holidays(data, today_year=today.year))
        result = evaluate(situation, today=situation.today or today)
    except InvalidSituation as exc:
        return Status(422, {"detail": exc.message, "path": exc.path})
    return Status(200, advice_to_dict(result))
