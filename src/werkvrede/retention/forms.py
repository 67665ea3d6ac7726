"""The legal hold on a person uses the same fields as a case's hold (R-140, ADR 0101)."""

from __future__ import annotations

from werkvrede.cases.forms import LegalHoldForm, LegalHoldLiftForm

__all__ = ["PersonHoldForm", "PersonHoldLiftForm"]


class PersonHoldForm(LegalHoldForm):
    """Keep everything about the person past its retention terms, only with a stated reason."""


class PersonHoldLiftForm(LegalHoldLiftForm):
    pass
