"""Make a backup and restore one, with the checks that show the restore is whole (ADR 0152).

A backup is a directory: the database (PostgreSQL custom format, or an SQLite copy), every file of
the `documents` storage under `documents/`, and `manifest.json`, written last. Sealed content stays
as stored (encrypted); no key is read here, so none can end up in a backup (ADR 0153).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from werkvrede.audit import services as audit
from werkvrede.audit.verify import verify_all as audit_verify_all
from werkvrede.backup import database
from werkvrede.core.refusals import NotPossible
from werkvrede.documents.verify import verify_all as documents_verify_all

FORMAT = "werkvrede-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DOCUMENTS = "documents"
_CHUNK = 1024 * 1024


@dataclass
class RestoreReport:
    """What the restore checked; `problems` empty means the restored state is the backup's."""

    checks: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _version() -> str:
    try:
        return metadata.version("werkvrede")
    except metadata.PackageNotFoundError:
        return "unknown"


def documents_storage() -> Storage | None:
    """The storage of the signed documents' files, if this installation has one."""
    return storages[DOCUMENTS] if DOCUMENTS in settings.STORAGES else None


def _walk(storage: Storage, directory: str = "") -> Iterator[str]:
    """Every file name in `storage` (with "/" between directories), sorted."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:  # a storage directory not made yet holds no file
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for name in sorted(directories):
        yield from _walk(storage, f"{directory}/{name}" if directory else name)


def _storage_sha256(storage: Storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as f:
        for chunk in f.chunks(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _is_empty(path: Path) -> bool:
    return not path.exists() or (path.is_dir() and not any(path.iterdir()))


def backup_create(*, dest: Path, database_alias: str = DEFAULT_DB_ALIAS) -> dict[str, Any]:
    """Write a backup of the database and the documents' files into the new directory `dest`.

    Returns the manifest. The directory is readable by its owner only; the manifest is written last,
    so a directory without one is an unfinished backup.
    """
    if not _is_empty(dest):
        raise NotPossible(f"{dest} exists and is not empty: give a new directory for each backup")
    connection = connections[database_alias]
    if connection.vendor not in database.DUMP_FILES:
        raise NotPossible(f"no backup for a {connection.vendor} database")
    database.refuse_in_transaction(connection)
    dest.mkdir(mode=0o700, parents=True, exist_ok=True)
    dest.chmod(0o700)  # also when it existed (empty): the backup holds personal data
    dump_name = database.DUMP_FILES[connection.vendor]
    if connection.vendor == "postgresql":
        facts = database.postgres_dump(connection, dest / dump_name)
    else:
        facts = database.sqlite_dump(connection, dest / dump_name)
    files = {dump_name: _sha256(dest / dump_name)}
    storage = documents_storage()
    if storage is not None:
        for name in _walk(storage):
            target = dest / DOCUMENTS / name
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with storage.open(name, "rb") as source, target.open("wb") as out:
                for chunk in source.chunks(_CHUNK):
                    out.write(chunk)
            files[f"{DOCUMENTS}/{name}"] = _sha256(target)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "werkvrede_version": _version(),
        "created_at": timezone.now().isoformat(),
        "database": {"vendor": connection.vendor, "file": dump_name},
        "migrations": facts.migrations,
        "row_counts": facts.row_counts,
        "audit_chain_heads": facts.audit_chain_heads,
        "documents": storage is not None,
        "files": files,
    }
    partial = dest / f"{MANIFEST}.partial"
    partial.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    os.replace(partial, dest / MANIFEST)
    audit.record(
        "backup.archive.created",
        organisation_id=None,
        data={"tables": len(facts.row_counts), "files": len(files), "vendor": connection.vendor},
    )
    return manifest


def read_manifest(src: Path) -> dict[str, Any]:
    """The manifest of the backup in `src`, after every file it names was found with its SHA-256."""
    path = src / MANIFEST
    if not path.is_file():
        raise NotPossible(f"{src} holds no {MANIFEST}: not a backup, or an unfinished one")
    try:
        manifest: dict[str, Any] = json.loads(path.read_text())
    except ValueError as exc:
        raise NotPossible(f"{path} is not valid JSON") from exc
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise NotPossible(f"{path} is not a {FORMAT} manifest of version {FORMAT_VERSION}")
    root = src.resolve()
    for name, expected in sorted(manifest["files"].items()):
        file = (src / name).resolve()
        if not file.is_relative_to(root):
            raise NotPossible(f"the manifest names a file outside the backup: {name}")
        if not file.is_file():
            raise NotPossible(f"{name} is missing from the backup")
        if _sha256(file) != expected:
            raise NotPossible(
                f"{name} differs from the manifest's SHA-256: the backup was changed or damaged"
            )
    return manifest


def _known_migrations() -> set[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {f"{app}.{name}" for app, name in loader.disk_migrations}


def _document_names(manifest: dict[str, Any]) -> list[str]:
    prefix = f"{DOCUMENTS}/"
    return sorted(name[len(prefix) :] for name in manifest["files"] if name.startswith(prefix))


def backup_restore(
    *, src: Path, force: bool = False, database_alias: str = DEFAULT_DB_ALIAS
) -> RestoreReport:
    """Restore the backup in `src` into the (empty) database and the documents storage, then check it.

    Refused before anything is changed: a manifest that does not match its files, another database
    vendor, migrations this code does not know (a backup of a newer version), and a database or
    documents storage that is not empty, unless `force` (which replaces what is there).
    """
    manifest = read_manifest(src)
    connection = connections[database_alias]
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise NotPossible(f"the backup is of a {vendor} database; this database is {connection.vendor}")
    unknown = sorted(set(manifest["migrations"]) - _known_migrations())
    if unknown:
        raise NotPossible(
            f"the backup has migrations this code does not know ({', '.join(unknown[:5])}): restore with "
            f"Werkvrede {manifest['werkvrede_version']}, the version that made it"
        )
    names = _document_names(manifest)
    storage = documents_storage()
    if names and storage is None:
        raise NotPossible("the backup holds documents' files but this installation has no documents storage")
    if not force:
        if database.table_names(connection):
            raise NotPossible("the database is not empty: restore into a new database, or pass --force")
        if storage is not None and next(_walk(storage), None) is not None:
            raise NotPossible(
                "the documents storage is not empty: restore into an empty one, or pass --force"
            )

    dump = src / manifest["database"]["file"]
    if vendor == "postgresql":
        database.postgres_restore(connection, dump, replace=force)
    else:
        database.sqlite_restore(connection, dump)
    connection.close()
    ContentType.objects.clear_cache()
    if storage is not None:
        for name in names:
            if storage.exists(name):
                storage.delete(name)
            with (src / DOCUMENTS / name).open("rb") as f:
                saved = storage.save(name, File(f))
            if saved != name:
                raise NotPossible(f"the documents storage stored {name} as {saved}")
    report = check_restored(manifest=manifest, database_alias=database_alias)
    if not report.problems:
        audit.record(
            "backup.archive.restored",
            organisation_id=None,
            data={"created_at": manifest["created_at"], "werkvrede_version": manifest["werkvrede_version"]},
        )
    return report


def check_restored(*, manifest: dict[str, Any], database_alias: str = DEFAULT_DB_ALIAS) -> RestoreReport:
    """Compare the database and the documents storage with the manifest; verify audit log and documents."""
    report = RestoreReport()
    connection = connections[database_alias]
    with connection.cursor() as cursor:
        facts = database.read_facts(cursor, connection.vendor)
    if facts.migrations != manifest["migrations"]:
        report.problems.append("the applied migrations differ from the backup's")
    expected = manifest["row_counts"]
    differ = sorted(
        t for t in expected.keys() | facts.row_counts.keys() if expected.get(t) != facts.row_counts.get(t)
    )
    for table in differ:
        report.problems.append(
            f"table {table}: {facts.row_counts.get(table)} rows, the backup has {expected.get(table)}"
        )
    if not differ:
        report.checks.append(
            f"{len(facts.row_counts)} tables, {sum(facts.row_counts.values())} rows as in the backup"
        )
    if facts.audit_chain_heads != manifest["audit_chain_heads"]:
        report.problems.append("the audit chain heads differ from the backup's")
    else:
        report.checks.append(f"{len(facts.audit_chain_heads)} audit chain heads as in the backup")
    names = _document_names(manifest)
    storage = documents_storage()
    damaged = [
        name
        for name in names
        if (
            storage is None
            or not storage.exists(name)
            or _storage_sha256(storage, name) != manifest["files"][f"{DOCUMENTS}/{name}"]
        )
    ]
    report.problems.extend(f"document file {name} differs from the backup" for name in damaged)
    if not damaged:
        report.checks.append(f"{len(names)} document files with the backup's SHA-256")

    pending = sorted(_known_migrations() - set(facts.migrations))
    if pending:
        # The models of this code do not fit the older tables yet: the verifications need `migrate`.
        report.notes.append(
            f"{len(pending)} migrations of this code are not applied: run `manage.py migrate`, then "
            "`manage.py audit_verify` and `manage.py documents_verify`"
        )
        return report
    # The chains against their keys; the anchor file may know heads newer than the backup (below).
    chains = audit_verify_all(anchor_file="")
    report.problems.extend(f"audit: {chain_break}" for chain_break in chains.breaks)
    if not chains.breaks:
        report.checks.append(f"{chains.chains} audit chains verified with their keys")
    checked, broken = documents_verify_all(organisation_id=None)
    report.problems.extend(f"document: {item}" for item in broken)
    if not broken:
        report.checks.append(f"{checked} documents verified")
    if settings.WERKVREDE_AUDIT_ANCHOR_FILE:
        anchored = audit_verify_all()
        for chain_break in anchored.breaks:
            report.notes.append(f"anchor file: {chain_break}")
        if anchored.breaks:
            report.notes.append(
                "events recorded after this backup are lost; once accepted: "
                "`manage.py audit_anchor --accept-loss CHAIN` for each chain named"
            )
    return report
