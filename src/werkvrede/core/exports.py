""" "Mijn gegevens": what each context holds about a person, gathered by `mydata` (ADR 0170).

Each context registers a section provider in its AppConfig.ready(); the knowledge of which rows are
about the person and what the law gives them (docs/rules.md §2.3, fn 31) stays in that context. A
provider starts from the actor — the person themselves, in one organisation — and reads only what
the policy layer lets that person read; sealed content passes the vault, which audits the read.
Providers are called inside the person's language (`translation.override`), so labels are words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from django.utils.functional import Promise

from werkvrede.core.actor import Actor

Value = str | int | bool | None


@dataclass(frozen=True)
class ExportField:
    key: str  # stable, machine-readable
    label: str  # in the person's language
    value: Value


@dataclass(frozen=True)
class ExportRecord:
    kind: str  # stable key, e.g. "cases.note"
    title: str  # in words
    fields: list[ExportField] = field(default_factory=list)
    date: str | None = None  # ISO date or date-time
    # The registry's model label the record is taken from (e.g. "cases.timelineevent"): ties the export
    # to the personal-data registry's export column (ADR 0166, 0198).
    source: str = field(kw_only=True)

    @staticmethod
    def when(value: dt.date | dt.datetime | None) -> str | None:
        return value.isoformat() if value is not None else None


# provider(actor) -> records about actor.user_id. Scope "organisation": called once per organisation
# the person acts in (the actor carries it); "person": called once, with the person's first actor.
ExportProvider = Callable[[Actor], list[ExportRecord]]


@dataclass(frozen=True)
class ExportSection:
    key: str
    title: str | Promise
    provider: ExportProvider
    order: int = 100
    scope: Literal["organisation", "person"] = "organisation"
    # What the law keeps from the person in this context, in words (shown in the export).
    left_out: tuple[str | Promise, ...] = ()
    # Every model label (`app.model`) whose rows this section's records are taken from: the registry's
    # models with an exported field are exactly the union of these (mydata/tests, ADR 0198).
    sources: tuple[str, ...] = ()


_SECTIONS: dict[str, ExportSection] = {}


def register_export_section(section: ExportSection) -> None:
    if section.key in _SECTIONS:
        raise ValueError(f"export section {section.key!r} registered twice")
    _SECTIONS[section.key] = section


def export_sections() -> list[ExportSection]:
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))


def fields(*triples: tuple[str, str | Promise, Value]) -> list[ExportField]:
    """`fields(("state", _("Status"), "Open"), …)`: the labels evaluated in the active language."""
    return [ExportField(key, str(label), value) for key, label, value in triples]
