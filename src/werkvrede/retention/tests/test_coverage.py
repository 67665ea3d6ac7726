"""Every model the personal-data registry gives a purgeable retention rule is deleted or emptied by a
run of `purge_expired` (docs/adr/0175-retention-that-runs.md, docs/personal-data.md)."""

from __future__ import annotations

from werkvrede.core.classification import registry
from werkvrede.retention.terms import covered_models

# The rules `purge_expired` runs.: no model holds such a file; R-149: the audit log keeps
# its metadata (ADR 0175 decision 7); ACCOUNT, TECHNICAL, AGGREGATE follow their parent or stay.
PURGEABLE = {"R-140", "R-141", "R-144", "R-145", "R-146", "R-147", "R-148", "CONTACT", "OUTBOX"}

# Rows a purgeable rule names that the run leaves, and why.
LEFT = {
    # Signed documents and their signatures follow their owner row: removed with it (destroy.py
    # finds them by owner_kind), kept with a mediation while a case points to it (the outcome).
    "documents.document": "removed with the row that owns it",
    "documents.signature": "removed with its document",
    # Sealed content is destroyed with the row that points to it (destroy.py).
    "vault.sealedcontent": "destroyed with the row that points to it",
}


def test_every_model_with_a_purgeable_rule_is_deleted_or_emptied_by_a_term() -> None:
    covered = covered_models()
    purgeable = {
        label: sorted({str(e.retention) for e in fields.values() if str(e.retention) in PURGEABLE})
        for label, fields in registry().items()
    }
    missing = {
        label: rules for label, rules in purgeable.items() if rules and label not in covered | LEFT.keys()
    }
    assert missing == {}
