"""`make bench-mix`: a realistic load mix on PostgreSQL, and a check that no organisation sees another's data.

Many people of many organisations at once (ADR 0194): 20 organisations of 2 HR advisers and 8
employees each, every person logged in with their own session; 50 connections for 60 s send 80 %
reads (start page, case list and case in HTML and API, the sick report tab, the mediation list) and
20 % writes (a note added to a case through the API, a conflict signalled through the API). Each
organisation's data carries its own marker (in its name, case references, names and notes); every
answer is scanned for the markers of the other organisations. Printed: p50, p95 and p99 per request
kind, the errors (any answer but the expected status) and the foreign markers found; both must be
0. The table is written to docs/benchmarks-mix.md.

The client is Python (threads, one keep-alive connection each, standard library only): wrk's Lua has
no wall clock to time one kind of request apart from the others. `WERKVREDE_MIX_SECONDS`,
`WERKVREDE_MIX_CONNECTIONS`, `WERKVREDE_MIX_ORGANISATIONS` and `WERKVREDE_MIX_WORKERS` (gunicorn
workers) change the defaults. The people and their cases are made once, in the bench database.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import secrets
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

# The sessions are made as the page bench makes them (tools/bench/session.py), beside this file.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from session import session_key

REPO = Path(__file__).resolve().parents[2]
ORGANISATIONS = int(os.environ.get("WERKVREDE_MIX_ORGANISATIONS", "20"))
SECONDS = float(os.environ.get("WERKVREDE_MIX_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("WERKVREDE_MIX_CONNECTIONS", "50"))
WORKERS = int(os.environ.get("WERKVREDE_MIX_WORKERS", "4"))
PORT = int(os.environ.get("WERKVREDE_MIX_PORT", "8124"))
HR_PER_ORGANISATION = 2
EMPLOYEES_PER_ORGANISATION = 8
CASES_PER_EMPLOYEE = 3
WRITE_SHARE = 0.2
MARKER = re.compile(r"Mixmerk(\d{3})x")
OUTPUT = REPO / "docs" / "benchmarks-mix.md"


def marker_of(index: int) -> str:
    """The organisation's marker: in its name, its case references, names and notes."""
    return f"Mixmerk{index:03d}x"


def foreign_markers(body: str, own: int) -> set[int]:
    """The organisations other than `own` whose marker occurs in `body`."""
    return {int(m) for m in MARKER.findall(body)} - {own}


@dataclass(frozen=True)
class Person:
    session: str
    hr: bool
    case_ids: tuple[int, ...]  # the cases this person is in
    membership_id: int


@dataclass(frozen=True)
class Organisation:
    index: int
    people: tuple[Person, ...]

    @property
    def handlers(self) -> list[Person]:
        return [p for p in self.people if p.hr]

    @property
    def employee_memberships(self) -> list[int]:
        return [p.membership_id for p in self.people if not p.hr]


# --- The people, their cases and their sessions (ORM, in the database the server uses) ----------------


def prepare(organisations: int) -> list[Organisation]:
    """The mix's organisations with their people and cases (made when missing), and fresh sessions."""
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from werkvrede.accounts.models import Membership, RoleGrant, User
    from werkvrede.accounts.models import Organisation as Org
    from werkvrede.cases.models import Case, CaseParticipant, CaseParty, TimelineEvent

    out = []
    for i in range(organisations):
        marker = marker_of(i)
        org, created = Org.objects.get_or_create(slug=f"mix-{i:03d}", defaults={"name": f"Mix {marker}"})
        if created:
            people = []
            for n in range(HR_PER_ORGANISATION + EMPLOYEES_PER_ORGANISATION):
                hr = n < HR_PER_ORGANISATION
                user = User.objects.create_user(
                    email=f"{'hr' if hr else 'wn'}{n}@mix-{i:03d}.bench.werkvrede.nl",
                    full_name=f"{'HR' if hr else 'Werknemer'} {n} {marker}",
                    password=None,
                )
                membership = Membership.objects.create(user=user, organisation=org)
                RoleGrant.objects.create(membership=membership, role="HR" if hr else "WN")
                if hr:
                    TOTPDevice.objects.create(user=user, name="totp", confirmed=True)
                people.append(user)
            handlers = people[:HR_PER_ORGANISATION]
            for e, employee in enumerate(people[HR_PER_ORGANISATION:]):
                for c in range(CASES_PER_EMPLOYEE):
                    handler = handlers[(e + c) % len(handlers)]
                    case = Case.objects.create(
                        organisation=org,
                        reference=f"{marker}-{e}-{c}",
                        signalled_on=timezone.localdate() - timedelta(days=c * 30),
                        signalled_by=handler,
                        signalled_as="HR",
                        configuration="INDIVIDUAL_INDIVIDUAL",
                        domains=["RELATIONS"],
                    )
                    CaseParty.objects.create(case=case, side="WN", user=employee, name=employee.full_name)
                    CaseParty.objects.create(case=case, side="WP", name=f"Leidinggevende {marker}")
                    CaseParticipant.objects.create(case=case, user=employee, role="WN")
                    for each in handlers:
                        CaseParticipant.objects.create(case=case, user=each, role="HR")
                    TimelineEvent.objects.create(
                        case=case, kind="case.signalled", actor=handler, actor_role="HR"
                    )
        people_out = []
        for membership in Membership.objects.filter(organisation=org).select_related("user").order_by("pk"):
            user = membership.user
            hr = membership.grants.filter(role="HR").exists()
            device_id = TOTPDevice.objects.get(user=user).persistent_id if hr else None
            key = session_key(user, org.pk, device_id=device_id)
            cases = Case.objects.filter(organisation=org, participants__user=user).order_by("pk")
            ids = tuple(cases.values_list("pk", flat=True).distinct())
            people_out.append(Person(key, hr, ids, membership.pk))
        out.append(Organisation(i, tuple(people_out)))
    return out


# --- The load -------------------------------------------------------------------------------------------


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    leaks: list[str] = field(default_factory=list)
    error_samples: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for kind, values in other.latencies.items():
            self.latencies.setdefault(kind, []).extend(values)
        for kind, n in other.errors.items():
            self.errors[kind] = self.errors.get(kind, 0) + n
        self.leaks += other.leaks
        self.error_samples += other.error_samples


Request = tuple[str, str, str, bytes | None, int]  # kind, method, path, body, expected status
READS: list[tuple[str, Callable[[Person, random.Random], tuple[str, str]]]] = [
    ("start page", lambda p, r: ("GET", "/")),
    ("case list (HTML)", lambda p, r: ("GET", "/zaken/")),
    ("case (HTML)", lambda p, r: ("GET", f"/zaken/{r.choice(p.case_ids)}/")),
    ("case list (API)", lambda p, r: ("GET", "/api/v1/cases")),
    ("case (API)", lambda p, r: ("GET", f"/api/v1/cases/{r.choice(p.case_ids)}")),
    ("sick report tab", lambda p, r: ("GET", f"/ziekmelding/{r.choice(p.case_ids)}/")),
    ("mediation list", lambda p, r: ("GET", "/mediation/")),
]


def next_request(organisation: Organisation, rng: random.Random) -> tuple[Person, Request]:
    from django.utils import timezone

    if rng.random() < WRITE_SHARE:
        person = rng.choice(organisation.handlers)
        marker = marker_of(organisation.index)
        if rng.random() < 0.5:
            body: dict[str, object] = {
                "text": f"Gesprek gevoerd {marker} {rng.random()}",
                "visibility": "HANDLERS",
            }
            path = f"/api/v1/cases/{rng.choice(person.case_ids)}/notes"
            return person, ("add a note (API)", "POST", path, json.dumps(body).encode(), 201)
        body = {
            "signalled_on": timezone.localdate().isoformat(),
            "employee_membership_id": rng.choice(organisation.employee_memberships),
            "other_party_name": f"Collega {marker}",
            "description": f"Spanning in het team {marker}",
        }
        return person, ("signal a conflict (API)", "POST", "/api/v1/cases", json.dumps(body).encode(), 201)
    person = rng.choice(organisation.people)
    kind, make = rng.choice(READS)
    method, path = make(person, rng)
    return person, (kind, method, path, None, 200)


def worker(
    base: str, organisations: list[Organisation], deadline: float, seed: int, tally: Tally, limit: int | None
) -> None:
    rng = random.Random(seed)  # noqa: S311 - a load mix, not security
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=60)
    csrf = secrets.token_hex(16)  # Django accepts a token the client chose when cookie and header match
    sent = 0
    while time.monotonic() < deadline and (limit is None or sent < limit):
        sent += 1
        organisation = rng.choice(organisations)
        person, (kind, method, path, body, expected) = next_request(organisation, rng)
        headers = {"Cookie": f"sessionid={person.session}; csrftoken={csrf}", "Host": url.netloc}
        if method == "POST":
            headers |= {
                "Content-Type": "application/json",
                "X-CSRFToken": csrf,
                "Idempotency-Key": str(uuid.uuid4()),
            }
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            connection.close()
            status, content = 0, repr(exc)
        elapsed = (time.perf_counter() - started) * 1000
        tally.latencies.setdefault(kind, []).append(elapsed)
        if status != expected:
            tally.errors[kind] = tally.errors.get(kind, 0) + 1
            if len(tally.error_samples) < 5:
                tally.error_samples.append(f"{method} {path}: {status} {content[:200]}")
        found = foreign_markers(content, organisation.index)
        if found:
            tally.leaks.append(f"{method} {path} (organisation {organisation.index}) shows {sorted(found)}")
    connection.close()


def run(
    base: str, organisations: list[Organisation], seconds: float, connections: int, limit: int | None = None
) -> Tally:
    """The mix for `seconds` (or `limit` requests per connection, whichever comes first)."""
    deadline = time.monotonic() + seconds
    tallies = [Tally() for _ in range(connections)]
    threads = [
        threading.Thread(
            target=worker, args=(base, organisations, deadline, n, tallies[n], limit), daemon=True
        )
        for n in range(connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = Tally()
    for tally in tallies:
        total.add(tally)
    return total


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def table(tally: Tally, seconds: float) -> str:
    lines = [
        "| request kind | requests | share | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    total = sum(len(v) for v in tally.latencies.values())
    order = [kind for kind, _ in READS] + ["add a note (API)", "signal a conflict (API)"]
    for kind in sorted(tally.latencies, key=lambda k: order.index(k) if k in order else len(order)):
        values = tally.latencies[kind]
        lines.append(
            f"| {kind} | {len(values)} | {len(values) / max(total, 1):.0%} | {statistics.median(values):.0f} "
            f"| {percentile(values, 95):.0f} | {percentile(values, 99):.0f} | {tally.errors.get(kind, 0)} |"
        )
    every = [v for values in tally.latencies.values() for v in values]
    if every:
        lines.append(
            f"| **all** | {total} ({total / seconds:.0f}/s) | 100% | {statistics.median(every):.0f} "
            f"| {percentile(every, 95):.0f} | {percentile(every, 99):.0f} | {sum(tally.errors.values())} |"
        )
    return "\n".join(lines)


# --- make bench-mix ---------------------------------------------------------------------------------------


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkvrede.config.settings.bench")
    import django

    django.setup()
    env = {**os.environ}
    py = REPO / ".venv" / "bin" / "python"
    subprocess.run([str(py), "manage.py", "migrate", "--noinput", "-v0"], env=env, check=True, cwd=REPO)  # noqa: S603
    organisations = prepare(ORGANISATIONS)
    command = [
        str(REPO / ".venv" / "bin" / "gunicorn"),
        "werkvrede.config.wsgi",
        "--workers",
        str(WORKERS),
        "--bind",
        f"127.0.0.1:{PORT}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, env=env, cwd=REPO)  # noqa: S603
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/health/", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        load = os.getloadavg()[0]
        tally = run(base, organisations, SECONDS, CONNECTIONS)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    people = sum(len(o.people) for o in organisations)
    setup = (
        f"{len(organisations)} organisations, {people} people each with their own session; "
        f"{CONNECTIONS} connections for {SECONDS:.0f} s; gunicorn {WORKERS} sync workers; PostgreSQL; "
        f"{os.cpu_count()} CPU cores shared by server, database and client "
        f"(load average {load:.1f} when it started: other work on the machine slows every figure)"
    )
    result = table(tally, SECONDS)
    verdict = (
        f"Errors: {sum(tally.errors.values())}. Answers showing another organisation's marker: "
        f"{len(tally.leaks)}."
    )
    print(f"\nWerkvrede load mix: {setup}\n\n{result}\n\n{verdict}")
    for sample in tally.error_samples + tally.leaks[:5]:
        print("  ", sample)
    OUTPUT.write_text(
        "# Load mix: many people of many organisations at once\n\n"
        "Written by `make bench-mix` (tools/bench/mix.py, docs/adr/0194-a-realistic-load-mix.md): "
        "80 % reads, 20 % writes; every answer scanned for other organisations' markers.\n\n"
        f"{setup}.\n\n{result}\n\n{verdict}\n"
    )
    if tally.errors or tally.leaks:
        sys.exit(1)


if __name__ == "__main__":
    main()
