"""The fields of an empty form whose class declares `static_fields` are rendered once per language and
kept (core/renderers.py, ADR 0206); anything typed, any error and any field an instance changed is
always rendered afresh (docs/guideline.md: nothing typed is lost)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django import forms
from django.test.signals import template_rendered
from django.utils import translation

from werkvrede.cases.forms import LegalHoldForm, MelderChoiceForm, NoteForm
from werkvrede.core import renderers
from werkvrede.core.forms import Form
from werkvrede.core.tests.test_forms import _form_classes


@pytest.fixture(autouse=True)
def _nothing_kept() -> Iterator[None]:
    renderers._EMPTY_FIELDS.clear()
    yield
    renderers._EMPTY_FIELDS.clear()


class _Renders:
    """How many templates were rendered while it listened (the test runner's instrumented rendering)."""

    def __init__(self) -> None:
        self.count = 0

    def __enter__(self) -> _Renders:
        template_rendered.connect(self._seen)
        return self

    def __exit__(self, *exc: object) -> None:
        template_rendered.disconnect(self._seen)

    def _seen(self, **kwargs: Any) -> None:
        self.count += 1


def _fresh(bound: forms.BoundField) -> str:
    return str(forms.BoundField.as_field_group(bound))


def test_an_empty_static_form_is_rendered_once_per_language() -> None:
    with translation.override("nl"):
        with _Renders() as first:
            dutch = NoteForm()["text"].as_field_group()
        with _Renders() as second:
            again = NoteForm()["text"].as_field_group()
    assert first.count > 0
    assert second.count == 0, "the kept rendering is used"
    assert again == dutch
    assert "Jouw verslag" in dutch
    with translation.override("en"), _Renders() as english_renders:
        english = NoteForm()["text"].as_field_group()
    assert english_renders.count > 0, "another language is rendered, not taken from Dutch"
    assert "Your account" in english
    assert "Jouw verslag" not in english


def _empty(cls: type[forms.BaseForm]) -> forms.BaseForm:
    try:
        return cls()
    except TypeError:
        return cls(organisation_id=None)  # type: ignore[call-arg]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_kept_rendering_equals_a_fresh_one(language: str) -> None:
    static = [cls for cls in _form_classes() if getattr(cls, "static_fields", False)]
    assert static, "the case page's forms declare static_fields"
    with translation.override(language):
        for cls in static:
            for bound in _empty(cls):
                kept = str(bound.as_field_group())
                assert str(bound.as_field_group()) == kept
                assert kept == _fresh(bound), f"{cls.__name__}.{bound.name}"


def test_a_static_form_declares_no_field_whose_rendering_varies() -> None:
    for cls in _form_classes():
        if not getattr(cls, "static_fields", False):
            continue
        for name, field in cls.base_fields.items():  # type: ignore[attr-defined]
            assert not isinstance(field, forms.ModelChoiceField), f"{cls.__name__}.{name} reads the database"
            assert not callable(field.initial), f"{cls.__name__}.{name} has an initial that changes"


def test_what_was_typed_and_its_error_are_shown_after_the_empty_form_was_kept() -> None:
    with translation.override("nl"):
        NoteForm()["text"].as_field_group()
        NoteForm()["visibility"].as_field_group()
        bound = NoteForm({"text": "Wat ik typte", "visibility": "niet-bestaand"})
        assert not bound.is_valid()
        with _Renders() as renders:
            text = str(bound["text"].as_field_group())
            visibility = str(bound["visibility"].as_field_group())
    assert renders.count > 0
    assert "Wat ik typte" in text
    assert "utrecht-form-field--invalid" in visibility
    assert visibility == _fresh(bound["visibility"])


def test_a_form_with_initial_values_is_rendered_afresh() -> None:
    with translation.override("nl"):
        NoteForm()["text"].as_field_group()
        started = NoteForm(initial={"text": "Al begonnen"})
        assert "Al begonnen" in str(started["text"].as_field_group())
        assert "Al begonnen" not in str(NoteForm()["text"].as_field_group())


def test_a_field_an_instance_changed_gets_its_own_rendering() -> None:
    with translation.override("nl"):
        plain = str(LegalHoldForm()["category"].as_field_group())
        changed = LegalHoldForm()
        changed.fields["category"].choices = [("OTHER", "Iets heel anders")]  # type: ignore[attr-defined]
        other = str(changed["category"].as_field_group())
        assert "Iets heel anders" in other
        assert "Iets heel anders" not in plain
        assert str(LegalHoldForm()["category"].as_field_group()) == plain


class _ListInitial(Form):
    static_fields = True
    days = forms.MultipleChoiceField(
        label="Dagen", choices=[("ma", "maandag"), ("di", "dinsdag")], initial=["di"],
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip


def test_a_field_whose_initial_value_cannot_be_a_key_is_rendered_afresh() -> None:
    with translation.override("nl"):
        html = str(_ListInitial()["days"].as_field_group())
        with _Renders() as renders:
            again = str(_ListInitial()["days"].as_field_group())
    assert renders.count > 0
    assert again == html
    assert 'value="di" id="id_days_1" checked' in html
    assert 'value="ma" id="id_days_0" checked' not in html
    assert not renderers._EMPTY_FIELDS


class _Grouped(Form):
    static_fields = True
    place = forms.ChoiceField(
        label="Plaats", choices=[("Noord", [("gr", "Groningen"), ("fr", "Friesland")]), ("ut", "Utrecht")]
    )


def test_grouped_choices_are_kept_once_and_shown_as_declared() -> None:
    with translation.override("nl"):
        first = str(_Grouped()["place"].as_field_group())
        with _Renders() as renders:
            again = str(_Grouped()["place"].as_field_group())
    assert renders.count == 0
    assert again == first
    assert '<optgroup label="Noord">' in first
    assert len(renderers._EMPTY_FIELDS) == 1


def test_a_form_that_does_not_declare_static_fields_is_always_rendered() -> None:
    with translation.override("nl"):
        name = next(iter(MelderChoiceForm.base_fields))
        MelderChoiceForm()[name].as_field_group()
        with _Renders() as renders:
            MelderChoiceForm()[name].as_field_group()
    assert renders.count > 0
    assert not renderers._EMPTY_FIELDS
