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


@register.filter
def wvp_rows(content: Mapping[str, Any], kind: str) -> list[tuple[str, str]]:
    """The fields of a Poortwachter document (D10) as (label, text), in the order of its content type."""
    from django.utils.translation import gettext as _

    from werkvrede.documents.content import CONTENT_TYPES, WVP_FIELD_LABELS

    typed = CONTENT_TYPES.get(str(kind))
    found: list[tuple[str, str]] = []
    for key in getattr(typed, "__annotations__", {}):
        if key not in WVP_FIELD_LABELS or key not in content:
            continue
        value = content[key]
        if isinstance(value, bool):
            text = _("Ja") if value else _("Nee")
        elif value is None:
            text = _("Onbekend")
        elif isinstance(value, Mapping):
            text = str(value.get("name", ""))
        elif key.endswith("_on"):
            text = longdate(value)
        else:
            text = str(value)
        found.append((str(WVP_FIELD_LABELS[key]), text))
    return found


@register.simple_tag
def translation_label(document: Any = None) -> str:
    """The label of a download link that gives an unsigned translation in the reader's language.

    Without a document: one that is frozen on creation, in the signing language (the BA's feedback).
    docs/adr/0149-signed-documents-are-frozen.md.
    """
    from django.conf import settings
    from django.utils.html import format_html
    from django.utils.translation import get_language
    from django.utils.translation import gettext as _

    if document is not None and not document.is_frozen:
        return ""
    signed = document.signed_language if document is not None else str(settings.LANGUAGE_CODE)
    if (get_language() or signed).split("-")[0] == signed:
        return ""
    return str(
        format_html(' <span class="wv-translation-label">({})</span>', _("Vertaling, niet ondertekend"))
    )
