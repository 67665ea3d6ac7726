"""What one person sees of a sickness record: the visible fields, labelled and formatted.

Pages and the API both start from `policies.visible_fields`; this module only turns the visible
fields into rows for the templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django import forms
from django.db import models
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkvrede.cases.models import CaseRole, ConflictType
from werkvrede.cases.policies import CaseAccess
from werkvrede.core.actor import Actor
from werkvrede.sickness import forms as sickness_forms
from werkvrede.sickness.models import AdviceContent
from werkvrede.sickness.policies import presented_fields

_EXTRA_LABELS: dict[str, str | Promise] = {
    "state": _("Stand"),
    "consult_on": _("Spreekuur gehouden op"),
    "consult_by_role": _("Spreekuur door"),
    "variant": _("STECR-variant"),
    "prolongs_incapacity": _("Het conflict verlengt de arbeidsongeschiktheid"),
    "author_role": _("Vastgelegd als"),
    "recipients": _("Verstuurd aan"),
    "sent_on": _("Verstuurd op"),
    "acknowledged": _("Gelezen waarschuwingen"),
    "justifications": _("Onderbouwingen"),
}
_FORMS: tuple[type[forms.Form], ...] = (
    sickness_forms.SickReportForm,
    sickness_forms.VerdictForm,
    sickness_forms.FindingForm,
    sickness_forms.DiagnosisForm,
    sickness_forms.CapacityForm,
    sickness_forms.AdviceForm,
)
_ROLE_LABELS = {c.value: c.label for c in CaseRole}


@dataclass(frozen=True)
class Row:
    name: str
    label: str | Promise
    value: str


def _label(form: type[forms.Form] | None, name: str) -> str | Promise:
    if name in _EXTRA_LABELS:
        return _EXTRA_LABELS[name]
    for candidate in ((form,) if form else ()) + _FORMS:
        field = candidate.base_fields.get(name)
        if field is not None and field.label:
            return field.label
    return name


def _display(obj: models.Model, name: str) -> str:
    value = getattr(obj, name)
    getter = getattr(obj, f"get_{name}_display", None)
    if name == "conflict_type":
        return str(ConflictType(value).label) if value in ConflictType.values else str(value)
    if name in ("consult_by_role", "author_role"):
        return str(_ROLE_LABELS.get(value, value))
    if name == "content":
        labels = dict(AdviceContent.choices)
        return ", ".join(str(labels.get(v, v)) for v in value)
    if name == "recipients":
        return ", ".join(str(_ROLE_LABELS.get(v, v)) for v in value)
    if name == "acknowledged":
        return ", ".join(value)
    if name == "justifications":
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if getter is not None:
        return str(getter())
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("Ja") if value else _("Nee"))
    if isinstance(value, datetime):
        return formats.date_format(value, "j F Y H:i")
    if isinstance(value, date):
        return formats.date_format(value, "j F Y")
    if isinstance(value, models.Model):
        return str(value)
    return str(value)


def rows(actor: Actor, access: CaseAccess, obj: models.Model | None, order: tuple[str, ...]) -> list[Row]:
    """The fields of `obj` in `order` that the actor may read, as label and text."""
    if obj is None:
        return []
    visible = presented_fields(actor, access, obj)
    return [Row(name, _label(None, name), _display(obj, name)) for name in order if name in visible]


def value_text(obj: Any, name: str) -> str:
    return _display(obj, name)
