"""Generate a large organisation for `make bench`: 100,000 cases with parties, roles, timeline and deadlines.

Idempotent: an organisation that already has the cases is kept. Prints its progress.
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkvrede.config.settings.bench")
django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from werkvrede.accounts.models import Membership, Organisation, RoleGrant, User  # noqa: E402
from werkvrede.cases.models import (  # noqa: E402
    Case,
    CaseDeadline,
    CaseParticipant,
    CaseParty,
    CaseState,
    TimelineEvent,
)

ORGANISATION_SLUG = "bench-bv"
BENCH_HR_EMAIL = "hr@bench.werkvrede.nl"
EMPLOYEES = 2_000
MANAGERS = 200
BATCH = 2_000
CODES = [
    ("T-03", ",BA,", "D10"),
    ("T-04", ",CM,LG,WN,", "D10"),
    ("T-16", ",BA,HR,LG,", "D09"),
    ("T-06", ",LG,", "D10"),
]


def _people(organisation: Organisation) -> tuple[User, list[User], list[User]]:
    hr = User.objects.filter(email=BENCH_HR_EMAIL).first()
    if hr is None:
        hr = User.objects.create_user(email=BENCH_HR_EMAIL, full_name="Bench HR", password=None)
        membership = Membership.objects.create(user=hr, organisation=organisation)
        RoleGrant.objects.create(membership=membership, role="HR")
    existing = list(User.objects.filter(email__startswith="wn").filter(email__endswith="@bench.werkvrede.nl"))
    if not existing:
        users = User.objects.bulk_create(
            [User(email=f"wn{i}@bench.werkvrede.nl", full_name=f"Werknemer {i}") for i in range(EMPLOYEES)]
            + [
                User(email=f"lg{i}@bench.werkvrede.nl", full_name=f"Leidinggevende {i}")
                for i in range(MANAGERS)
            ]
        )
        memberships = Membership.objects.bulk_create(
            [Membership(user=u, organisation=organisation) for u in users]
        )
        RoleGrant.objects.bulk_create(
            [
                RoleGrant(membership=m, role="WN" if m.user.email.startswith("wn") else "LG")
                for m in memberships
            ]
        )
        existing = users
    employees = [u for u in existing if u.email.startswith("wn")]
    managers = list(User.objects.filter(email__startswith="lg", email__endswith="@bench.werkvrede.nl"))
    return hr, employees, managers


def generate(total: int) -> None:
    organisation, _ = Organisation.objects.get_or_create(
        slug=ORGANISATION_SLUG, defaults={"name": "Bench BV"}
    )
    hr, employees, managers = _people(organisation)
    have = Case.objects.filter(organisation=organisation).count()
    if have >= total:
        print(f"bench data present: {have} cases")
        _analyze()
        return
    rng = random.Random(42)  # noqa: S311 - reproducible data, not security
    today = timezone.localdate()
    states = [
        CaseState.SIGNALLED,
        CaseState.INTAKE,
        CaseState.OWN_CONVERSATION,
        CaseState.FACILITATED_CONVERSATION,
    ]
    started = time.monotonic()
    for first in range(have, total, BATCH):
        n = min(BATCH, total - first)
        with transaction.atomic():
            cases = Case.objects.bulk_create(
                [
                    Case(
                        organisation=organisation,
                        reference=f"B-{first + i + 1:07d}",
                        state=rng.choice(states),
                        signalled_on=today - timedelta(days=rng.randint(0, 700)),
                        signalled_by=hr,
                        signalled_as="HR",
                        configuration="INDIVIDUAL_INDIVIDUAL",
                        domains=["RELATIONS"],
                    )
                    for i in range(n)
                ]
            )
            parties, participants, events, deadlines = [], [], [], []
            for case in cases:
                employee, manager = rng.choice(employees), rng.choice(managers)
                parties += [
                    CaseParty(
                        case=case, side="WN", user=employee, name=employee.full_name, feels_obstructed=True
                    ),
                    CaseParty(case=case, side="WP", user=manager, name=manager.full_name),
                ]
                participants += [
                    CaseParticipant(case=case, user=employee, role="WN"),
                    CaseParticipant(case=case, user=manager, role="LG"),
                    CaseParticipant(case=case, user=hr, role="HR"),
                ]
                events += [
                    TimelineEvent(case=case, kind="case.signalled", actor=hr, actor_role="HR"),
                    TimelineEvent(case=case, kind="case.intake_completed", actor=hr, actor_role="HR"),
                ]
                for code, owners, category in rng.sample(CODES, rng.randint(0, 3)):
                    deadlines.append(
                        CaseDeadline(
                            case=case,
                            organisation=organisation,
                            code=code,
                            category=category,
                            status="PENDING",
                            due=today + timedelta(days=rng.randint(-60, 120)),
                            owner_roles=owners,
                            basis="R-150",
                            guideline_version="bench",
                        )
                    )
            CaseParty.objects.bulk_create(parties)
            CaseParticipant.objects.bulk_create(participants)
            TimelineEvent.objects.bulk_create(events)
            CaseDeadline.objects.bulk_create(deadlines)
        done = first + n
        rate = (done - have) / max(time.monotonic() - started, 0.001)
        print(f"  generated {done:>7} of {total} cases ({rate:,.0f}/s)", flush=True)
    _analyze()


def _analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics after a bulk load


if __name__ == "__main__":
    generate(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
