"""One run of `manage.py purge_expired`: warn the owners of what expires soon, then delete what has
expired, unless a legal hold keeps it (R-140…R-149; docs/adr/0175-retention-that-runs.md).

Safe twice and on two machines: on PostgreSQL a session advisory lock lets one run at a time (the
other waits, then finds nothing left to do); on SQLite the write lock serialises them. Each record
goes in its own transaction after it was locked again (`skip_locked`) and found still there, so a
record is never deleted twice and an error leaves the others to go.
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction

from werkvrede.accounts.models import Organisation, RoleGrant
from werkvrede.audit import services as audit
from werkvrede.contact.models import ContactRequest
from werkvrede.contact.services import contact_requests_purge
from werkvrede.notifications.models import Notification
from werkvrede.notifications.outbox import finished_before, outbox_purge, purge_cutoff
from werkvrede.notifications.services import notify
from werkvrede.protocol.selectors import protocol_for
from werkvrede.retention.destroy import Destroyed
from werkvrede.retention.holds import holds_by_case_and_person, record_block
from werkvrede.retention.models import PurgeRun, RetentionWarning
from werkvrede.retention.terms import CONTACT, OUTBOX, TERMS, Expiring, Term

logger = logging.getLogger(__name__)

_LOCK_KEY = 0x5745524B_50555247 & 0x7FFFFFFFFFFFFFFF  # "WERKPURG"


@contextlib.contextmanager
def run_lock() -> Iterator[None]:
    """One run at a time across machines (PostgreSQL); SQLite serialises writers by itself."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [_LOCK_KEY])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [_LOCK_KEY])


def warning_days() -> int:
    return int(getattr(settings, "WERKVREDE_RETENTION_WARNING_DAYS", 30))


@dataclass
class OrganisationResult:
    organisation_id: int | None
    purged: dict[str, Counter[str]] = field(default_factory=dict)
    held: Counter[str] = field(default_factory=Counter)
    warned: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    files: int = 0

    def add(self, rule: str, done: Destroyed) -> None:
        self.purged.setdefault(rule, Counter()).update(done.rows)
        self.files += done.files


def _held(expiring: Expiring, cases: set[int], people: set[int]) -> bool:
    return (
        (expiring.case_id is not None and expiring.case_id in cases)
        or bool(expiring.case_ids & cases)
        or bool(expiring.person_ids & people)
    )


def _owners(organisation_id: int, term: Term, expiring: list[Expiring]) -> set[int]:
    named = {uid for e in expiring for uid in e.owner_ids}
    if named:
        return named
    return set(
        RoleGrant.objects.filter(
            membership__organisation_id=organisation_id, role=term.owner_role
        ).values_list("membership__user_id", flat=True)
    )


def _warn(
    organisation_id: int, term: Term, soon: list[Expiring], today: date, result: OrganisationResult
) -> None:
    """One notification (no content) to the owners for the records not warned of before (R-170)."""
    new: list[Expiring] = []
    for expiring in soon:
        _row, created = RetentionWarning.objects.get_or_create(
            organisation_id=organisation_id,
            rule=term.code,
            record=expiring.key,
            expires_on=expiring.expires_on,
        )
        if created:
            new.append(expiring)
    if not new:
        return
    recipients = _owners(organisation_id, term, new)
    notify(
        organisation_id=organisation_id,
        recipient_ids=recipients,
        kind=Notification.Kind.RETENTION_DUE,
        case_id=None,
        key=f"retention:{organisation_id}:{term.code}:{today.isoformat()}",
    )
    first = min(e.expires_on for e in new)
    audit.record(
        "retention.warning.sent",
        organisation_id=organisation_id,
        object_type="retention.kind",
        object_id=term.code,
        legal_basis=term.rule,
        data={
            "rule": term.code,
            "records": len(new),
            "expires_on": first.isoformat(),
            "recipients": len(recipients),
        },
    )
    result.warned[term.code] += len(new)


def _purge_one(term: Term, expiring: Expiring, today: date) -> Destroyed | None:
    with transaction.atomic():
        record = term.lock(expiring.record)
        if record is None:
            return None  # another run has it, or it is gone already
        done = term.destroy(record, today)
        RetentionWarning.objects.filter(rule=term.code, record=expiring.key).delete()
        return done


def purge_organisation(
    organisation_id: int, *, today: date, dry_run: bool, say: Callable[[str], None]
) -> OrganisationResult:
    result = OrganisationResult(organisation_id)
    protocol = protocol_for(organisation_id)
    days = warning_days()
    held_cases, held_people = holds_by_case_and_person(organisation_id)
    for term in TERMS:
        candidates = list(term.expiring(organisation_id, protocol, today + timedelta(days=days), days))
        due = [e for e in candidates if e.expires_on <= today]
        soon = [e for e in candidates if e.expires_on > today]
        kept = [e for e in due + soon if _held(e, held_cases, held_people)]
        due = [e for e in due if not _held(e, held_cases, held_people)]
        soon = [e for e in soon if not _held(e, held_cases, held_people)]
        if kept:
            result.held[term.code] += len([e for e in kept if e.expires_on <= today])
        if dry_run:
            result.purged[term.code] = Counter({term.category: len(due)}) if due else Counter()
            result.warned[term.code] += len(soon)
            continue
        if soon:
            with transaction.atomic():
                _warn(organisation_id, term, soon, today, result)
        if result.held[term.code]:
            record_block(
                organisation_id=organisation_id, purpose="purge", kind=term.code, count=result.held[term.code]
            )
        for expiring in due:
            try:
                done = _purge_one(term, expiring, today)
            except DatabaseError:
                logger.exception("purge of %s failed", expiring.key)
                result.failed[term.code] += 1
                continue
            if done is not None:
                result.add(term.code, done)
        if result.purged.get(term.code):
            rows = result.purged[term.code]
            audit.record(
                "retention.purge.completed",
                organisation_id=organisation_id,
                object_type="retention.kind",
                object_id=term.code,
                legal_basis=term.rule,
                data={
                    "rule": term.code,
                    "rows": sum(n for c, n in rows.items() if c != "SEALED"),
                    "sealed": rows.get("SEALED", 0),
                    "files": result.files,
                },
            )
        say(f"  {term.code}: {sum(result.purged.get(term.code, Counter()).values())} row(s)")
    return result


def purge_contact(*, today: date, dry_run: bool) -> OrganisationResult:
    """CONTACT: the contact context's own purge (`purge_contact_requests` does the same alone)."""
    result = OrganisationResult(None)
    if dry_run:
        count = ContactRequest.objects.filter(delete_after__lt=today).count()
    else:
        count = contact_requests_purge(today=today)
    if count:
        result.purged[CONTACT] = Counter({"ACCOUNT": count})
    return result


def purge_outbox(*, today: date, dry_run: bool) -> OrganisationResult:
    """OUTBOX: the notifications context's log of mails finished more than its term ago."""
    result = OrganisationResult(None)
    count = finished_before(purge_cutoff(today)).count() if dry_run else outbox_purge(today=today)
    if count:
        result.purged[OUTBOX] = Counter({"TECHNICAL": count})
    return result


def _store(result: OrganisationResult, today: date) -> PurgeRun:
    return PurgeRun.objects.create(
        organisation_id=result.organisation_id,
        today=today,
        purged={rule: dict(sorted(c.items())) for rule, c in result.purged.items() if c},
        held={k: v for k, v in result.held.items() if v},
        warned={k: v for k, v in result.warned.items() if v},
        files_removed=result.files,
    )


def purge_expired(
    *, today: date, dry_run: bool = False, say: Callable[[str], None] = lambda s: None
) -> list[OrganisationResult]:
    """Warn, then purge, in every organisation; store one report per organisation unless `dry_run`."""
    results: list[OrganisationResult] = []
    with run_lock():
        for organisation_id in Organisation.objects.order_by("pk").values_list("pk", flat=True):
            say(f"organisation {organisation_id}")
            results.append(purge_organisation(organisation_id, today=today, dry_run=dry_run, say=say))
        # Rows without an organisation of their own: one report (organisation None) for both.
        outside = purge_contact(today=today, dry_run=dry_run)
        outside.purged.update(purge_outbox(today=today, dry_run=dry_run).purged)
        results.append(outside)
        if not dry_run:
            for result in results:
                _store(result, today)
    return results
