"""Every stored field is classified: a data category (docs/rules.md), or one of a few technical classes.

`tests/security/test_field_classification.py` fails when a model field has no class, so a new field
stays a failing build until someone says what it holds — and therefore who may read it.
"""

from __future__ import annotations

from enum import StrEnum


class FieldClass(StrEnum):
    # Technical: ids, keys, timestamps, hashes, flags without personal meaning.
    SYSTEM = "SYSTEM"
    # A person's log-in identity (name, e-mail, password hash): readable by themselves and, within
    # their organisation, by ADM/HR/CM (accounts.people.view).
    ACCOUNT = "ACCOUNT"
    # Organisation (tenant) metadata: name, slug.
    TENANT = "TENANT"
    # Roles of a person in an organisation.
    ROLE = "ROLE"
    # The data categories D01…D21 (docs/rules.md).
    D01 = "D01"
    D02 = "D02"
    D03 = "D03"
    D04 = "D04"
    D05 = "D05"
    D06 = "D06"
    D07 = "D07"
    D08 = "D08"
    D09 = "D09"
    D10 = "D10"
    D11 = "D11"
    D12 = "D12"
    D13 = "D13"
    D14 = "D14"
    D15 = "D15"
    D16 = "D16"
    D17 = "D17"
    D18 = "D18"
    D19 = "D19"
    D20 = "D20"
    D21 = "D21"
    # Sealed content: ciphertext whose category is stored beside it (vault.SealedContent.compartment).
    SEALED = "SEALED"
    # Per-row category: the field holds data of the category stored in its own row (for a document's
    # signature: its document's row), e.g. documents.Document.category — D08, D12, D13, D14 or D19.
    ROW_CATEGORY = "ROW_CATEGORY"


_REGISTRY: dict[str, dict[str, FieldClass]] = {}


def classify(model_label: str, fields: dict[str, FieldClass]) -> None:
    """Declare the class of every field of one model (`app_label.modelname`, lower case)."""
    if model_label in _REGISTRY:
        raise ValueError(f"fields of {model_label} are already classified")
    _REGISTRY[model_label] = dict(fields)


def classification() -> dict[str, dict[str, FieldClass]]:
    return {label: dict(fields) for label, fields in _REGISTRY.items()}
