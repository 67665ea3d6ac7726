"""Deleting records for good: rows, the sealed content they point to, the stored files of their
documents and cache entries (R-140…R-148; docs/adr/0175-retention-that-runs.md).

Shared by `manage.py purge_expired` and erasure, so both destroy alike. Call inside a transaction;
the stored files are removed after it commits (a rolled-back deletion leaves the files in place).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.core.cache import cache
from django.core.files.storage import storages
from django.db import models, transaction
from django.db.models.deletion import Collector

from werkvrede.core.classification import FieldClass, classification
from werkvrede.documents.models import Document, Signature
from werkvrede.vault.models import SealedContent

__all__ = [
    "OTHER",
    "clear_caches",
    "destroy_records",
    "destroy_sealed",
    "documents_of",
    "register_cache_keys",
    "remove_stored_files",
]

#: The count key for rows without a data category of their own (links, technical rows).
OTHER = "OTHER"

# Documents name their owner by a kind string (`documents.Document.owner_kind`); most are the owning
# model's label, two are older short names.
_OWNER_KINDS = {
    "sickness.sentadvice": "sickness.advice",
    "mediation.terminationagreement": "mediation.termination",
}

CacheKeys = Callable[[models.Model], Iterable[str]]
_CACHE_KEYS: dict[str, list[CacheKeys]] = {}


def register_cache_keys(model_label: str, keys: CacheKeys) -> None:
    """A context that caches something derived from rows of `model_label` says under which keys, so
    destroying a row clears them too."""
    _CACHE_KEYS.setdefault(model_label.lower(), []).append(keys)


def clear_caches(records: Iterable[models.Model]) -> int:
    """Delete the cache entries registered for `records`; returns how many keys were cleared."""
    keys: list[str] = []
    for record in records:
        for keys_of in _CACHE_KEYS.get(record._meta.label_lower, ()):
            keys.extend(keys_of(record))
    if keys:
        cache.delete_many(keys)
    return len(keys)


def destroy_sealed(ids: Iterable[Any]) -> Counter[str]:
    """Delete sealed content rows (ciphertext, nonce and key id go with the row); counts per
    compartment. The rows that pointed to them must be gone or unlinked first (PROTECT)."""
    ids = [i for i in ids if i is not None]
    counts: Counter[str] = Counter()
    if not ids:
        return counts
    rows = SealedContent.objects.filter(pk__in=ids)
    counts.update(rows.values_list("compartment", flat=True))
    rows.delete()
    return counts


def remove_stored_files(documents: Iterable[Document]) -> int:
    """Remove the frozen PDF and HTML of `documents` from the documents storage (ADR 0149) once the
    transaction commits; returns how many files will be removed."""
    names = [n for d in documents for n in (d.pdf_name, d.html_name) if n]

    def remove() -> None:
        storage = storages["documents"]
        for name in names:
            storage.delete(name)

    if names:
        transaction.on_commit(remove)
    return len(names)


def _owner_kind(record: models.Model) -> str:
    label = record._meta.label_lower
    return _OWNER_KINDS.get(label, label)


def documents_of(records: Iterable[models.Model]) -> list[Document]:
    """Every version of the documents owned by `records`."""
    owners: dict[str, set[int]] = {}
    for record in records:
        owners.setdefault(_owner_kind(record), set()).add(int(record.pk))
    return _documents_owned(owners)


def _documents_owned(owners: dict[str, set[int]]) -> list[Document]:
    if not owners:
        return []
    query = models.Q(pk__in=[])
    for kind, ids in owners.items():
        query |= models.Q(owner_kind=kind, owner_id__in=ids)
    return list(Document.objects.filter(query))


def _delete_documents(documents: Sequence[Document], counts: Counter[str]) -> int:
    if not documents:
        return 0
    ids = [d.pk for d in documents]
    files = remove_stored_files(documents)
    counts.update(d.category or OTHER for d in documents)
    Signature.objects.filter(document_id__in=ids).delete()
    Document.objects.filter(pk__in=ids).update(superseded_by=None)
    Document.objects.filter(pk__in=ids).delete()
    return files


def _category(model: type[models.Model]) -> str:
    """The data category a row of `model` counts under: the lowest D-category among its fields."""
    fields = classification().get(model._meta.label_lower, {})
    categories = sorted({c.value for c in fields.values() if c.value.startswith("D")})
    return categories[0] if categories else OTHER


def _sealed_fields(model: type[models.Model]) -> list[str]:
    return [
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and f.related_model is SealedContent
    ]


class Destroyed:
    """What a deletion removed: rows per data category (sealed content under "SEALED"), stored files."""

    def __init__(self) -> None:
        self.rows: Counter[str] = Counter()
        self.files = 0

    def add(self, other: Destroyed) -> None:
        self.rows.update(other.rows)
        self.files += other.files

    def as_dict(self) -> dict[str, int]:
        return dict(sorted(self.rows.items()))


def destroy_records(records: Sequence[models.Model]) -> Destroyed:
    """Delete `records` with everything that goes with them (Django's cascade), the sealed content
    those rows point to, the documents they own with their stored files, and their cache entries.
    Rows that point to a record with PROTECT and must stay are unlinked by the caller first;
    otherwise `ProtectedError` is raised and the caller's transaction keeps everything.
    """
    done = Destroyed()
    if not records:
        return done
    collector = Collector(using="default")
    # One call per model: the collector takes a list's first row's model for every row in it, so a
    # mixed list would delete rows of one table by the ids of another.
    by_model: dict[type[models.Model], list[models.Model]] = {}
    for record in records:
        by_model.setdefault(type(record), []).append(record)
    for group in by_model.values():
        collector.collect(group)
    collected: list[models.Model] = [obj for instances in collector.data.values() for obj in instances]
    sealed_ids = [
        getattr(obj, name) for obj in collected for name in _sealed_fields(type(obj)) if getattr(obj, name)
    ]
    owners: dict[str, set[int]] = {}
    for obj in collected:
        owners.setdefault(_owner_kind(obj), set()).add(int(obj.pk))
    for model, instances in collector.data.items():
        done.rows[_category(model)] += len(instances)
    # Rows Django deletes in one query (no dependants) are read here for what they point to.
    for qs in collector.fast_deletes:
        fields = _sealed_fields(qs.model)
        for row in qs.values_list("pk", *fields):
            label = qs.model._meta.label_lower
            owners.setdefault(_OWNER_KINDS.get(label, label), set()).add(int(row[0]))
            sealed_ids.extend(v for v in row[1:] if v)
            done.rows[_category(qs.model)] += 1
    clear_caches(collected)
    done.files = _delete_documents(_documents_owned(owners), done.rows)
    collector.delete()
    sealed = sum(destroy_sealed(sealed_ids).values())
    if sealed:  # the report lists no empty counts
        done.rows[FieldClass.SEALED.value] += sealed
    return done


def destroy_sealed_of(records: Sequence[models.Model], *fields: str) -> Destroyed:
    """Unlink and destroy the sealed content in `fields` of `records`, keeping the rows (e.g. a
    capacity assessment keeps its verdict while its medical grounds go, R-144)."""
    done = Destroyed()
    for record in records:
        ids = [getattr(record, f"{name}_id") for name in fields]
        type(record)._default_manager.filter(pk=record.pk).update(**dict.fromkeys(fields))
        done.rows[FieldClass.SEALED.value] += sum(destroy_sealed(ids).values())
    return done
