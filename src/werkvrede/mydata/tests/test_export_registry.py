"""The personal-data registry's export column and the export's sections say the same (ADR 0166, 0198):
every model with a field the registry exports is the source of some section, and no section claims
a model whose fields the registry keeps from the person."""

from __future__ import annotations

from werkvrede.core.classification import registry
from werkvrede.core.exports import export_sections


def exported_models() -> set[str]:
    """The model labels with at least one field the registry puts in the person's export."""
    return {label for label, entries in registry().items() if any(e.export for e in entries.values())}


def claimed_models() -> dict[str, list[str]]:
    claimed: dict[str, list[str]] = {}
    for section in export_sections():
        for source in section.sources:
            claimed.setdefault(source, []).append(section.key)
    return claimed


def test_every_exported_model_is_the_source_of_a_section() -> None:
    missing = sorted(exported_models() - set(claimed_models()))
    assert not missing, f"registry says export=True, but no export section reads: {missing}"


def test_no_section_claims_a_model_the_registry_withholds_or_does_not_know() -> None:
    known = set(registry())
    claimed = claimed_models()
    unknown = sorted(label for label in claimed if label not in known)
    assert not unknown, f"sections claim models that are not in the registry: {unknown}"
    withheld = sorted(label for label in claimed if label not in exported_models())
    assert not withheld, f"sections claim models whose every field the registry withholds: {withheld}"


def test_every_section_declares_its_sources() -> None:
    assert [s.key for s in export_sections() if not s.sources] == []
