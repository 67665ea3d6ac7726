"""Reads of sensitive data, audited once per request (R-170, NEN 7513; docs/audit-events.md "Reads").

Every read of a sensitive category (below) becomes an `audit.data.read` event naming
the data subject, the case, the category and the basis on which the reader may read it (their role,
a consent, or an emergency). Within one request the reads are gathered and written when the request
ends: one event per (category, case, data subject), naming the first record read and how many
records of that category were read (`data.records`) — a page with three medical notes, or a verdict
and a conflict finding, is one act of access, not three. Outside a request (commands, tasks) every
read is written at once.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from werkvrede.audit import services as audit
from werkvrede.audit.services import Actor as Reader

# The categories (docs/rules.md) whose every read is audited: the sealed ones and the bedrijfsarts' records.
SENSITIVE_CATEGORIES = frozenset({"D01", "D03", "D04", "D06", "D07", "D08", "D11", "D15", "D17", "D18"})
READ_ACTION = "audit.data.read"


@dataclass
class _Read:
    user_id: int | None
    roles: str
    organisation_id: int | None
    category: str
    case_id: int | None
    subject_id: int | None
    basis: str
    object_type: str
    object_id: str
    records: set[tuple[str, str]] = field(default_factory=set)


# While a person's data export is made, their reads of their own data are recorded on the basis of
# the right of access (AVG art. 15, docs/adr/0170-my-data-export.md), not of a role they hold.
_own_basis: contextvars.ContextVar[str | None] = contextvars.ContextVar("werkvrede_own_basis", default=None)
RIGHT_OF_ACCESS = "right_of_access"

_Key = tuple[int | None, str, int | None, int | None]
_pending: contextvars.ContextVar[dict[_Key, _Read] | None] = contextvars.ContextVar(
    "werkvrede_pending_reads", default=None
)


@contextmanager
def request_scope() -> Iterator[None]:
    """Gather the reads of one request and write them when it ends (also when it fails)."""
    token = _pending.set({})
    try:
        yield
    finally:
        gathered = _pending.get() or {}
        _pending.reset(token)
        # One write for the request's reads: one chain lock, not one per read (docs/adr/0201).
        audit.record_all([_entry(read) for read in gathered.values()])


@contextmanager
def own_data_basis(basis: str = RIGHT_OF_ACCESS) -> Iterator[None]:
    """Within this block a read of one's own data (reader = data subject) is recorded on `basis`."""
    token = _own_basis.set(basis)
    try:
        yield
    finally:
        _own_basis.reset(token)


def role_basis(*codes: str) -> str:
    """The basis "role:BA" (or "role:HR+CM"): the reader's own role(s) that give the right to read."""
    return "role:" + "+".join(sorted(set(codes)))


def record_read(
    actor: Reader,
    *,
    category: str,
    organisation_id: int | None,
    case_id: int | None,
    subject_id: int | None,
    basis: str,
    object_type: str,
    object_id: str,
) -> None:
    """Record that `actor` read `category` data about `subject_id` (in `case_id`) on `basis`."""
    if category not in SENSITIVE_CATEGORIES:
        raise ValueError(f"{category!r} is not a category whose reads are audited")
    if not basis or basis == role_basis():
        raise ValueError("a read of sensitive data needs its basis (role, consent or emergency)")
    own_basis = _own_basis.get()
    if own_basis is not None and subject_id is not None and subject_id == actor.user_id:
        basis = own_basis
    read = _Read(
        actor.user_id,
        actor.role_codes,
        organisation_id,
        category,
        case_id,
        subject_id,
        basis,
        object_type,
        object_id,
    )
    read.records.add((object_type, object_id))
    gathered = _pending.get()
    if gathered is None:
        _write(read)
        return
    key = (actor.user_id, category, case_id, subject_id)
    if key in gathered:
        gathered[key].records.add((object_type, object_id))
    else:
        gathered[key] = read


def _entry(read: _Read) -> audit.Entry:
    return audit.Entry(
        READ_ACTION,
        read.organisation_id,
        user_id=read.user_id,
        roles=read.roles,
        object_type=read.object_type,
        object_id=read.object_id,
        legal_basis=read.basis,
        category=read.category,
        case_id=read.case_id,
        subject_id=read.subject_id,
        data={"records": len(read.records)},
    )


def _write(read: _Read) -> None:
    audit.record_all([_entry(read)])
