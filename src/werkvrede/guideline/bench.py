"""Throughput of the engine on one core: ``python -m werkvrede.guideline.bench``.

Prints situations evaluated per second for a typical situation (scenario SC-02) and for a large
one (SC-02 plus 50 events: advices, interventieperiodes, leave requests, reviews, attempts),
for ``evaluate`` alone and for parse + evaluate + to-dict (what an API request does).
"""

import copy
import json
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from werkvrede.guideline.engine import evaluate
from werkvrede.guideline.output import advice_to_dict
from werkvrede.guideline.parse import parse_situation

SCENARIO = Path(__file__).parent / "tests" / "scenarios" / "sc02.json"
TODAY = date(2025, 10, 1)


def typical() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCENARIO.read_text(encoding="utf-8"))
    return data


def large() -> dict[str, Any]:
    """SC-02 with 50 extra events."""
    data = typical()
    base = date(2025, 9, 1)

    def iso(n: int) -> str:
        return (base + timedelta(days=n)).isoformat()

    advice = data["ba_advice"][1]
    data["ba_advice"] += [dict(copy.deepcopy(advice), issued_on=iso(10 + i)) for i in range(10)]
    data["intervention_periods"] = [
        {
            "initiated_by": "LG",
            "form": "ALT_WORKPLACE",
            "start_on": iso(30 + 10 * i),
            "end_on": iso(36 + 10 * i),
            "employer_approved_on": iso(29 + 10 * i),
            "appointment": {
                "with_role": "HR",
                "recorded_on": iso(29 + 10 * i),
                "meeting_on": iso(31 + 10 * i),
            },
        }
        for i in range(10)
    ]
    data["conflict_leave_requests"] = [
        {"start_on": iso(200 + 7 * i), "end_on": iso(201 + 7 * i)} for i in range(10)
    ]
    data["sick_report"]["progress_reviews"] = [iso(60 + 42 * i) for i in range(10)]
    data["conflict"]["attempts"] = [
        {"kind": "FACILITATED_CONVERSATION", "facilitator": "HR", "on": iso(5 + i), "outcome": "NOT_RESOLVED"}
        for i in range(10)
    ]
    return data


def rate(fn: Callable[[], object], seconds: float = 2.0) -> float:
    """Calls per second of ``fn`` over about ``seconds``."""
    n, start = 0, time.perf_counter()
    deadline = start + seconds
    while True:
        for _ in range(50):
            fn()
        n += 50
        now = time.perf_counter()
        if now >= deadline:
            return n / (now - start)


def main() -> None:
    for name, data in (("typical (SC-02)", typical()), ("large (SC-02 + 50 events)", large())):
        situation = parse_situation(data)
        evaluate(situation, today=TODAY)  # warm caches
        only = rate(lambda s=situation: evaluate(s, today=TODAY))  # type: ignore[misc]
        full = rate(lambda d=data: advice_to_dict(evaluate(parse_situation(d), today=TODAY)))  # type: ignore[misc]
        print(f"{name:<28} evaluate: {only:>8.0f}/s   parse+evaluate+to_dict: {full:>8.0f}/s")


if __name__ == "__main__":
    main()
