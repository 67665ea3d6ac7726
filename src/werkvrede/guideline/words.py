"""Codes in words: the text shown beside a code badge (R-, RT-, I-, T-, SM- from the catalogue; the
data categories D01…D21 by name, docs/rules.md)."""

from __future__ import annotations

from werkvrede.guideline.catalogue import CATALOGUE
from werkvrede.guideline.model import Message
from werkvrede.guideline.value_words import DATA_CATEGORY_NAMES


def words_of(code: str) -> Message | None:
    """The code in words, or ``None`` when the code is unknown."""
    if code in DATA_CATEGORY_NAMES:
        return DATA_CATEGORY_NAMES[code]
    entry = CATALOGUE.get(code)
    return entry.message if entry is not None else None
