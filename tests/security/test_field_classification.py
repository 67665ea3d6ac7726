"""Every stored field of every Werkvrede model is in the personal-data registry (Refs issue #2, #17 J2;
architecture.md S1.5; ADR 0166): a data category, whom it is about, its retention rule and its export."""

from __future__ import annotations

from collections.abc import Mapping

from django.apps import apps

from werkvrede.core.classification import (
    MARKERS,
    Entry,
    FieldClass,
    Retention,
    classification,
    path_target,
    registry,
)


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


def undecided_fields(entries: Mapping[str, Mapping[str, Entry]]) -> list[str]:
    """`app.model.field (what)` for every field whose subject, retention or export is not stated."""
    problems = []
    for label, fields in entries.items():
        for name, entry in fields.items():
            missing = [
                what
                for what, value in (
                    ("subject", entry.subject),
                    ("retention", entry.retention),
                    ("export", entry.export),
                )
                if value is None or value == ()
            ]
            if entry.export is False and not entry.withheld:
                missing.append("why not exported")
            problems += [f"{label}.{name} (no {what})" for what in missing]
    return sorted(problems)


def unresolvable_subjects(entries: Mapping[str, Mapping[str, Entry]]) -> list[str]:
    """Subjects that are neither a marker nor a path to a person, a person's id or a registered model."""
    problems = []
    for label, fields in entries.items():
        for subject in {s for entry in fields.values() for s in entry.subject or ()}:
            if subject in MARKERS:
                continue
            try:
                target = path_target(label, subject)
            except LookupError:
                problems.append(f"{label}: {subject} (no such path)")
                continue
            if target is not None and target != "accounts.user" and target not in entries:
                problems.append(f"{label}: {subject} (ends at {target}, which is not in the registry)")
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


def test_a_model_missing_from_the_registry_is_caught() -> None:
    models = werkvrede_models()
    models["sickness.bloodtest"] = ["id", "result"]
    assert unclassified_fields(models, classification()) == [
        "sickness.bloodtest.id",
        "sickness.bloodtest.result",
    ]


def test_every_field_says_whom_it_is_about_how_long_it_stays_and_whether_it_is_exported() -> None:
    entries = registry()
    assert set(entries) == set(werkvrede_models())
    assert undecided_fields(entries) == []
    assert unresolvable_subjects(entries) == []
    assert {e.retention for fields in entries.values() for e in fields.values()} <= set(Retention)


def test_a_field_without_a_subject_retention_or_export_decision_is_caught() -> None:
    entries = registry()
    entries["sickness.medicalnote"] = {
        **entries["sickness.medicalnote"],
        "diagnosis": Entry(category=FieldClass.D01, subject=None, retention=None, export=None),
        "dosage": Entry(FieldClass.D01, ("sick_report__employee",), Retention.R144, export=False),
    }
    entries["sickness.sickreport"] = {
        **entries["sickness.sickreport"],
        "employer": Entry(FieldClass.D02, ("employer__user",), Retention.R140, export=True),
    }
    assert undecided_fields(entries) == [
        "sickness.medicalnote.diagnosis (no export)",
        "sickness.medicalnote.diagnosis (no retention)",
        "sickness.medicalnote.diagnosis (no subject)",
        "sickness.medicalnote.dosage (no why not exported)",
    ]
    assert unresolvable_subjects(entries) == ["sickness.sickreport: employer__user (no such path)"]
