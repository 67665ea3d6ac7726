"""One form rendering for every form: the NL Design System (Utrecht) form field with its label,
description, error (tied by `aria-describedby`) and a linked error summary (docs/guideline.md)."""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates


class FormRenderer(DjangoTemplates):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
