"""The cost of the timeline and audit tables at 1,000,000 and at 10,000,000 rows each (ADR 0192).

Run against a scratch PostgreSQL database that is migrated and otherwise empty:

    createdb werkvrede_scale
    export WERKVREDE_BENCH_DATABASE_URL=postgres://…/werkvrede_scale
    DJANGO_SETTINGS_MODULE=werkvrede.config.settings.bench .venv/bin/python manage.py migrate
    .venv/bin/python tools/bench/scale.py   # then drop the database

100 organisations, 200,000 cases with 50 timeline events each, 100 audit chains of 100,000 events each
(the rows are generated in the database with INSERT … SELECT over generate_series). The first
organisation's chain is hashed for real, so `audit_verify` of one chain is measured on a valid chain;
the other chains carry placeholder hashes. Measured at both sizes (median and maximum of the runs):
appending one timeline event, appending one audit event (chain head lock and HMAC), reading a case's
timeline as the case page does, the first page of one organisation's audit log as the log page does
(count and 50 rows), and verifying one chain of 100,000 events.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkvrede.config.settings.bench")
django.setup()

from django.core.paginator import Paginator  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from werkvrede.accounts.models import Organisation, User  # noqa: E402
from werkvrede.audit.hashing import GENESIS_HASH, keyed_event_hash  # noqa: E402
from werkvrede.audit.keys import audit_keyring  # noqa: E402
from werkvrede.audit.models import AuditChainHead, AuditEvent  # noqa: E402
from werkvrede.audit.selectors import VP_EVENTS  # noqa: E402
from werkvrede.audit.services import chain_key, hashed_fields, record  # noqa: E402
from werkvrede.audit.verify import verify_chain  # noqa: E402
from werkvrede.cases.models import Case, TimelineEvent  # noqa: E402
from werkvrede.core.pagination import window_page  # noqa: E402

ORGANISATIONS = 100
CASES_PER_ORGANISATION = 2_000
EVENTS_PER_CASE = 50
EVENTS_PER_CHAIN = 100_000
RUNS = 15


def _setup() -> tuple[list[int], list[int]]:
    """The organisations and one HR user each; their cases (bulk)."""
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=f"Schaal {i}", slug=f"schaal-{i}") for i in range(ORGANISATIONS)]
    )
    users = User.objects.bulk_create(
        [User(email=f"hr{i}@schaal.werkvrede.nl", full_name=f"HR {i}") for i in range(ORGANISATIONS)]
    )
    today = timezone.localdate()
    for organisation, user in zip(organisations, users, strict=True):
        Case.objects.bulk_create(
            [
                Case(
                    organisation=organisation,
                    reference=f"S-{organisation.pk}-{n:05d}",
                    signalled_on=today - timedelta(days=n % 700),
                    signalled_by=user,
                    signalled_as="HR",
                    configuration="INDIVIDUAL_INDIVIDUAL",
                    domains=["RELATIONS"],
                )
                for n in range(CASES_PER_ORGANISATION)
            ],
            batch_size=2_000,
        )
    return [o.pk for o in organisations], [u.pk for u in users]


def _valid_chain(organisation_id: int, user_id: int) -> None:
    """The first organisation's chain, hashed as `record` does (HMAC under the current key)."""
    ring = audit_keyring()
    chain, prev = chain_key(organisation_id), GENESIS_HASH
    start = timezone.now() - timedelta(days=730)
    batch: list[AuditEvent] = []
    for seq in range(1, EVENTS_PER_CHAIN + 1):
        event = AuditEvent(
            chain=chain,
            seq=seq,
            organisation_id=organisation_id,
            occurred_at=start + timedelta(seconds=seq * 630),
            action="cases.case.read",
            user_id=user_id,
            roles="HR",
            object_type="cases.case",
            object_id=str(seq % 2_000),
            category="D10",
            data={},
            prev_hash=prev,
            key_id=ring.current_id,
        )
        event.hash = keyed_event_hash(ring.keys[ring.current_id], prev, hashed_fields(event))
        prev = event.hash
        batch.append(event)
        if len(batch) == 5_000:
            AuditEvent.objects.bulk_create(batch)
            batch = []
    AuditChainHead.objects.create(chain=chain, seq=EVENTS_PER_CHAIN, hash=prev)


def _bulk_audit(organisation_ids: list[int], user_ids: dict[int, int]) -> None:
    """Placeholder chains (hashes not valid) for the other organisations, in the database."""
    for organisation_id in organisation_ids:
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO audit_auditevent (chain, seq, organisation_id, occurred_at, action, outcome,
                    user_id, roles, object_type, object_id, legal_basis, category, request_id, data,
                    prev_hash, hash, key_id)
                SELECT %s, s, %s, now() - interval '730 days' + s * interval '630 seconds',
                    'cases.case.read', 'ALLOWED', %s, 'HR', 'cases.case', (s %% 2000)::text, '', 'D10', '',
                    '{}'::jsonb, md5(s::text) || md5(s::text), md5((s + 1)::text) || md5(s::text), 'bench'
                FROM generate_series(1, %s) AS s
                """,
                [chain_key(organisation_id), organisation_id, user_ids[organisation_id], EVENTS_PER_CHAIN],
            )


def _bulk_timeline(first_case: int, last_case: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO cases_timelineevent (case_id, kind, occurred_at, actor_id, actor_role, data)
            SELECT c.id, 'case.note_added', now() - interval '730 days' + e * interval '14 days',
                c.signalled_by_id, 'HR', '{}'::jsonb
            FROM cases_case c, generate_series(1, %s) AS e
            WHERE c.id BETWEEN %s AND %s
            """,
            [EVENTS_PER_CASE, first_case, last_case],
        )


def _timed(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def measure(
    label: str, organisation_id: int, user_id: int, case_id: int, *, verify_chain_too: bool = True
) -> list[tuple[str, str, float, float]]:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE cases_timelineevent; ANALYZE audit_auditevent")
    rows = AuditEvent.objects.count(), TimelineEvent.objects.count()
    print(f"\n{label}: {rows[1]:,} timeline events, {rows[0]:,} audit events", flush=True)

    def timeline_insert() -> None:
        with transaction.atomic():
            TimelineEvent.objects.create(case_id=case_id, kind="case.note_added", actor_id=user_id)

    def audit_insert() -> None:
        record(
            "cases.case.read",
            organisation_id=organisation_id,
            user_id=user_id,
            roles="HR",
            object_type="cases.case",
            object_id=str(case_id),
        )

    def timeline_read() -> None:
        # The case page's query (cases.selectors.timeline_for).
        events = TimelineEvent.objects.filter(case_id=case_id).select_related("actor")
        list(events.order_by("occurred_at", "pk"))

    def audit_page_counted() -> None:
        # The log page's query (audit.selectors.audit_event_list_for) with a counting pager.
        events = AuditEvent.objects.filter(organisation_id=organisation_id).exclude(VP_EVENTS)
        list(Paginator(events.order_by("-seq"), 50).get_page(1))

    def audit_page() -> None:
        # The same with the log page's pager, which does not count (core.pagination).
        events = AuditEvent.objects.filter(organisation_id=organisation_id).exclude(VP_EVENTS)
        window_page(events.order_by("-seq"), "1", 50)

    def verify() -> None:
        result = verify_chain(chain_key(organisation_id), ring=audit_keyring())
        if result.chain_break is not None:
            raise SystemExit(f"the measured chain is broken: {result.chain_break}")

    out = []
    for name, fn, runs in [
        ("append one timeline event", timeline_insert, RUNS),
        ("append one audit event", audit_insert, RUNS),
        ("case timeline (50 events)", timeline_read, RUNS),
        ("audit log page 1, counting pager (100,000 events)", audit_page_counted, RUNS),
        ("audit log page 1, window pager (100,000 events)", audit_page, RUNS),
        *([("audit_verify of one chain (100,000 events)", verify, 3)] if verify_chain_too else []),
    ]:
        median, worst = _timed(fn, runs)
        out.append((label, name, median, worst))
        print(f"  {name:58} median {median:9.1f} ms   max {worst:9.1f} ms", flush=True)
    return out


def main() -> None:
    if os.environ.get("WERKVREDE_SCALE_MEASURE_ONLY"):
        # Again on the data already generated; the chain's key was the generating process's.
        first = Organisation.objects.filter(slug="schaal-0").values_list("pk", flat=True).get()
        user = User.objects.get(email="hr0@schaal.werkvrede.nl").pk
        case = Case.objects.filter(organisation_id=first).order_by("pk").values_list("pk", flat=True)[1000]
        measure("again", first, user, case, verify_chain_too=False)
        return
    if Case.objects.exists():
        raise SystemExit("run against an empty, migrated scratch database")
    started = time.monotonic()
    organisation_ids, users = _setup()
    user_of = dict(zip(organisation_ids, users, strict=True))
    first = organisation_ids[0]
    _valid_chain(first, user_of[first])
    case_ids = list(Case.objects.order_by("pk").values_list("pk", flat=True))
    of_first = Case.objects.filter(organisation_id=first).order_by("pk")
    measured_case = of_first.values_list("pk", flat=True)[1000]
    tenth = len(case_ids) // 10
    _bulk_timeline(case_ids[0], case_ids[tenth - 1])
    _bulk_audit(organisation_ids[1:10], user_of)
    print(f"1,000,000 rows each generated in {time.monotonic() - started:.0f} s", flush=True)
    results = measure("1,000,000 rows", first, user_of[first], measured_case)
    _bulk_timeline(case_ids[tenth], case_ids[-1])
    _bulk_audit(organisation_ids[10:], user_of)
    print(f"10,000,000 rows each generated after {time.monotonic() - started:.0f} s", flush=True)
    results += measure("10,000,000 rows", first, user_of[first], measured_case)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_size_pretty(pg_total_relation_size('cases_timelineevent')),"
            " pg_size_pretty(pg_total_relation_size('audit_auditevent'))"
        )
        sizes = cursor.fetchone()
    print(f"\ntable sizes with indexes: timeline {sizes[0]}, audit {sizes[1]}")


if __name__ == "__main__":
    main()
