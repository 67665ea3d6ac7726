"""Filters for document templates: ISO dates from JSON content, and labels of codes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django import template
from django.utils.formats import date_format

register = template.Library()


@register.filter
def longdate(value: Any) -> str:
    """An ISO date ("2026-03-01") as "1 maart 2026" (or "1 March 2026"); anything else as it is."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return str(value)
    if isinstance(value, date):
        return str(date_format(value, "j F Y"))
    return "" if value is None else str(value)


@register.filter
def label(labels: Mapping[str, Any], code: Any) -> str:
    """The translated label of a code in a label table; the code itself when it has none."""
    if code is None:
        return ""
    found = labels.get(str(code)) if isinstance(labels, Mapping) else None
    return str(found) if found is not None else str(code)
