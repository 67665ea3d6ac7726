"""Generate the bench data for `make bench` with PostgreSQL COPY (docs/benchmarks.md, ADR 0184).

By default 1,000,000 cases across 1,000 organisations, one of them ("Bench BV", the measured one) with
a tenth of all cases, and 10,000,000 timeline and audit events (five of each per case), plus users,
memberships, role grants, parties, participants and deadlines. `WERKVREDE_BENCH_CASES` and
`WERKVREDE_BENCH_ORGANISATIONS` make smaller runs. The demo organisation is loaded next to it through
the services, for the pages that need a sick report, a mediation and a vertrouwenspersoon's reports.

Ids are reserved from the tables' own sequences before the rows are copied, so the sequences are right
afterwards. Foreign keys are not checked row by row while copying (`session_replication_role`): every
reference is computed from the reserved ids, and the test checks them (tests/bench/). The audit events
form a valid keyed hash chain per organisation under the bench's audit key, so `audit_verify` passes.
The size is stored in the table `bench_marker`; a run with the same size keeps the data.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import django

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkvrede.config.settings.bench")
    django.setup()

from django.db import connection, models, transaction
from django.utils import timezone

BIG_ORGANISATION_SLUG = "bench-bv"
BIG_HR_EMAIL = "hr@bench.werkvrede.nl"
ADMIN_EMAIL = "beheer@bench.werkvrede.nl"
TIMELINE_PER_CASE = 5
AUDIT_PER_CASE = 5
CHUNK_BYTES = 4 << 20
STATES = ("SIGNALLED", "INTAKE", "OWN_CONVERSATION", "FACILITATED_CONVERSATION")
TIMELINE_KINDS = (
    "case.signalled",
    "case.intake_completed",
    "case.state_changed",
    "case.state_changed",
    "case.state_changed",
)
AUDIT_ACTIONS = ("case.signal", "case.intake", "case.view", "case.view", "case.transition")
DEADLINE_CODES = (
    ("T-03", ",BA,", "D10"),
    ("T-04", ",CM,LG,WN,", "D10"),
    ("T-16", ",BA,HR,LG,", "D09"),
    ("T-06", ",LG,", "D10"),
)


@dataclass(frozen=True)
class Size:
    cases: int
    organisations: int

    @classmethod
    def from_environment(cls) -> Size:
        cases = int(os.environ.get("WERKVREDE_BENCH_CASES", "1000000"))
        organisations = int(os.environ.get("WERKVREDE_BENCH_ORGANISATIONS", "1000"))
        return cls(cases=cases, organisations=max(1, min(organisations, cases)))


@dataclass(frozen=True)
class Organisation:
    """One generated organisation: its ids and where its users and cases start."""

    index: int
    pk: int
    cases: int
    first_case: int
    employees: int
    managers: int
    first_user: int

    @property
    def users(self) -> int:
        return 1 + self.employees + self.managers

    @property
    def hr(self) -> int:
        return self.first_user

    def employee(self, n: int) -> int:
        return self.first_user + 1 + (n * 7919) % self.employees

    def manager(self, n: int) -> int:
        return self.first_user + 1 + self.employees + n % self.managers


def case_counts(size: Size) -> list[int]:
    """A tenth of the cases in the first organisation (100,000 of 1,000,000), the rest spread evenly."""
    if size.organisations == 1:
        return [size.cases]
    big = max(1, size.cases // 10)
    rest, others = size.cases - big, size.organisations - 1
    return [big] + [rest // others + (1 if i < rest % others else 0) for i in range(others)]


# --- writing rows with COPY ---------------------------------------------------------------------------


def _text(field: models.Field[Any, Any], value: Any) -> str:
    """A value in COPY's text format; only the generator's own values pass here (no tabs or backslashes)."""
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(field, models.JSONField):
        return json.dumps(value, separators=(",", ":"))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


class Table:
    """The columns of a model in COPY order: the varying ones first, then every other column's default."""

    def __init__(self, model: type[models.Model], varying: tuple[str, ...]) -> None:
        fields = {field.attname: field for field in model._meta.concrete_fields}
        self.name = model._meta.db_table
        self.columns = [str(fields[name].column) for name in varying]
        # A primary key not given takes its value from the sequence as the row goes in.
        others = [field for field in fields.values() if not field.primary_key]
        constants = [(str(field.column), _text(field, field.get_default())) for field in others]
        constants = [(column, value) for column, value in constants if column not in self.columns]
        self.columns += [column for column, _ in constants]
        self.suffix = "".join("\t" + value for _, value in constants) + "\n"


def copy_rows(table: Table, lines: Iterator[str], total: int, progress: Callable[[str], None]) -> int:
    """Stream the lines into `table` with COPY in chunks; returns how many rows went in."""
    started, count, buffer = time.monotonic(), 0, io.StringIO()
    step = max(total // 10, 1)
    sql = f"COPY {table.name} ({', '.join(table.columns)}) FROM STDIN"
    with connection.connection.cursor() as cursor, cursor.copy(sql) as copy:
        for line in lines:
            buffer.write(line)
            count += 1
            if buffer.tell() > CHUNK_BYTES:
                copy.write(buffer.getvalue())
                buffer = io.StringIO()
            if count % step == 0:
                rate = count / max(time.monotonic() - started, 0.001)
                progress(f"  {table.name}: {count:,} of {total:,} rows ({rate:,.0f}/s)")
        copy.write(buffer.getvalue())
    return count


def reserve(model: type[models.Model], n: int) -> int:
    """The first of `n` consecutive ids taken from the table's own sequence (which then stands after them)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [model._meta.db_table])
        (sequence,) = cursor.fetchone()
        cursor.execute("SELECT nextval(%s)", [sequence])
        (first,) = cursor.fetchone()
        if n > 1:
            cursor.execute("SELECT setval(%s, %s)", [sequence, first + n - 1])
    return int(first)


# --- the marker ------------------------------------------------------------------------------------------

MARKER_TABLE = "bench_marker"


def marker() -> Size | None:
    """The size the bench data was generated at, or None when there is none (or it was never finished)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [MARKER_TABLE])
        if cursor.fetchone()[0] is None:
            return None
        cursor.execute(f"SELECT cases, organisations FROM {MARKER_TABLE}")  # noqa: S608
        row = cursor.fetchone()
    return None if row is None else Size(cases=row[0], organisations=row[1])


def _mark(size: Size, seconds: float) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (cases bigint NOT NULL, "
            "organisations integer NOT NULL, seconds double precision NOT NULL, "
            "generated_at timestamptz NOT NULL)"
        )
        cursor.execute(f"DELETE FROM {MARKER_TABLE}")  # noqa: S608
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} VALUES (%s, %s, %s, now())",  # noqa: S608
            [size.cases, size.organisations, seconds],
        )


# --- the generator ---------------------------------------------------------------------------------------


BULK_TABLES = (
    "cases_case",
    "cases_caseparty",
    "cases_caseparticipant",
    "cases_timelineevent",
    "cases_casedeadline",
    "audit_auditevent",
)


def secondary_indexes() -> list[tuple[str, str]]:
    """Name and definition of the bulk tables' indexes that back no constraint (the others must stay)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
            "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = "
            "(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass) ORDER BY 1",
            [list(BULK_TABLES)],
        )
        return [(str(name), str(definition)) for name, definition in cursor.fetchall()]


def plan(size: Size) -> tuple[list[Organisation], int]:
    """The organisations with their reserved ids, and the id of the first case."""
    from werkvrede.accounts.models import Organisation as OrganisationModel
    from werkvrede.accounts.models import User
    from werkvrede.cases.models import Case

    counts = case_counts(size)
    employees = [max(4, n // 10) for n in counts]
    managers = [max(2, e // 10) for e in employees]
    first_org = reserve(OrganisationModel, len(counts))
    first_user = reserve(User, sum(1 + e + m for e, m in zip(employees, managers, strict=True)))
    first_case = reserve(Case, size.cases)
    organisations, user, case = [], first_user, first_case
    for i, n in enumerate(counts):
        organisations.append(Organisation(i, first_org + i, n, case, employees[i], managers[i], user))
        user += 1 + employees[i] + managers[i]
        case += n
    return organisations, first_case


def _audit_key() -> tuple[str, bytes]:
    from werkvrede.audit.keys import audit_keyring

    ring = audit_keyring()
    return ring.current_id, ring.keys[ring.current_id]


_EVENT_PREFIX = b"werkvrede.audit.event\n"
_INTEGERS = ("seq", "organisation_id", "user_id", "case_id", "subject_id")
_STRINGS = ("chain", "occurred_at", "action", "object_id")


def _audit_template(key_id: str) -> str:
    """The canonical form of a generated audit event as a %-template, made by `audit.hashing.canonical`
    itself so that the hashes are the ones `audit_verify` computes (about four times faster than
    serialising every event; the tests verify the chains)."""
    from werkvrede.audit.hashing import canonical

    fields: dict[str, object] = {name: f"@@{name}@@" for name in _INTEGERS + _STRINGS}
    fields.update(outcome="allowed", roles="HR", object_type="case", legal_basis="role:HR")
    fields.update(request_id="", data={}, key_id=key_id)
    text = canonical(fields).decode()
    if "%" in text:
        raise ValueError("the template's own text must hold no % sign")
    for name in _INTEGERS:
        text = text.replace(f'"@@{name}@@"', f"%({name})d")
    for name in _STRINGS:
        text = text.replace(f"@@{name}@@", f"%({name})s")
    return text


def generate(size: Size, *, progress: Callable[[str], None] = print, demo: bool = True) -> float:
    """Copy the bench data in (and load the demo organisation) and mark its size; returns the seconds."""
    from werkvrede.accounts.models import Membership, RoleGrant, User
    from werkvrede.accounts.models import Organisation as OrganisationModel
    from werkvrede.audit.models import AuditChainHead, AuditEvent
    from werkvrede.cases.models import Case, CaseDeadline, CaseParticipant, CaseParty, TimelineEvent

    started = time.monotonic()
    now = timezone.now().astimezone(UTC).replace(microsecond=0)
    today = timezone.localdate()
    with transaction.atomic():
        with connection.cursor() as cursor:
            # References are computed from reserved ids (module docstring); checked by the tests.
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute("SET LOCAL synchronous_commit = off")
        organisations, _ = plan(size)
        # Kept by default: at 100,000 cases the copy with the indexes in place was faster than dropping
        # and building them again (ADR 0184); WERKVREDE_BENCH_REBUILD_INDEXES=1 tries the other way.
        indexes = secondary_indexes() if os.environ.get("WERKVREDE_BENCH_REBUILD_INDEXES") else []
        with connection.cursor() as cursor:
            for name, _definition in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
        users = sum(o.users for o in organisations)
        progress(f"generating {size.cases:,} cases in {len(organisations):,} organisations, {users:,} users")

        table = Table(OrganisationModel, ("id", "name", "slug"))

        def organisation_rows() -> Iterator[str]:
            for o in organisations:
                name, slug = ("Bench BV", BIG_ORGANISATION_SLUG) if o.index == 0 else (f"Bench {o.index}", "")
                yield f"{o.pk}\t{name}\t{slug or f'bench-{o.index:04d}'}{table.suffix}"

        copy_rows(table, organisation_rows(), len(organisations), progress)

        def person(o: Organisation, n: int) -> tuple[str, str, str]:
            """Email, name and organisation role of the organisation's n-th user."""
            if n == 0:
                email = BIG_HR_EMAIL if o.index == 0 else f"hr{o.index}@bench.werkvrede.nl"
                return email, f"HR {o.index}", "HR"
            if n <= o.employees:
                return f"wn{o.index}-{n}@bench.werkvrede.nl", f"Werknemer {o.index}-{n}", "WN"
            return f"lg{o.index}-{n}@bench.werkvrede.nl", f"Leidinggevende {o.index}-{n}", "LG"

        user_table = Table(User, ("id", "email", "full_name", "password"))
        membership_table = Table(Membership, ("id", "user_id", "organisation_id"))
        grant_table = Table(RoleGrant, ("id", "membership_id", "role"))
        first_membership = reserve(Membership, users)
        first_grant = reserve(RoleGrant, users)

        def user_rows() -> Iterator[str]:
            for o in organisations:
                for n in range(o.users):
                    email, name, _role = person(o, n)
                    yield f"{o.first_user + n}\t{email}\t{name}\t!bench{user_table.suffix}"

        def membership_rows() -> Iterator[str]:
            offset = first_membership - organisations[0].first_user
            for o in organisations:
                for n in range(o.users):
                    user = o.first_user + n
                    yield f"{user + offset}\t{user}\t{o.pk}{membership_table.suffix}"

        def grant_rows() -> Iterator[str]:
            offset = first_grant - organisations[0].first_user
            membership_offset = first_membership - organisations[0].first_user
            for o in organisations:
                for n in range(o.users):
                    user = o.first_user + n
                    role = person(o, n)[2]
                    yield f"{user + offset}\t{user + membership_offset}\t{role}{grant_table.suffix}"

        copy_rows(user_table, user_rows(), users, progress)
        copy_rows(membership_table, membership_rows(), users, progress)
        copy_rows(grant_table, grant_rows(), users, progress)

        case_table = Table(
            Case,
            (
                "id",
                "organisation_id",
                "reference",
                "state",
                "signalled_on",
                "signalled_by_id",
                "signalled_as",
                "configuration",
                "domains",
                "created_at",
                "updated_at",
            ),
        )

        def signalled(n: int) -> date:
            return today - timedelta(days=(n * 37) % 700)

        def case_rows() -> Iterator[str]:
            for o in organisations:
                for n in range(o.cases):
                    on = signalled(n)
                    at = datetime(on.year, on.month, on.day, 9, tzinfo=UTC).isoformat()
                    state = STATES[n % len(STATES)]
                    yield (
                        f"{o.first_case + n}\t{o.pk}\tB-{n + 1:07d}\t{state}\t{on.isoformat()}"
                        f'\t{o.hr}\tHR\tINDIVIDUAL_INDIVIDUAL\t["RELATIONS"]\t{at}\t{at}{case_table.suffix}'
                    )

        copy_rows(case_table, case_rows(), size.cases, progress)

        party_table = Table(CaseParty, ("id", "case_id", "side", "user_id", "name", "feels_obstructed"))
        first_party = reserve(CaseParty, 2 * size.cases)

        def party_rows() -> Iterator[str]:
            pk = first_party
            for o in organisations:
                for n in range(o.cases):
                    case, employee, manager = o.first_case + n, o.employee(n), o.manager(n)
                    yield f"{pk}\t{case}\tWN\t{employee}\tWerknemer {employee}\tt{party_table.suffix}"
                    yield f"{pk + 1}\t{case}\tWP\t{manager}\tLeidinggevende {manager}\tf{party_table.suffix}"
                    pk += 2

        copy_rows(party_table, party_rows(), 2 * size.cases, progress)

        participant_table = Table(CaseParticipant, ("id", "case_id", "user_id", "role"))
        first_participant = reserve(CaseParticipant, 3 * size.cases)

        def participant_rows() -> Iterator[str]:
            pk, suffix = first_participant, participant_table.suffix
            for o in organisations:
                for n in range(o.cases):
                    case = o.first_case + n
                    yield f"{pk}\t{case}\t{o.employee(n)}\tWN{suffix}"
                    yield f"{pk + 1}\t{case}\t{o.manager(n)}\tLG{suffix}"
                    yield f"{pk + 2}\t{case}\t{o.hr}\tHR{suffix}"
                    pk += 3

        copy_rows(participant_table, participant_rows(), 3 * size.cases, progress)

        timeline_table = Table(
            TimelineEvent, ("id", "case_id", "kind", "occurred_at", "actor_id", "actor_role")
        )
        first_event = reserve(TimelineEvent, TIMELINE_PER_CASE * size.cases)

        def timeline_rows() -> Iterator[str]:
            pk, suffix = first_event, timeline_table.suffix
            for o in organisations:
                for n in range(o.cases):
                    on = signalled(n)
                    for i, kind in enumerate(TIMELINE_KINDS[:TIMELINE_PER_CASE]):
                        at = datetime(on.year, on.month, on.day, 9 + i, tzinfo=UTC).isoformat()
                        yield f"{pk}\t{o.first_case + n}\t{kind}\t{at}\t{o.hr}\tHR{suffix}"
                        pk += 1

        copy_rows(timeline_table, timeline_rows(), TIMELINE_PER_CASE * size.cases, progress)

        deadline_table = Table(
            CaseDeadline,
            (
                *("case_id", "organisation_id", "code", "category", "status", "due", "owner_roles"),
                *("basis", "guideline_version"),
            ),
        )

        def deadline_rows() -> Iterator[str]:
            suffix = deadline_table.suffix
            for o in organisations:
                for n in range(o.cases):
                    for k in range(n % 4):
                        code, owners, category = DEADLINE_CODES[(n + k) % len(DEADLINE_CODES)]
                        due = today + timedelta(days=(n * 13 + k * 29) % 180 - 60)
                        yield (
                            f"{o.first_case + n}\t{o.pk}\t{code}\t{category}\tPENDING\t{due.isoformat()}"
                            f"\t{owners}\tR-150\tbench{suffix}"
                        )

        deadlines = sum(sum(n % 4 for n in range(o.cases)) for o in organisations)
        # Deadlines take their ids from the sequence as they are copied (nothing refers to them).
        copy_rows(deadline_table, deadline_rows(), deadlines, progress)

        key_id, key = _audit_key()
        audit_table = Table(
            AuditEvent,
            (
                *("id", "chain", "seq", "organisation_id", "occurred_at", "action", "outcome", "user_id"),
                *("roles", "object_type", "object_id", "legal_basis", "case_id", "subject_id", "data"),
                *("prev_hash", "hash", "key_id", "category", "request_id"),
            ),
        )
        first_audit = reserve(AuditEvent, AUDIT_PER_CASE * size.cases)
        heads: list[tuple[str, int, str]] = []

        template = _audit_template(key_id)
        # The HMAC state after the key and the domain prefix, copied for every event.
        keyed = hmac.new(key, _EVENT_PREFIX, hashlib.sha256)

        def audit_rows() -> Iterator[str]:
            pk, suffix = first_audit, audit_table.suffix
            for o in organisations:
                chain, prev, seq = f"org:{o.pk}", "0" * 64, 0
                events = o.cases * AUDIT_PER_CASE
                start = now - timedelta(seconds=events + 60)
                for n in range(o.cases):
                    case, subject = o.first_case + n, o.employee(n)
                    for i in range(AUDIT_PER_CASE):
                        seq += 1
                        at = (start + timedelta(seconds=seq)).isoformat(timespec="microseconds")
                        action = AUDIT_ACTIONS[i % len(AUDIT_ACTIONS)]
                        fields = {
                            "chain": chain,
                            "seq": seq,
                            "organisation_id": o.pk,
                            "occurred_at": at,
                            "action": action,
                            "user_id": o.hr,
                            "object_id": case,
                            "case_id": case,
                            "subject_id": subject,
                        }
                        state = keyed.copy()
                        state.update(f"{prev}\n{template % fields}".encode())
                        digest = state.hexdigest()
                        yield (
                            f"{pk}\t{chain}\t{seq}\t{o.pk}\t{at}\t{action}\tallowed\t{o.hr}\tHR\tcase\t{case}"
                            f"\trole:HR\t{case}\t{subject}\t{{}}\t{prev}\t{digest}\t{key_id}\t\t{suffix}"
                        )
                        prev, pk = digest, pk + 1
                heads.append((chain, seq, prev))

        copy_rows(audit_table, audit_rows(), AUDIT_PER_CASE * size.cases, progress)
        AuditChainHead.objects.bulk_create(
            [AuditChainHead(chain=chain, seq=seq, hash=digest) for chain, seq, digest in heads],
            batch_size=2000,
        )
        rebuilt = time.monotonic()
        with connection.cursor() as cursor:
            for _name, definition in indexes:
                cursor.execute(definition)
            cursor.execute("SET LOCAL session_replication_role = origin")
        if indexes:
            progress(f"  {len(indexes)} indexes rebuilt in {time.monotonic() - rebuilt:.0f} s")
    progress(f"copied in {time.monotonic() - started:.0f} s")
    if demo:
        progress("loading the demo organisation")
        _demo()
    _admin()
    progress("analysing the tables")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics after the bulk load
    seconds = time.monotonic() - started
    _mark(size, seconds)
    progress(f"bench data ready in {seconds:.0f} s")
    return seconds


def _demo() -> None:
    """The demo organisation, built through the services: a sick report, a mediation, a VP's reports."""
    from werkvrede.accounts.demo import load_demo
    from werkvrede.demo.cases import load_demo_cases
    from werkvrede.demo.confidential import load_demo_reports
    from werkvrede.demo.mediation import load_demo_mediation

    today = timezone.localdate()
    load_demo()
    load_demo_cases(today=today)
    load_demo_mediation(today=today)
    load_demo_reports(today=today)


def _admin() -> None:
    """A superuser for the generic admin anchor; served only by the bench's plain settings."""
    from werkvrede.accounts.models import User

    if not User.objects.filter(email=ADMIN_EMAIL).exists():
        User.objects.create_superuser(email=ADMIN_EMAIL, full_name="Bench beheer", password=None)


def main() -> None:
    size = Size.from_environment()
    if len(sys.argv) > 1:
        size = Size(cases=int(sys.argv[1]), organisations=size.organisations)
    present = marker()
    if present == size:
        print(f"bench data present: {size.cases:,} cases in {size.organisations:,} organisations")
        return
    if present is not None:
        raise SystemExit(f"the bench database holds {present}; run.py recreates it for {size}")
    generate(size, progress=lambda line: print(line, flush=True))


if __name__ == "__main__":
    main()
