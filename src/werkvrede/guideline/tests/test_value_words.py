"""Findings list values in words, never enum names (value_words; docs/rules.md)."""

from __future__ import annotations

import re
from enum import StrEnum

import pytest

from werkvrede.guideline.catalogue import CATALOGUE
from werkvrede.guideline.model import (
    AdviceContent,
    AssessmentItem,
    BreachCondition,
    ChecklistItem,
    Clause,
    SignalKind,
)
from werkvrede.guideline.rules.context import _Lang
from werkvrede.guideline.value_words import DATA_CATEGORY_NAMES, VALUE_WORDS, in_words
from werkvrede.guideline.words import words_of

ENUM_NAME = re.compile(r"\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b")


@pytest.mark.parametrize(
    "enum", [AdviceContent, AssessmentItem, BreachCondition, ChecklistItem, Clause, SignalKind]
)
def test_every_listed_value_has_words(enum: type[StrEnum]) -> None:
    missing = [v.value for v in enum if v.value not in VALUE_WORDS and v.value != "SICK_REPORT"]
    assert missing == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_r073_lists_the_clauses_in_words(lang: str) -> None:
    template = getattr(CATALOGUE["R-073"].message, lang)
    text = template.format_map(_Lang({"missing": "CONFIDENTIALITY, VOLUNTARINESS"}, lang))
    assert ENUM_NAME.findall(text) == [] and "VOLUNTARINESS" not in text
    assert ("geheimhouding, vrijwilligheid" if lang == "nl" else "confidentiality, voluntariness") in text


def test_r022_names_the_checklist_items_in_words() -> None:
    text = CATALOGUE["R-022"].message.nl.format_map(_Lang({"missing": "TYPE_AND_PHASE"}, "nl"))
    assert "soort en fase van het conflict" in text and "TYPE_AND_PHASE" not in text


def test_data_categories_keep_their_code_beside_the_name() -> None:
    assert in_words("D08, D14", "nl", DATA_CATEGORY_NAMES) == (
        "Adviezen van de bedrijfsarts (D08), Stand van de mediation (D14)"
    )


def test_a_value_without_words_and_a_free_placeholder_stay_as_they_are() -> None:
    assert in_words("UNKNOWN_THING", "en") == "UNKNOWN_THING"
    # Only list placeholders are read as values: a name that happens to be a key is left alone.
    assert "{name}".format_map(_Lang({"name": "employee"}, "nl")) == "employee"


def test_every_data_category_and_rule_code_has_words() -> None:
    assert sorted(DATA_CATEGORY_NAMES) == [f"D{i:02d}" for i in range(1, 22)]
    assert words_of("RT-8") is not None and words_of("X-0") is None


def test_r030_names_the_condition_in_words_but_quotes_free_text_as_written() -> None:
    template = CATALOGUE["R-030"].message.nl
    assert "(voorwaarde voor werkhervatting)" in template.format_map(
        _Lang({"where": "resumption_condition"}, "nl")
    )
    quoted = "'pas als het conflict is opgelost'"
    assert quoted in template.format_map(_Lang({"where": quoted}, "nl"))
