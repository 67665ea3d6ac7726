"""One way to refuse a lost update (ADR 0146): every record people edit in place carries a `version`.

An edit names the version it started from; `save_versioned` writes it with one conditional
`UPDATE … WHERE id = … AND version = …` that also counts the version up, so of two saves from the same
version exactly one lands, whatever the isolation level. The other is refused with `StaleVersion`
(409 `stale_version` in the API), which carries the values now stored; nothing of either is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Any

from django.db import models
from django.db.models import F
from pydantic import Field

from werkvrede.core.refusals import StaleVersion
from werkvrede.core.types import WholeNumber

# The column's range (a PositiveIntegerField).
MAX_VERSION = 2**31 - 1
# The version an edit starts from, in every edit request schema (0: there is nothing stored yet).
Version = Annotated[
    int, Field(ge=0, le=MAX_VERSION, description="The version the edit starts from"), WholeNumber
]


class Versioned(models.Model):
    """An aggregate people edit in place: its version, counted up by every save (ADR 0146)."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def _plain(value: Any) -> Any:
    """A stored value as the API and a page show it (a related object by its id)."""
    if isinstance(value, models.Model):
        return value.pk
    return value


def stale(obj: models.Model, fields: Iterable[str], extra: Mapping[str, Any] | None = None) -> StaleVersion:
    """The refusal of a save from an old version of `obj`, with its values as stored now."""
    stored = type(obj)._default_manager.get(pk=obj.pk)
    current = {name: _plain(getattr(stored, name)) for name in fields}
    current.update(extra or {})
    return StaleVersion(version=stored.version, current=current)  # type: ignore[attr-defined]


def check_version(obj: models.Model, expected_version: int, fields: Iterable[str]) -> None:
    """Refuse early (before validating what was typed) when `obj` is no longer the version edited."""
    if obj.version != expected_version:  # type: ignore[attr-defined]
        raise stale(obj, fields)


def save_versioned(obj: models.Model, *, expected_version: int, fields: Iterable[str]) -> None:
    """Write `fields` of `obj` and count its version up, only if it is still `expected_version`.

    Call it inside the service's transaction: when it refuses, the rest of the step is rolled back too.
    """
    names = list(fields)
    columns = [obj._meta.get_field(name) for name in names]
    values = {f.attname: getattr(obj, f.attname) for f in columns if isinstance(f, models.Field)}
    updated = (
        type(obj)
        ._default_manager.filter(pk=obj.pk, version=expected_version)
        .update(version=F("version") + 1, **values)
    )
    if updated != 1:
        raise stale(obj, names)
    obj.version = expected_version + 1  # type: ignore[attr-defined]


def bump_version(obj: models.Model) -> None:
    """Count the version of `obj` up for a change made through its parts (e.g. a member's role grants),
    so that an edit started before it is refused as stale."""
    type(obj)._default_manager.filter(pk=obj.pk).update(version=F("version") + 1)
    obj.version = type(obj)._default_manager.values_list("version", flat=True).get(pk=obj.pk)  # type: ignore[attr-defined]
