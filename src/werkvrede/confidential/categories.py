"""The organisation's report categories (R-106): configurable, the guideline's list by default."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from werkvrede.confidential.models import ReportCategory

#: The default list (VPCategory in docs/rules.md), with Dutch and English labels.
DEFAULTS: tuple[tuple[str, str, str], ...] = (
    ("SEXUAL_HARASSMENT", "Seksuele intimidatie", "Sexual harassment"),
    ("BULLYING", "Pesten", "Bullying"),
    ("AGGRESSION_VIOLENCE", "Agressie en geweld", "Aggression and violence"),
    ("DISCRIMINATION", "Discriminatie", "Discrimination"),
    ("OTHER_INTIMIDATION", "Andere intimidatie", "Other intimidation"),
    ("ABUSE_OF_POWER", "Machtsmisbruik", "Abuse of power"),
    ("INTEGRITY", "Integriteit", "Integrity"),
    (
        "OTHER",
        "Anders (ook een werkconflict zonder ongewenst gedrag)",
        "Other (also a work conflict without undesirable behaviour)",
    ),
)

UNKNOWN = _("Onbekende categorie")


def categories_of(organisation_id: int, *, active_only: bool = True) -> list[ReportCategory]:
    """The organisation's categories; the defaults are stored the first time they are asked for."""
    rows = list(ReportCategory.objects.filter(organisation_id=organisation_id))
    if not rows:
        ReportCategory.objects.bulk_create(
            [
                ReportCategory(organisation_id=organisation_id, code=code, label=nl, label_en=en, position=i)
                for i, (code, nl, en) in enumerate(DEFAULTS)
            ],
            ignore_conflicts=True,
        )
        rows = list(ReportCategory.objects.filter(organisation_id=organisation_id))
    rows.sort(key=lambda c: (c.position, c.pk))
    return [c for c in rows if c.active or not active_only]


def category_codes(organisation_id: int) -> set[str]:
    return {c.code for c in categories_of(organisation_id)}


def label(category: ReportCategory) -> str:
    if (get_language() or "nl").startswith("en") and category.label_en:
        return category.label_en
    return category.label


def choices(organisation_id: int) -> list[tuple[str, str]]:
    return [(c.code, label(c)) for c in categories_of(organisation_id)]


def labels(organisation_id: int) -> dict[str, str]:
    """Every category's label by its code, retired ones too (older reports keep theirs): one read, for
    a page that names many reports' categories."""
    return {c.code: label(c) for c in categories_of(organisation_id, active_only=False)}


def label_in(names: dict[str, str], code: str) -> str:
    """The label of `code` in `labels(...)`; a code no longer known says so."""
    return names.get(code) or (str(UNKNOWN) if code else "")


def label_of(organisation_id: int, code: str) -> str:
    return label_in(labels(organisation_id), code)
