"""Every stored field of every Werkvrede model is classified (Refs issue #2; architecture.md S1.5)."""

from __future__ import annotations

from collections.abc import Mapping

from django.apps import apps

from werkvrede.core.classification import classification


def unclassified_fields(
    models: Mapping[str, list[str]], declared: Mapping[str, Mapping[str, object]]
) -> list[str]:
    """`app.model.field` for every field without a class, and for every class of a field that is gone."""
    problems = [
        f"{label}.{name}"
        for label, names in models.items()
        for name in names
        if name not in declared.get(label, {})
    ]
    problems += [
        f"{label}.{name} (no such field)"
        for label, fields in declared.items()
        for name in fields
        if name not in models.get(label, [])
    ]
    return sorted(problems)


def werkvrede_models() -> dict[str, list[str]]:
    return {
        model._meta.label_lower: [f.name for f in model._meta.get_fields() if f.concrete or f.many_to_many]
        for model in apps.get_models()
        # django-otp's devices hold log-in secrets of our people (ADR 0072): classified like our own.
        if model.__module__.startswith(("werkvrede.", "django_otp."))
    }


def test_every_field_of_every_model_is_classified() -> None:
    models = werkvrede_models()
    assert {"accounts.user", "audit.auditevent", "vault.sealedcontent"} <= set(models)
    assert unclassified_fields(models, classification()) == []


def test_a_new_unclassified_field_is_caught() -> None:
    models = werkvrede_models()
    models["accounts.user"] = [*models["accounts.user"], "diagnosis"]
    assert unclassified_fields(models, classification()) == ["accounts.user.diagnosis"]
