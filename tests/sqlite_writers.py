"""People saving at once into one SQLite file: threads, each with its own connection (ADR 0140).

The file holds the schema and one organisation of three writers (`prepared`). Each thread
connects to it with the settings under test and writes through the services, as a form post would:
every fifth write opens a case (a new reference number), the others add an account to one shared
case (note, timeline event, audit event, all on the one audit chain). Every write has its own text
or description, so a check afterwards finds each saved write exactly once and no failed one.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.db import connection, connections
from django.db.utils import load_backend

from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.models import Membership
from werkvrede.accounts.services import membership_grant, organisation_create, user_create
from werkvrede.audit.verify import verify_all
from werkvrede.cases import services
from werkvrede.cases.models import Case, CaseNote, CaseRole, TimelineEvent
from werkvrede.config.database import SQLITE_ENGINE, with_backend
from werkvrede.core.roles import Role


def copy_test_database(path: Path) -> None:
    """Copy the SQLite test database (schema, triggers, the shared world) into the file `path`."""
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def file_database(path: Path, *, tuned: bool = True, timeout: float | None = None) -> dict[str, Any]:
    """A complete DATABASES entry for the SQLite file `path`: as the settings make it (with another
    busy timeout when given), or Django's plain backend without options (before ADR 0140)."""
    entry: dict[str, Any] = {"ENGINE": SQLITE_ENGINE, "NAME": str(path)}
    if timeout is not None:
        entry["OPTIONS"] = {"timeout": timeout}
    if tuned:
        entry = with_backend(entry)
    return dict(connections.configure_settings({"default": entry})["default"])


@contextmanager
def connected_to(database: dict[str, Any]) -> Iterator[None]:
    """In this thread only, `default` is a new connection to `database`; the old one is put back."""
    previous = connections["default"]
    wrapper = load_backend(database["ENGINE"]).DatabaseWrapper(database, "default")
    connections["default"] = wrapper
    try:
        yield
    finally:
        wrapper.close()
        connections["default"] = previous


def prepared(path: Path, database: dict[str, Any]) -> list[tuple[Membership, CaseRole]]:
    """The file `path` with the schema and an organisation of three people who may write accounts.

    In the SQLite pass the schema is a copy of the test database (milliseconds); in the PostgreSQL
    pass (`make soak`) the file is migrated. Returns each person's membership and case role.
    """
    copy = connection.vendor == "sqlite"
    if copy:
        copy_test_database(path)
    with connected_to(database):
        if not copy:
            call_command("migrate", interactive=False, verbosity=0)
        organisation = organisation_create(name="Schrijvers", slug="schrijvers")
        people = []
        for role, case_role in WRITERS:
            email = f"{role.value.lower()}@schrijvers.test"
            user = user_create(email=email, full_name=str(role.label), password=None)
            people.append((membership_grant(user=user, organisation=organisation, roles=[role]), case_role))
    return people


# Who writes: people who may write their own account in a case (the casemanager may not).
WRITERS = (
    (Role.HR_ADVISER, CaseRole.HR_ADVISER),
    (Role.EMPLOYEE, CaseRole.EMPLOYEE),
    (Role.LINE_MANAGER, CaseRole.LINE_MANAGER),
)


@dataclass
class Outcome:
    """What the writers did: the texts of the writes that succeeded, and the errors of the others."""

    saved_notes: set[str] = field(default_factory=set)
    saved_cases: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def attempted(self) -> int:
        return len(self.saved_notes) + len(self.saved_cases) + len(self.errors)

    @property
    def per_second(self) -> float:
        return (len(self.saved_notes) + len(self.saved_cases)) / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Stored:
    """What the file holds afterwards."""

    notes: list[str]
    cases: list[str]
    references: list[str]
    timeline_events: int
    audit_breaks: list[str]


def run_writers(
    database: dict[str, Any], *, people: list[tuple[Membership, CaseRole]], writers: int, writes: int
) -> tuple[Outcome, int]:
    """`writers` threads released together, each making `writes` saves as one of `people`.

    The first person opens the shared case and gives the others their case role in it. Returns the
    outcome and the id of the shared case.
    """
    users = [membership.user for membership, _ in people]
    organisation_id = people[0][0].organisation_id
    with connected_to(database):
        opener = actor_for(users[0], organisation_id)
        case = services.case_signal(actor=opener, data=_signal(""))
        for membership, role in people[1:]:
            services.participant_add(actor=opener, case_id=case.pk, membership_id=membership.pk, role=role)
    outcome = Outcome()
    lock = threading.Lock()
    barrier = threading.Barrier(writers + 1)

    def writer(index: int) -> None:
        with connected_to(database):
            actor = actor_for(users[index % len(users)], organisation_id)
            barrier.wait()
            for n in range(writes):
                text = f"w{index}-n{n}"
                try:
                    if n % 5 == 4:
                        services.case_signal(actor=actor, data=_signal(text))
                        saved = outcome.saved_cases
                    else:
                        services.note_add(
                            actor=actor, case_id=case.pk, text=text, visibility=CaseNote.Visibility.HANDLERS
                        )
                        saved = outcome.saved_notes
                except Exception as exc:  # counted: the point is how many saves fail
                    with lock:
                        outcome.errors.append(f"{text}: {type(exc).__name__}: {exc}")
                else:
                    with lock:
                        saved.add(text)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    outcome.seconds = time.perf_counter() - started
    return outcome, case.pk


def stored(database: dict[str, Any], case_id: int) -> Stored:
    """The writers' notes and cases as the file holds them, and whether the audit chains verify."""
    with connected_to(database):
        notes = [n.text for n in CaseNote.objects.filter(case_id=case_id)]
        signalled = Case.objects.exclude(pk=case_id).filter(signalled_on=SIGNALLED_ON)
        cases = [n.text for n in CaseNote.objects.filter(case__in=signalled)]
        references = list(signalled.values_list("reference", flat=True))
        timeline = TimelineEvent.objects.filter(case_id=case_id, kind="note.added").count()
        report = verify_all(anchor_file="")
        breaks = [str(b) for b in report.breaks]
    return Stored(notes, cases, references, timeline, breaks)


SIGNALLED_ON = date(2025, 6, 2)


def _signal(description: str) -> services.SignalInput:
    return services.SignalInput(
        signalled_on=SIGNALLED_ON,
        employee_membership_id=None,
        employee_name="Sanne",
        other_party_name="de teamleider",
        other_party_membership_id=None,
        description=description,
        description_visibility=CaseNote.Visibility.HANDLERS,
    )
