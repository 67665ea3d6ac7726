"""One form rendering for every form: the NL Design System (Utrecht) form field with its label,
description, error (tied by `aria-describedby`) and a linked error summary (docs/guideline.md).

An empty form whose class says its fields never differ per request (`static_fields = True`) has each
field rendered once per language and kept: Django's template rendering of one field costs about a
millisecond, and the case page shows seven on every view (ADR 0206). A bound form, a form with
initial values and any field whose label, help, choices, initial or widget attributes differ are
rendered afresh, so what was typed and its errors are always shown (docs/guideline.md).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import SafeString
from django.utils.translation import get_language

# (form class, field name, language, what the field shows) -> its HTML. Bounded: one entry per field
# of the opted-in forms per language (and per variant of a field an instance changed).
_EMPTY_FIELDS: dict[tuple[Any, ...], SafeString] = {}


class BoundField(forms.BoundField):
    @property
    def id_for_label(self) -> str:
        # A group of radio buttons or check boxes has no single control; the error summary links
        # to its first option so "go to the field" lands on it.
        found: str = super().id_for_label
        if not found and self.auto_id and self.use_fieldset and not self.is_hidden:
            return f"{self.auto_id}_0"
        return found

    def as_field_group(self) -> SafeString:
        key = self._empty_key()
        if key is None:
            return super().as_field_group()
        html = _EMPTY_FIELDS.get(key)
        if html is None:
            html = _EMPTY_FIELDS[key] = super().as_field_group()
        return html

    def _empty_key(self) -> tuple[Any, ...] | None:
        """The key of this field's kept rendering, or None when it must be rendered afresh."""
        form, field = self.form, self.field
        if (
            not getattr(form, "static_fields", False)
            or form.is_bound
            or form.initial
            or form.prefix
            or form.empty_permitted
            or form.auto_id != "id_%s"
            or isinstance(field, forms.ModelChoiceField | forms.FileField)
            or callable(field.initial)
        ):
            return None
        # What an instance could have changed after the class was declared, as plain values.
        choices = _plain(getattr(field, "choices", ()))
        attrs = tuple(sorted((k, str(v)) for k, v in field.widget.attrs.items()))
        shown = (
            type(field), str(field.label), str(field.help_text), field.required, field.disabled,
            field.initial, choices, type(field.widget), attrs, form.label_suffix,
            form.use_required_attribute, type(form.renderer),
        )  # fmt: skip
        key = (type(form), self.name, get_language() or "", shown)
        try:
            hash(key)
        except TypeError:  # an initial value such as a list: rendered afresh rather than kept
            return None
        return key


def _plain(choices: Any) -> tuple[Any, ...]:
    """Choices as strings, a group's options too: the key compares what is shown, not objects."""
    return tuple(
        (str(value), _plain(label) if isinstance(label, list | tuple) else str(label))
        for value, label in choices
    )


class FormRenderer(DjangoTemplates):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = BoundField
