"""Form widgets shared by every context."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DateInput(forms.DateInput):
    """A native date picker. Its value must be ISO (YYYY-MM-DD) whatever the interface language:
    a Dutch-formatted initial value ("23-11-2026") is dropped by the browser and the field looks empty.
    """

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        shown = context["widget"]["value"]
        # A date picker drops a value that is not ISO; a wrongly typed date must stay as typed so
        # it can be corrected (nothing typed is lost): show it in a plain text box.
        if shown and not _is_iso_date(str(shown)):
            context["widget"]["type"] = "text"
        return context


def _is_iso_date(text: str) -> bool:
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
