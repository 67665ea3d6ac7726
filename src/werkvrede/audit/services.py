"""Write audit events. Call inside the transaction of the change being recorded."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from django.db import connection, transaction
from django.utils import timezone

from werkvrede.audit.context import current_request_id
from werkvrede.audit.hashing import HASHED_FIELDS, OPTIONAL_HASHED_FIELDS, keyed_event_hash
from werkvrede.audit.keys import audit_keyring
from werkvrede.audit.models import AuditChainHead, AuditEvent, Outcome
from werkvrede.audit.precommit import before_commit, in_code_transaction

__all__ = [
    "Actor",
    "Entry",
    "Outcome",
    "chain_key",
    "organisation_of_chain",
    "record",
    "record_all",
    "record_for",
]

ACTION_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){2,}$")
_MASKED = re.compile(r"password|secret|token|key", re.IGNORECASE)
_ALLOWED_DATA_TYPES = (str, int, bool, type(None))


class Actor(Protocol):
    """Who acts (a `core.actor.Actor`; the audit kernel imports nothing above it)."""

    @property
    def user_id(self) -> int | None: ...

    @property
    def role_codes(self) -> str: ...


def chain_key(organisation_id: int | None) -> str:
    return "system" if organisation_id is None else f"org:{organisation_id}"


def organisation_of_chain(chain: str) -> int | None:
    """The organisation id whose chain is `chain` (the inverse of `chain_key`)."""
    if chain == "system":
        return None
    prefix, _, number = chain.partition(":")
    if prefix != "org" or not number.isdigit():
        raise ValueError(f"{chain!r} is not an audit chain")
    return int(number)


def _clean_data(data: dict[str, Any] | None) -> dict[str, Any]:
    """Keep only short scalar references; mask secrets. Payloads never carry free text or content."""
    cleaned: dict[str, Any] = {}
    for key, value in (data or {}).items():
        if not isinstance(value, _ALLOWED_DATA_TYPES):
            raise ValueError(f"audit data {key!r} must be a scalar reference, not {type(value).__name__}")
        if isinstance(value, str) and len(value) > 200:
            raise ValueError(f"audit data {key!r} is too long to be a reference")
        cleaned[key] = "***" if _MASKED.search(key) else value
    return cleaned


@dataclass(frozen=True)
class Entry:
    """One event to append (the arguments of `record`)."""

    action: str
    organisation_id: int | None
    user_id: int | None = None
    roles: str = ""
    object_type: str = ""
    object_id: str = ""
    legal_basis: str = ""
    outcome: str = Outcome.ALLOWED
    data: dict[str, Any] | None = None
    occurred_at: datetime | None = None
    category: str = ""
    case_id: int | None = None
    subject_id: int | None = None


def record(
    action: str,
    *,
    organisation_id: int | None,
    user_id: int | None = None,
    roles: str = "",
    object_type: str = "",
    object_id: str = "",
    legal_basis: str = "",
    outcome: str = Outcome.ALLOWED,
    data: dict[str, Any] | None = None,
    occurred_at: datetime | None = None,
    category: str = "",
    case_id: int | None = None,
    subject_id: int | None = None,
) -> AuditEvent:
    """Append one event to its organisation's chain (see `record_all`)."""
    entry = Entry(
        action,
        organisation_id,
        user_id=user_id,
        roles=roles,
        object_type=object_type,
        object_id=object_id,
        legal_basis=legal_basis,
        outcome=outcome,
        data=data,
        occurred_at=occurred_at,
        category=category,
        case_id=case_id,
        subject_id=subject_id,
    )
    return record_all([entry])[0]


def record_all(entries: Sequence[Entry]) -> list[AuditEvent]:
    """Append events to their organisations' chains, in the order given, when the transaction commits.

    The events are made now (their time, request and data); they are appended to the chains just
    before the code's transaction commits (`audit.precommit`, ADR 0212), or at once outside one. So the
    chain head is the last row a transaction locks: a service that audits and then locks a case or a
    period can no longer hold the head while it waits for that row (ADR 0211). Each chain's head row
    is locked once per append (SELECT … FOR NO KEY UPDATE on PostgreSQL, the chains in one fixed order), so
    concurrent writers of one organisation append one after the other while other organisations are
    not held up (docs/adr/0201). The hash is an HMAC under the newest chain key (ADR 0050); the
    keyring is parsed once, so no query is added. The events returned are stored once appended.
    """
    for entry in entries:
        if not ACTION_PATTERN.match(entry.action):
            raise ValueError(f"audit action {entry.action!r} must be namespaced like 'context.entity.verb'")
    if not entries:
        return []  # no transaction, no query: most requests read nothing audited
    now = timezone.now()
    events = [_event(entry, now) for entry in entries]
    if in_code_transaction(connection):
        before_commit(lambda: _append(events))
    else:
        with transaction.atomic():
            _append(events)
    return events


def _event(entry: Entry, now: datetime) -> AuditEvent:
    """The event as recorded now; its place in the chain (sequence, hashes) comes when it is appended."""
    return AuditEvent(
        chain=chain_key(entry.organisation_id),
        organisation_id=entry.organisation_id,
        occurred_at=entry.occurred_at or now,
        action=entry.action,
        outcome=str(entry.outcome),
        user_id=entry.user_id,
        roles=entry.roles,
        object_type=entry.object_type,
        object_id=entry.object_id,
        legal_basis=entry.legal_basis,
        category=entry.category,
        case_id=entry.case_id,
        subject_id=entry.subject_id,
        request_id=current_request_id.get(),
        data=_clean_data(entry.data),
    )


def _append(events: list[AuditEvent]) -> None:
    ring = audit_keyring()
    chains = sorted({event.chain for event in events})
    AuditChainHead.objects.bulk_create([AuditChainHead(chain=c) for c in chains], ignore_conflicts=True)
    heads = {
        head.chain: head
        for head in AuditChainHead.objects.select_for_update(no_key=True)
        .filter(chain__in=chains)
        .order_by("chain")
    }
    for event in events:
        head = heads[event.chain]
        event.seq, event.prev_hash, event.key_id = head.seq + 1, head.hash, ring.current_id
        event.hash = keyed_event_hash(ring.keys[ring.current_id], head.hash, hashed_fields(event))
        head.seq, head.hash = event.seq, event.hash
    AuditEvent.objects.bulk_create(events)
    for head in heads.values():
        head.save(update_fields=["seq", "hash"])


def hashed_fields(event: AuditEvent) -> dict[str, Any]:
    values = {name: getattr(event, name) for name in HASHED_FIELDS}
    values.update(
        {
            name: getattr(event, name)
            for name in OPTIONAL_HASHED_FIELDS
            if getattr(event, name) not in (None, "")
        }
    )
    # Normalise the time to UTC microseconds so a database round trip hashes the same.
    values["occurred_at"] = event.occurred_at.astimezone(UTC).isoformat(timespec="microseconds")
    if event.key_id:
        # Bound into keyed hashes only: events from before keyed hashing keep their original form.
        values["key_id"] = event.key_id
    return values


def record_for(
    actor: Actor,
    action: str,
    obj: Any,
    *,
    case: Any = None,
    organisation_id: int | None = None,
    legal_basis: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record that `actor` did `action` to `obj` (a model instance), in `case` when it belongs to one.

    The one way a service audits its own writes: the organisation comes from the object (or its case),
    the object type and id from the object, the actor's user and roles from the actor. Without an
    object (`obj=None`: a count, a setting of one's own) the organisation is given.
    """
    if organisation_id is None:
        organisation_id = getattr(obj, "organisation_id", None)
    if organisation_id is None and case is not None:
        organisation_id = case.organisation_id
    case_id = case.pk if case is not None else getattr(obj, "case_id", None)
    return record(
        action,
        organisation_id=organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        legal_basis=legal_basis,
        case_id=case_id,
        data=data,
    )
