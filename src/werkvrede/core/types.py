"""The values a request may carry, once for every context (ADR 0060).

Every request body of the JSON API is an :class:`Input` built from these types, so each field says
in the OpenAPI document what it accepts and refuses the rest with 422 naming the field:

- ``Date``/``DateTime``: ISO 8601 between 1900-01-01 and 2199-12-31 (the guideline's own input range);
- ``Text``: at most 10,000 characters (``LongText`` 20,000, ``Line`` 300, ``Name`` 200), without
  NUL or any other control character but tab, line feed and carriage return (PostgreSQL refuses
  NUL; the others only hide or forge text); ``Code``: a code such as R-041;
- ``Email``: an e-mail address as Django validates one;
- ``Id``: 1 to 2^63 - 1, what a primary key can hold; ``Offset``/``Limit`` page through lists;
- ``Count``: a small non-negative number (days, minutes); ``Percentage``: 0 to 100;
- ``Choice[E]``: a member of an enumeration, by its value.

The forms use the same rules (:mod:`werkvrede.core.forms`).

(No `from __future__ import annotations`: django-ninja reads the annotations at import time.)
"""

import re
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from ninja import Schema
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict
from pydantic_core import PydanticCustomError

from werkvrede.guideline.parse import DATE_PATTERN as DATE_PATTERN
from werkvrede.guideline.parse import MAX_INT as MAX_GUIDELINE_COUNT
from werkvrede.guideline.parse import MAX_YEAR, MIN_YEAR

MIN_DATE, MAX_DATE = date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)
MAX_ID = 2**63 - 1
MAX_OFFSET = 10_000_000
MAX_LIMIT = 200
MAX_COUNT = 32_767
MAX_TEXT = 10_000
MAX_LONG_TEXT = 20_000
MAX_LINE = 300
MAX_NAME = 200

# C0 and C1 control characters and DEL, except tab, line feed and carriage return: as a regex
# character class in a form both Python and JSON Schema (ECMA 262) read alike.
CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Lone surrogates cannot be stored as UTF-8 either; they are not part of the documented pattern
# (ECMA 262 without the u flag would read it as halves of characters outside the BMP).
_FORBIDDEN = re.compile(f"[{CONTROL_CHARACTERS}\ud800-\udfff]")
TEXT_PATTERN = f"^[^{CONTROL_CHARACTERS}]*$"
CODE_PATTERN = "^[A-Za-z0-9_.+-]+$"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?"
)


def forbidden_character(text: str) -> str | None:
    """The first character a text may not hold, or None."""
    found = _FORBIDDEN.search(text)
    return found.group() if found else None


def in_date_range(day: date) -> bool:
    return MIN_DATE <= day <= MAX_DATE


def _error(kind: str, message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message, context or None)


def _text(value: str) -> str:
    char = forbidden_character(value)
    if char is not None:
        raise _error(
            "control_character",
            "must not contain control characters (found U+{code}); tab and line breaks are allowed",
            code=f"{ord(char):04X}",
        )
    return value


def _in_range(value: date) -> date:
    day = value.date() if isinstance(value, datetime) else value
    if not in_date_range(day):
        raise _error("date_range", f"expected a date between {MIN_DATE} and {MAX_DATE}")
    return value


def _iso_date(value: Any) -> Any:
    """A date only as the string the document promises (YYYY-MM-DD), never a number or a timestamp."""
    if isinstance(value, str):
        if not _ISO_DATE.fullmatch(value):
            raise _error("date_format", "expected a date YYYY-MM-DD")
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise _error("date_format", "expected a date YYYY-MM-DD: {reason}", reason=str(exc)) from None
    return value


def _iso_datetime(value: Any) -> Any:
    if isinstance(value, str):
        if not _ISO_DATETIME.fullmatch(value):
            raise _error("datetime_format", "expected a date and time YYYY-MM-DDTHH:MM[:SS][+HH:MM]")
        try:
            return datetime.fromisoformat(value)
        except ValueError as exc:
            raise _error("datetime_format", "expected a date and time: {reason}", reason=str(exc)) from None
    return value


def _email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError:
        raise _error("email", "expected an e-mail address") from None
    return value


def _whole(value: Any) -> Any:
    # JSON Schema counts 8.0 as an integer; strict validation would not.
    return int(value) if isinstance(value, float) and value.is_integer() else value


# Put last in an integer's Annotated (after its Field), so the bounds stay in the document.
WholeNumber = BeforeValidator(_whole)

_DATE_SCHEMA = {"pattern": DATE_PATTERN, "description": f"YYYY-MM-DD, from {MIN_DATE} to {MAX_DATE}"}

Date = Annotated[
    date, BeforeValidator(_iso_date), AfterValidator(_in_range), Field(json_schema_extra=_DATE_SCHEMA)
]
DateTime = Annotated[
    datetime,
    BeforeValidator(_iso_datetime),
    AfterValidator(_in_range),
    Field(json_schema_extra={**_DATE_SCHEMA, "description": "ISO 8601; without an offset: Dutch time"}),
]
_PATTERN = {"pattern": TEXT_PATTERN}
Text = Annotated[str, Field(max_length=MAX_TEXT, json_schema_extra=_PATTERN), AfterValidator(_text)]
# What the bedrijfsarts writes (advice, medical notes), as long as the guideline takes.
LongText = Annotated[str, Field(max_length=MAX_LONG_TEXT, json_schema_extra=_PATTERN), AfterValidator(_text)]
# One line: an address, a contact; a name, a place, a subject.
Line = Annotated[str, Field(max_length=MAX_LINE, json_schema_extra=_PATTERN), AfterValidator(_text)]
Name = Annotated[str, Field(max_length=MAX_NAME, json_schema_extra=_PATTERN), AfterValidator(_text)]
# A code from a list the engine or a context keeps (a finding code such as R-041, a data category).
Code = Annotated[str, Field(min_length=1, max_length=20, pattern=CODE_PATTERN)]
Email = Annotated[str, Field(max_length=254, json_schema_extra={"format": "email"}), AfterValidator(_email)]
Id = Annotated[int, Field(ge=1, le=MAX_ID), WholeNumber]
Offset = Annotated[int, Field(ge=0, le=MAX_OFFSET), WholeNumber]
Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT), WholeNumber]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT), WholeNumber]
# A count the guideline evaluates (days, weeks): not more than it counts with.
GuidelineCount = Annotated[int, Field(ge=0, le=MAX_GUIDELINE_COUNT), WholeNumber]
Percentage = Annotated[int, Field(ge=0, le=100), WholeNumber]

E = TypeVar("E", bound=Enum)
# An enumeration, taken by its value: the one place strict input accepts a string for another type.
Choice = Annotated[E, Strict(False)]


class Input(Schema):
    """The base of every request body: JSON types are taken as the document states them — no "1" for
    1, no 1 for true, no number for a date."""

    model_config = ConfigDict(strict=True)


class Out(BaseModel):
    """An answer built from plain values (dicts, lists, instances of these classes), checked by pydantic
    directly. django-ninja's `Schema` first wraps every object in its `DjangoGetter`, which reads ORM
    objects and managers; an answer already made of plain values does not need it. A page of 50 cases
    was validated in 0.2 ms instead of 1.8 ms (ADR 0207); the API document is the same."""

    model_config = ConfigDict(from_attributes=True)
