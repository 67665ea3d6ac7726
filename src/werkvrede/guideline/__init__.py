"""Werkvrede guideline engine: the STECR Werkwijzer (April 2022) as pure functions.

Standard library only. Public API::

    situation = parse_situation(data)          # dict -> Situation, raises InvalidSituation(path)
    advice = evaluate(situation, today=day)    # Situation -> Advice
    advice_to_dict(advice)                     # JSON-ready dict
    situation_json_schema()                    # JSON Schema of the input
"""

from werkvrede.guideline.calendar import WorkCalendar, aggregate, end_of_week
from werkvrede.guideline.catalogue import CATALOGUE, Entry, Status, describe, entries
from werkvrede.guideline.engine import evaluate
from werkvrede.guideline.model import Advice, Deadline, Finding, Severity, Situation, Variant
from werkvrede.guideline.output import advice_to_dict, render_text
from werkvrede.guideline.parse import InvalidSituation, parse_situation, situation_json_schema
from werkvrede.guideline.version import GUIDELINE_VERSION

__all__ = [
    "CATALOGUE",
    "GUIDELINE_VERSION",
    "Advice",
    "Deadline",
    "Entry",
    "Finding",
    "InvalidSituation",
    "Severity",
    "Situation",
    "Status",
    "Variant",
    "WorkCalendar",
    "advice_to_dict",
    "aggregate",
    "describe",
    "end_of_week",
    "entries",
    "evaluate",
    "parse_situation",
    "render_text",
    "situation_json_schema",
]
