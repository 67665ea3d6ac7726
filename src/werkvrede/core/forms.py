"""What every form refuses, once for all of them (ADR 0060): dates outside 1900-2199 and control
characters in text, by the rules the JSON API follows (`werkvrede.core.types`).

Every form of Werkvrede derives from :class:`Form` or :class:`ModelForm` (or uses
:class:`InputRulesMixin`); `core/tests/test_forms.py` checks that none is left out. A refused value
stays in the field, so what was typed is not lost.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from werkvrede.core.types import MAX_DATE, MIN_DATE, forbidden_character, in_date_range

# Over-limit text is refused with the limit named, never cut (docs/guideline.md: nothing typed is lost).
TOO_LONG = _(
    "Deze tekst is %(show_value)d tekens lang; er passen er hoogstens %(limit_value)d. "
    "Maak hem korter: er is niets weggehaald."
)

_WIDGET_CLASSES: tuple[tuple[type[forms.Widget], str], ...] = (
    # Radio buttons and check boxes stay native (the Utrecht ones need design tokens this theme
    # does not set); werkvrede.css sizes them.
    (forms.RadioSelect, ""),
    (forms.CheckboxInput, ""),
    (forms.Textarea, "utrecht-textarea"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.FileInput, "utrecht-file-input"),
    (forms.widgets.Input, "utrecht-textbox utrecht-textbox--html-input"),
)


def _style_widget(widget: forms.Widget) -> None:
    """One look for every control: the NL Design System (Utrecht) classes, added once."""
    if widget.is_hidden:
        return
    for kind, css in _WIDGET_CLASSES:
        if isinstance(widget, kind):
            if not css:
                return
            present = widget.attrs.get("class", "")
            if css.split()[0] not in present.split():
                widget.attrs["class"] = f"{present} {css}".strip()
            return


def _no_silent_cut(field: forms.CharField) -> None:
    """The browser's `maxlength` stops typing and cuts pasted text without a word; the limit is
    shown by a counter instead (`data-maxlength`) and the server refuses with TOO_LONG."""
    limit = field.widget.attrs.pop("maxlength", None) or field.max_length
    if limit:
        field.widget.attrs["data-maxlength"] = str(limit)
    for validator in field.validators:
        if isinstance(validator, MaxLengthValidator):
            validator.message = TOO_LONG


def validate_date_in_range(value: date | datetime) -> None:
    day = value.date() if isinstance(value, datetime) else value
    if not in_date_range(day):
        raise ValidationError(
            _("Kies een datum tussen 1 januari 1900 en 31 december 2199."), code="date_range"
        )


def validate_no_control_characters(value: str) -> None:
    char = forbidden_character(value)
    if char is not None:
        raise ValidationError(
            _("Deze tekst bevat een stuurteken (U+%(code)s) dat hier niet mag staan; haal het weg."),
            code="control_character",
            params={"code": f"{ord(char):04X}"},
        )


_DATE_BOUNDS = (MIN_DATE.isoformat(), MAX_DATE.isoformat())
_DATETIME_BOUNDS = (f"{MIN_DATE.isoformat()}T00:00", f"{MAX_DATE.isoformat()}T23:59")


class InputRulesMixin:
    """Adds the shared rules to every date, date-time and text field of the form."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._apply_input_rules()

    def full_clean(self) -> None:
        self._apply_input_rules()  # fields added after __init__ too
        super().full_clean()  # type: ignore[misc]

    def _apply_input_rules(self) -> None:
        for field in self.fields.values():
            _style_widget(field.widget)
            if isinstance(field, forms.DateField | forms.DateTimeField):
                rule: Any = validate_date_in_range
                low, high = _DATETIME_BOUNDS if isinstance(field, forms.DateTimeField) else _DATE_BOUNDS
                # The browser's date picker offers only the range (a hint; the server decides).
                field.widget.attrs.setdefault("min", low)
                field.widget.attrs.setdefault("max", high)
            elif isinstance(field, forms.CharField):
                rule = validate_no_control_characters
                _no_silent_cut(field)
                # One message for NUL too, instead of Django's and this one.
                field.validators = [
                    v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
                ]
            else:
                continue
            if rule not in field.validators:
                field.validators.append(rule)


class Form(InputRulesMixin, forms.Form):
    #: True when no instance changes the declared fields per request or per organisation: the empty
    #: form's fields are then rendered once per language and kept (core/renderers.py, ADR 0206).
    static_fields = False


class ModelForm(InputRulesMixin, forms.ModelForm):  # type: ignore[type-arg]
    pass


class VersionField(forms.IntegerField):
    """The hidden version an edit form started from (ADR 0146); the service refuses a stale one."""

    def __init__(self, **kwargs: Any) -> None:
        from werkvrede.core.versioning import MAX_VERSION

        kwargs.setdefault("widget", forms.HiddenInput())
        super().__init__(min_value=0, max_value=MAX_VERSION, **kwargs)
