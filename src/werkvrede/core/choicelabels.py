"""`get_FOO_display()` that translates the one label it shows, not every choice of the field.

Django's own `Model._get_FIELD_display` rebuilds a dict of the field's choices on every call and, to
make the keys hashable, hashes every lazy label, and hashing a lazy label translates it. A case list of
50 rows translated every case state 50 times (docs/adr/0201-choice-labels-translated-once.md). Here the
value-to-label map is built once per field and the chosen label is translated when it is shown, so the
result is the same string in the active language.

`install()` runs once, from the core app's `ready()`, over Werkvrede's own models. A model that
defines its own `get_FOO_display` keeps it; a field whose choices are a callable is left to Django.
"""

from __future__ import annotations

from functools import cache, partialmethod
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.choices import CallableChoiceIterator
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

# Django's own display (private, so looked up once here); what `install` replaces.
DJANGOS_DISPLAY = models.Model._get_FIELD_display  # type: ignore[attr-defined]


@cache
def _labels(field: models.Field[Any, Any]) -> dict[Any, Any]:
    # The labels stay lazy here: nothing is translated until one is shown.
    return {make_hashable(value): label for value, label in field.flatchoices}


def _get_field_display(self: models.Model, field: models.Field[Any, Any]) -> Any:
    value = getattr(self, field.attname)
    return force_str(_labels(field).get(make_hashable(value), value), strings_only=True)


def _is_djangos(attribute: object) -> bool:
    return isinstance(attribute, partialmethod) and attribute.func is DJANGOS_DISPLAY


def install(prefix: str = "werkvrede.") -> int:
    """Give every choice field of the models under `prefix` the one-label display; returns how many."""
    count = 0
    for model in apps.get_models():
        if not model.__module__.startswith(prefix):
            continue
        for field in model._meta.concrete_fields:
            name = f"get_{field.name}_display"
            if not field.choices or isinstance(field.choices, CallableChoiceIterator):
                continue
            if _is_djangos(model.__dict__.get(name)):
                setattr(model, name, partialmethod(_get_field_display, field=field))
                count += 1
    return count
