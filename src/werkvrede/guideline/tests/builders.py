"""Builders for situation dicts used by the rule tests (valid defaults, override what matters)."""

import datetime as dt
from typing import Any

from werkvrede.guideline import Advice, evaluate, parse_situation

FSD = "2025-09-01"  # a Monday
TODAY = "2025-09-10"

Data = dict[str, Any]


def d(iso: str, plus: int = 0) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=plus)).isoformat()


def sit(today: str = TODAY, **parts: Any) -> Data:
    return {"today": today, **parts}


def conflict(**kw: Any) -> Data:
    return {"signalled_on": FSD, "perceived_by": ["WN"], **kw}


def verdict(value: str = "AO", **kw: Any) -> Data:
    return {"value": value, "recorded_on": d(FSD, 2), "author_role": "BA", **kw}


def cfinding(conflict: bool = True, **kw: Any) -> Data:
    return {"conflict": conflict, "recorded_on": d(FSD, 2), "author_role": "BA", **kw}


def sick(**kw: Any) -> Data:
    return {"first_sick_day": FSD, "notified_to_ba_on": d(FSD, 1), **kw}


def variant(v: str, **kw: Any) -> Data:
    """A sick report whose derived variant is ``v``."""
    ao = v in ("A", "B")
    has_conflict = v in ("B", "C")
    return sick(verdict=verdict("AO" if ao else "NOT_AO"), conflict_finding=cfinding(has_conflict), **kw)


def advice(**kw: Any) -> Data:
    return {
        "kind": "REINTEGRATION",
        "author_role": "BA",
        "issued_on": d(FSD, 4),
        "recipients": ["HR", "WN"],
        **kw,
    }


def ip_advice(**kw: Any) -> Data:
    base = {
        "form": "ALT_WORKPLACE",
        "start_on": "2025-09-15",
        "days": 7,
        "contact_person": "team lead",
        "explanation": True,
    }
    base.update(kw)
    return advice(kind="INTERVENTION_PERIOD", content=["INTERVENTION_PERIOD"], intervention_period=base)


def ip(**kw: Any) -> Data:
    return {
        "initiated_by": "BA",
        "form": "ALT_WORKPLACE",
        "start_on": "2025-09-15",
        "end_on": "2025-09-21",
        "employer_approved_on": "2025-09-12",
        "appointment": {"with_role": "LG", "recorded_on": "2025-09-12", "meeting_on": "2025-09-16"},
        "registered_as": "PAID_LEAVE",
        **kw,
    }


def leave(**kw: Any) -> Data:
    return {
        "start_on": "2025-09-22",
        "end_on": "2025-09-24",
        "appointment": {"with_role": "HR", "recorded_on": "2025-09-15", "meeting_on": "2025-09-25"},
        **kw,
    }


LEAVE_ON = {"conflict_leave.enabled": True}

ALL_CLAUSES = [
    "IDENTITIES",
    "SUBJECT",
    "VOLUNTARINESS",
    "CONFIDENTIALITY",
    "NEUTRALITY",
    "REGLEMENT",
    "FEES",
    "REPORTING",
    "INTERIM_AGREEMENTS",
    "ADMITTED_ADVISERS",
]


def mediation(**kw: Any) -> Data:
    return {
        "status": "IN_SESSION",
        "referred_on": "2025-09-01",
        "all_parties_willing": True,
        "agreement": {
            "signed_by_all_parties": True,
            "signed_by_mediator": True,
            "signed_on": "2025-09-05",
            "clauses": ALL_CLAUSES,
        },
        "sessions": ["2025-09-08"],
        "track": "RESTORATION",
        **kw,
    }


ALL_CHECKLIST = [
    "NAMES_ADDRESSES",
    "EMPLOYER_INITIATIVE_AND_REASON",
    "NO_URGENT_REASON",
    "MUTUAL_CONSENT",
    "END_DATE_RESPECTS_NOTICE",
    "FINAL_SETTLEMENT_DATE",
    "PLACE_AND_DATE_OF_SIGNING",
]


def termination(**kw: Any) -> Data:
    return {
        "written": True,
        "signed_by_employer": True,
        "signed_by_employee": True,
        "concluded_on": "2025-09-01",
        "mentions_dissolution_right": True,
        "checklist": ALL_CHECKLIST,
        **kw,
    }


def run(data: Data) -> Advice:
    return evaluate(parse_situation(data), today=None)


def has(a: Advice, code: str, severity: str | None = None, subject: str | None = None) -> bool:
    return any(
        f.code == code
        and (severity is None or f.severity == severity)
        and (subject is None or (f.subject or "").startswith(subject))
        for f in a.findings
    )


def deadline(a: Advice, code: str, subject: str | None = None) -> Any:
    for dl in a.deadlines:
        if dl.code == code and (subject is None or (dl.subject or "").startswith(subject)):
            return dl
    return None
