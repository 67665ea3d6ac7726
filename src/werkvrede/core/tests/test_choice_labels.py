"""ADR 0201: every choice field of Werkvrede's models shows the same label as Django's own display, in
Dutch and in English, and translates only that label."""

from __future__ import annotations

from functools import partialmethod
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation
from django.utils.functional import lazy

from werkvrede.cases.models import Case
from werkvrede.core import choicelabels


def _choice_fields() -> list[tuple[type[models.Model], models.Field[Any, Any]]]:
    return [
        (model, field)
        for model in apps.get_models()
        if model.__module__.startswith("werkvrede.")
        for field in model._meta.concrete_fields
        if field.choices and f"get_{field.name}_display" in model.__dict__
    ]


def test_every_choice_field_of_werkvrede_has_the_one_label_display() -> None:
    fields = _choice_fields()
    assert len(fields) > 50  # the case state, roles, visibilities, categories, ...
    for model, field in fields:
        display = model.__dict__[f"get_{field.name}_display"]
        assert isinstance(display, partialmethod), (model, field.name)
        assert display.func is choicelabels._get_field_display, (model, field.name)


def test_the_label_is_djangos_for_every_choice_and_for_a_value_outside_them() -> None:
    checked = 0
    for model, field in _choice_fields():
        for value in [*(v for v, _ in field.flatchoices), "NOT-A-CHOICE", ""]:
            instance = model()
            setattr(instance, field.attname, value)
            for language in ("nl", "en"):
                with translation.override(language):
                    ours = getattr(instance, f"get_{field.name}_display")()
                    djangos = choicelabels.DJANGOS_DISPLAY(instance, field)
                assert ours == djangos, (model, field.name, value, language)
                checked += 1
    assert checked > 500


def test_only_the_shown_label_is_translated() -> None:
    translated: list[str] = []

    def label(text: str) -> str:
        translated.append(text)
        return text

    lazy_label = lazy(label, str)
    field = models.CharField(max_length=5, choices=[(f"V{i}", lazy_label(f"label {i}")) for i in range(12)])
    field.set_attributes_from_name("kind")

    class Holder:
        kind = "V7"

    assert choicelabels._get_field_display(Holder(), field) == "label 7"  # type: ignore[arg-type]
    assert translated == ["label 7"]
    translated.clear()
    # Django's own translates every label of the field for the one it shows.
    assert choicelabels.DJANGOS_DISPLAY(Holder(), field) == "label 7"
    assert len(translated) >= 12


def test_a_model_with_its_own_display_keeps_it_and_djangos_is_replaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert choicelabels.install() == 0  # installed once at start-up; nothing left to replace

    def own(self: Case) -> str:
        return "own"

    monkeypatch.setattr(Case, "get_state_display", own)
    assert choicelabels.install() == 0
    assert Case.__dict__["get_state_display"] is own
    state = Case._meta.get_field("state")
    monkeypatch.setattr(Case, "get_state_display", partialmethod(choicelabels.DJANGOS_DISPLAY, field=state))
    assert choicelabels.install() == 1
    installed = Case.__dict__["get_state_display"]
    assert isinstance(installed, partialmethod) and installed.func is choicelabels._get_field_display
