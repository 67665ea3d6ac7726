"""How other contexts plug into a case without the cases app importing them.

- `register_facts(name, provider)`: a provider turns a case into a fragment of the guideline's
  situation (e.g. `{"sick_report": {...}}`); `case_situation_data` merges them.
- `register_section(...)`: a tab on the case page (ux.md: Tijdlijn · Ziekmelding · Interventies …),
  shown only to people for whom its policy action is allowed on the case.

Contexts register in their AppConfig.ready().
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from werkvrede.cases.models import Case

FactProvider = Callable[[Case], dict[str, Any]]

_FACTS: dict[str, FactProvider] = {}


def register_facts(name: str, provider: FactProvider) -> None:
    if name in _FACTS:
        raise ValueError(f"fact provider {name!r} registered twice")
    _FACTS[name] = provider


def fact_providers() -> dict[str, FactProvider]:
    return dict(_FACTS)


@dataclass(frozen=True)
class CaseSection:
    key: str
    label: str | Promise
    url_name: str  # takes `case_id`
    action: str  # policy action checked with the CaseAccess
    order: int = 100


_SECTIONS: dict[str, CaseSection] = {}


def register_section(section: CaseSection) -> None:
    if section.key in _SECTIONS:
        raise ValueError(f"case section {section.key!r} registered twice")
    _SECTIONS[section.key] = section


def case_sections() -> list[CaseSection]:
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))


_TIMELINE_LABELS: dict[str, str | Promise] = {}


def register_timeline_kind(kind: str, label: str | Promise) -> None:
    """How an event kind reads on the timeline; `label` may use %(name)s for the person who acted."""
    if kind in _TIMELINE_LABELS:
        raise ValueError(f"timeline kind {kind!r} registered twice")
    _TIMELINE_LABELS[kind] = label


def timeline_label(kind: str) -> str | Promise | None:
    return _TIMELINE_LABELS.get(kind)
