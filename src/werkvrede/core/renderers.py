"""One form rendering for every form: the NL Design System (Utrecht) form field with its label,
description, error (tied by `aria-describedby`) and a linked error summary (docs/guideline.md)."""

from __future__ import annotations

from django import forms
from django.forms.renderers import DjangoTemplates


class BoundField(forms.BoundField):
    @property
    def id_for_label(self) -> str:
        # A group of radio buttons or check boxes has no single control; the error summary links
        # to its first option so "go to the field" lands on it.
        found: str = super().id_for_label
        if not found and self.auto_id and self.use_fieldset and not self.is_hidden:
            return f"{self.auto_id}_0"
        return found


class FormRenderer(DjangoTemplates):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = BoundField
