"""Kill the web process in the middle of multi-step writes, then check that nothing is half-written.

A real gunicorn server (production settings, one worker, the application preloaded) serves the test
database over real HTTP. Three writes are driven through the JSON API with logged-in sessions:

- a case signalled with its two parties, participants, timeline and audit event;
- a case referred to mediation with its parties, mediator and an e-mail invitation of a party
  without an account (a user, an invitation and a queued e-mail);
- the last signature of a mediation agreement: the signature locks the document, the mediation
  starts, and the referrer gets a notification with its queued e-mail.

Each request is cut by SIGKILL after a random delay (seeded RNG; the seed is printed). Usually the
worker is killed and the master forks a new one; every `full_restart_every`-th kill takes the whole
server down and starts it again. Afterwards the invariants are checked in this process, the task
worker sends the queue to a real SMTP server, and the audit chains are verified (docs/operations.md).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import World, logged_in
from tests.smtp import Mailbox, free_port, smtp_server
from werkvrede.accounts.invitations import MAIL_KIND as INVITATION_MAIL
from werkvrede.accounts.models import Invitation
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import Case, CaseParticipant, CaseParty, TimelineEvent
from werkvrede.cases.tests.helpers import signal as case_signalled
from werkvrede.core.roles import Role
from werkvrede.documents.models import Document, DocumentKind, Signature
from werkvrede.mediation import services as mediation
from werkvrede.mediation.models import Mediation, MediationParty
from werkvrede.mediation.selectors import PARTY_INVITATION_PURPOSE
from werkvrede.mediation.tests.helpers import FULL_AGREEMENT, actor, in_intake, sign
from werkvrede.notifications.models import Notification, OutgoingMail
from werkvrede.notifications.outbox import outgoing_mail_send_due
from werkvrede.notifications.services import MAIL_KIND as NOTIFICATION_MAIL

REPO = Path(__file__).resolve().parents[2]
MANAGE = str(REPO / "manage.py")
KINDS = ("case", "referral", "signature")


def _pause() -> None:
    time.sleep(0.05)


class Server:
    """gunicorn with one worker; the worker (or the whole server) is killed with SIGKILL."""

    def __init__(self, env: dict[str, str], port: int, log: Path) -> None:
        self.env, self.port, self.log = env, port, log
        self.master: subprocess.Popen[bytes] | None = None
        self.base_url = f"http://127.0.0.1:{port}"

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.master = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "tests.crash.wsgi",
                    "--workers",
                    "1",
                    "--preload",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                ],
                env=self.env,
                cwd=str(REPO),
                stdout=out,
                stderr=out,
                start_new_session=True,  # its own process group: a full kill takes master and worker
            )
        self.wait_ready()

    def worker(self) -> int | None:
        """The master's child (the worker), from /proc: its list of children, or every process's parent."""
        assert self.master is not None
        master = self.master.pid
        children = Path(f"/proc/{master}/task/{master}/children")
        if children.exists():
            pids = children.read_text().split()
            return int(pids[0]) if pids else None
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
            if int(fields[1]) == master:  # after the name: state, then the parent's id
                return int(stat.parent.name)
        return None

    def wait_ready(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while True:
            assert self.master is not None and self.master.poll() is None, self._tail()
            try:
                response = requests.get(
                    self.base_url + "/health/", headers={"X-Forwarded-Proto": "https"}, timeout=10
                )
                if response.status_code == 200 and self.worker() is not None:
                    return
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, (
                f"gunicorn did not answer /health/ in {seconds} s\n{self._tail()}"
            )
            _pause()

    def kill_worker(self) -> None:
        pid = self.worker()
        assert pid is not None, "no worker to kill"
        os.kill(pid, signal.SIGKILL)
        # Until the master has reaped it, the dead worker is still its child: wait for the new one.
        deadline = time.monotonic() + 30
        while self.worker() in (pid, None):
            assert time.monotonic() < deadline, "no new worker after the kill"
            _pause()

    def kill_all(self) -> None:
        assert self.master is not None
        os.killpg(self.master.pid, signal.SIGKILL)
        self.master.wait(timeout=30)

    def stop(self) -> None:
        if self.master is not None and self.master.poll() is None:
            os.killpg(self.master.pid, signal.SIGTERM)
            try:
                self.master.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.master.pid, signal.SIGKILL)
                self.master.wait(timeout=30)

    def _tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""


class Api:
    """A logged-in person's session over real HTTP, as the TLS-terminating proxy forwards it."""

    def __init__(self, base_url: str, session_key: str) -> None:
        self.base_url = base_url
        token = secrets.token_hex(16)  # an unmasked CSRF secret of 32 characters
        self.headers = {
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={session_key}; {settings.CSRF_COOKIE_NAME}={token}",
            "X-CSRFToken": token,
            "X-Forwarded-Proto": "https",
            "Origin": base_url.replace("http://", "https://"),
            "Content-Type": "application/json",
        }

    def post(self, path: str, body: dict[str, Any]) -> requests.Response:
        return requests.post(
            self.base_url + "/api/v1" + path, data=json.dumps(body), headers=self.headers, timeout=60
        )


@dataclass
class Write:
    """One write to be cut: the request, and how to tell afterwards whether it was committed."""

    kind: str
    api: Api
    path: str
    body: dict[str, Any]
    committed: Callable[[], bool]


@dataclass
class Report:
    seed: int
    kills: int = 0
    full_restarts: int = 0
    cut: Counter[str] = field(default_factory=Counter)  # killed before the answer came
    answered: Counter[str] = field(default_factory=Counter)  # the answer came before the kill
    committed: Counter[str] = field(default_factory=Counter)
    committed_unanswered: Counter[str] = field(default_factory=Counter)  # cut after the commit
    rolled_back: Counter[str] = field(default_factory=Counter)
    typical_seconds: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    prepare_seconds: float = 0.0  # preparing the writes in this process
    restart_seconds: float = 0.0  # from the kill until the server answers again
    mails_by_worker: int = 0
    mails_by_safety_net: int = 0

    def summary(self) -> str:
        return (
            f"crash seed={self.seed} kills={self.kills} full_restarts={self.full_restarts} "
            f"cut={dict(self.cut)} answered={dict(self.answered)} committed={dict(self.committed)} "
            f"committed_unanswered={dict(self.committed_unanswered)} rolled_back={dict(self.rolled_back)} "
            f"typical_s={self.typical_seconds} "
            f"mails: worker={self.mails_by_worker} safety_net={self.mails_by_safety_net} "
            f"seconds={self.seconds:.1f} (preparing {self.prepare_seconds:.1f}, "
            f"restarting {self.restart_seconds:.1f})"
        )


class Workloads:
    """Prepares each write in this process (through the services) and says how to check it."""

    def __init__(self, world: World, base_url: str) -> None:
        self.world = world
        t = world.a
        self.sessions = {
            role: Api(base_url, logged_in(t.users[role]).cookies[settings.SESSION_COOKIE_NAME].value)
            for role in (Role.EMPLOYEE, Role.HR_ADVISER, Role.MEDIATOR)
        }
        self.serial = 0

    def make(self, kind: str) -> Write:
        self.serial += 1
        return {"case": self._case, "referral": self._referral, "signature": self._signature}[kind]()

    def _case(self) -> Write:
        t = self.world.a
        marker = f"Melding {self.serial} {secrets.token_hex(4)}"
        before = set(Case.objects.values_list("pk", flat=True))

        def committed() -> bool:
            return Case.objects.exclude(pk__in=before).exists()

        body = {
            "signalled_on": timezone.localdate().isoformat(),
            "other_party_membership_id": t.memberships[Role.LINE_MANAGER].pk,
            "description": marker,
        }
        return Write("case", self.sessions[Role.EMPLOYEE], "/cases", body, committed)

    def _referral(self) -> Write:
        t = self.world.a
        case = case_signalled(
            t.users[Role.EMPLOYEE], t.organisation.pk, employee=t.memberships[Role.EMPLOYEE]
        )
        party = CaseParty.objects.get(case=case, user__isnull=True)
        body = {
            "subject": "Samenwerking in het team",
            "parties": [{"user_id": t.users[Role.EMPLOYEE].pk, "side": "WN"}],
            "mediator_id": t.users[Role.MEDIATOR].pk,
            "invite": [{"case_party_id": party.pk, "email": f"partij{self.serial}@crash.test"}],
        }
        return Write(
            "referral",
            self.sessions[Role.HR_ADVISER],
            f"/cases/{case.pk}/mediations",
            body,
            lambda: Mediation.objects.filter(case=case).exists(),
        )

    def _signature(self) -> Write:
        m = in_intake(self.world)
        doc = mediation.agreement_draft(
            actor=actor(self.world, Role.MEDIATOR),
            mediation_id=m.pk,
            data=FULL_AGREEMENT,
            today=timezone.localdate(),
        )
        for role in (Role.EMPLOYEE, Role.LINE_MANAGER):
            sign(self.world, m, doc, role)
        body = {"typed_name": self.world.a.users[Role.MEDIATOR].full_name}
        return Write(
            "signature",
            self.sessions[Role.MEDIATOR],
            f"/mediations/{m.pk}/documents/{doc.pk}/signatures",
            body,
            lambda: Document.objects.filter(pk=doc.pk, locked_at__isnull=False).exists(),
        )


def _send(write: Write, into: list[Any]) -> None:
    try:
        into.append(write.api.post(write.path, write.body))
    except requests.RequestException as exc:
        into.append(exc)


def _timed(write: Write) -> float:
    started = time.monotonic()
    response = write.api.post(write.path, write.body)
    assert response.status_code in (200, 201), (write.kind, response.status_code, response.text[:2000])
    return time.monotonic() - started


@dataclass
class Harness:
    world: World
    tmp: Path
    seed: int
    delay: float = 0.003  # longest pause before each query in the server (WERKVREDE_CRASH_DELAY)
    full_restart_every: int = 10
    server: Server = field(init=False)
    env: dict[str, str] = field(init=False)

    @property
    def documents_dir(self) -> Path:
        return self.tmp / "documents"

    def __post_init__(self) -> None:
        port = free_port()
        config = connection.settings_dict
        user, host = config["USER"] or "postgres", config["HOST"] or "127.0.0.1"
        password = f":{config['PASSWORD']}" if config["PASSWORD"] else ""
        public_url = f"https://127.0.0.1:{port}"
        self.env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": os.environ.get("HOME", str(self.tmp)),
            "PYTHONPATH": str(REPO),
            "DJANGO_SETTINGS_MODULE": "tests.crash.server_settings",
            "DATABASE_URL": f"postgres://{user}{password}@{host}:{config['PORT'] or 5432}/{config['NAME']}",
            # The keys of this test process: it reads what the server writes, and verifies its audit chain.
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_CSRF_TRUSTED_ORIGINS": public_url,
            "WERKVREDE_DATA_DIR": str(self.tmp),
            # Where the server keeps signed documents' bytes, once documents store them.
            "WERKVREDE_DOCUMENTS_DIR": str(self.documents_dir),
            "WERKVREDE_DATA_KEYS": settings.WERKVREDE_DATA_KEYS,
            "WERKVREDE_AUDIT_KEYS": settings.WERKVREDE_AUDIT_KEYS,
            "WERKVREDE_AUDIT_ANCHOR_FILE": str(self.tmp / "anchors.jsonl"),
            "WERKVREDE_BASE_URL": public_url,
            "WERKVREDE_FROM_EMAIL": "Werkvrede <werkvrede@organisatie.test>",
            "WERKVREDE_SMTP_HOST": "127.0.0.1",
            "WERKVREDE_SMTP_PORT": "25",  # the web process sends nothing; the worker gets the real port
            "WERKVREDE_SMTP_SECURITY": "none",
            "WERKVREDE_CRASH_DELAY": str(self.delay),
        }
        self.server = Server(self.env, port, self.tmp / "gunicorn.log")

    @contextmanager
    def running(self) -> Iterator[Server]:
        self.server.start()
        try:
            yield self.server
        finally:
            self.server.stop()

    def run(self, kills: int) -> Report:
        report = Report(seed=self.seed)
        rng = random.Random(self.seed)
        started = time.monotonic()
        with self.running() as server:
            workloads = Workloads(self.world, server.base_url)
            # Uncut, once each: the writes work, and how long they take sets the window for the kills.
            # The second time counts: the first also loads what a process loads once.
            for kind in KINDS:
                _timed(workloads.make(kind))
                report.typical_seconds[kind] = round(_timed(workloads.make(kind)), 3)
            while report.kills < kills:
                kind = rng.choice(KINDS)
                prepared = time.monotonic()
                write = workloads.make(kind)
                report.prepare_seconds += time.monotonic() - prepared
                answers: list[Any] = []
                sender = threading.Thread(target=_send, args=(write, answers))
                sender.start()
                # Up to twice the uncut time: most kills fall inside the write, some after its commit.
                time.sleep(rng.uniform(0, 2 * report.typical_seconds[kind]))
                report.kills += 1
                killed = time.monotonic()
                if report.kills % self.full_restart_every == 0:
                    server.kill_all()
                    report.full_restarts += 1
                    sender.join(timeout=60)
                    server.start()
                else:
                    server.kill_worker()
                    sender.join(timeout=60)
                    server.wait_ready()
                report.restart_seconds += time.monotonic() - killed
                assert not sender.is_alive(), "the request did not end after the kill"
                (answer,) = answers
                if isinstance(answer, requests.Response):
                    assert answer.status_code in (200, 201), (kind, answer.status_code, answer.text[:2000])
                    report.answered[kind] += 1
                else:
                    report.cut[kind] += 1
                if write.committed():
                    report.committed[kind] += 1
                    if not isinstance(answer, requests.Response):
                        report.committed_unanswered[kind] += 1
                else:
                    report.rolled_back[kind] += 1
            # After all the kills, every write still goes through.
            for kind in KINDS:
                _timed(workloads.make(kind))
        report.mails_by_worker, report.mails_by_safety_net = self.send_mail()
        report.seconds = time.monotonic() - started
        return report

    def send_mail(self) -> tuple[int, int]:
        """The task worker sends what it was handed; the safety net (`send_due_mail`'s service) the rest.

        A kill between a commit and the hand-over to the task worker leaves a queued mail without a
        task: the safety net, run from cron in production (README), sends it.
        """
        check_every_mail_has_its_task()
        with smtp_server() as mailbox:
            worker = subprocess.run(
                [sys.executable, MANAGE, "db_worker", "--batch", "--no-startup-delay"],
                env={**self.env, "WERKVREDE_SMTP_PORT": str(settings.EMAIL_PORT)},
                cwd=str(REPO),
                capture_output=True,
                text=True,
                timeout=600,
            )
            assert worker.returncode == 0, worker.stderr[-3000:]
            by_worker = len(mailbox.deliveries)
            outgoing_mail_send_due()
            check_mail_delivered(mailbox)
        return by_worker, len(mailbox.deliveries) - by_worker


# --- The invariants -------------------------------------------------------------------------------


def check_cases() -> int:
    """Every case whole: two parties, its participants, its timeline event and audit event."""
    cases = list(Case.objects.all())
    parties = Counter(CaseParty.objects.values_list("case_id", flat=True))
    participants = Counter(CaseParticipant.objects.values_list("case_id", flat=True))
    signalled = set(TimelineEvent.objects.filter(kind="case.signalled").values_list("case_id", flat=True))
    audited = set(
        AuditEvent.objects.filter(action="cases.case.signalled").values_list("object_id", flat=True)
    )
    for case in cases:
        assert parties[case.pk] == 2, f"case {case.pk} has {parties[case.pk]} parties"
        assert participants[case.pk] >= 1, f"case {case.pk} has no participants"
        assert case.pk in signalled, f"case {case.pk} has no timeline event"
        assert str(case.pk) in audited, f"case {case.pk} has no audit event"
    return len(cases)


def check_mediations() -> int:
    """Every referred mediation whole: parties, its audit event, its invitations and their e-mails."""
    mediations = list(Mediation.objects.all())
    parties = Counter(MediationParty.objects.values_list("mediation_id", flat=True))
    referred = set(
        AuditEvent.objects.filter(action="mediation.mediation.referred").values_list("object_id", flat=True)
    )
    for m in mediations:
        assert parties[m.pk] >= 1, f"mediation {m.pk} has no parties"
        assert str(m.pk) in referred, f"mediation {m.pk} has no audit event"
    mediation_ids = {m.pk for m in mediations}
    invitations = Invitation.objects.filter(purpose=PARTY_INVITATION_PURPOSE)
    mailed = set(OutgoingMail.objects.filter(kind=INVITATION_MAIL).values_list("reference", flat=True))
    for invitation in invitations:
        assert int(invitation.reference.partition(":")[0]) in mediation_ids, invitation.reference
        assert str(invitation.pk) in mailed, f"invitation {invitation.pk} has no queued e-mail"
    return len(mediations)


def _stored_bytes(doc: Document, documents_dir: Path) -> list[str]:
    """What is missing of a locked document's stored bytes, when the model stores them.

    A frozen document names each stored file (`<x>_name`) with its hash (`<x>_sha256`); the server
    keeps them under `documents_dir`. A model without such fields stores no bytes: nothing to miss.
    """
    names = {f.name for f in Document._meta.get_fields()}
    missing = []
    for name_field in sorted(n for n in names if n.endswith("_name") and f"{n[:-5]}_sha256" in names):
        name, digest = getattr(doc, name_field), getattr(doc, f"{name_field[:-5]}_sha256")
        path = documents_dir / name
        if not name or not digest or not path.is_file():
            missing.append(f"{name_field}={name!r}")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            missing.append(f"{name_field}={name!r} (other bytes)")
    return missing


def check_documents(documents_dir: Path) -> int:
    """Every locked document signed by all its signers (and its bytes stored); agreements move on."""
    signatures: dict[int, set[int]] = {}
    for document_id, user_id in Signature.objects.values_list("document_id", "user_id"):
        signatures.setdefault(document_id, set()).add(user_id)
    locked = 0
    for doc in Document.objects.all():
        signed = signatures.get(doc.pk, set())
        assert signed <= set(doc.signers), f"document {doc.pk}: a signature of someone not asked"
        if doc.locked_at is not None:
            locked += 1
            assert signed == set(doc.signers), f"document {doc.pk} locked without every signature"
            missing = _stored_bytes(doc, documents_dir)
            assert not missing, f"document {doc.pk} locked without its stored bytes: {missing}"
        else:
            assert signed != set(doc.signers) or not doc.signers, (
                f"document {doc.pk} signed by all, not locked"
            )
        if doc.kind == DocumentKind.MEDIATION_AGREEMENT and doc.superseded_by_id is None:
            m = Mediation.objects.get(pk=doc.owner_id)
            started = m.agreement_signed_on is not None
            assert started == (doc.locked_at is not None), f"mediation {m.pk}: started={started}, agreement"
            notified = Notification.objects.filter(
                key=f"mediation:{m.pk}:started:{m.referred_by_id}"
            ).exists()
            assert notified == started, f"mediation {m.pk}: started={started}, notified={notified}"
    return locked


def check_outbox() -> int:
    """Every queued e-mail belongs to committed work, and every notification has its e-mail."""
    notifications = set(Notification.objects.values_list("pk", flat=True))
    invitations = set(Invitation.objects.values_list("pk", flat=True))
    mails = list(OutgoingMail.objects.all())
    for mail in mails:
        if mail.kind == NOTIFICATION_MAIL:
            assert int(mail.reference) in notifications, f"mail {mail.pk} for a missing notification"
        elif mail.kind == INVITATION_MAIL:
            assert int(mail.reference) in invitations, f"mail {mail.pk} for a missing invitation"
    mailed = {int(m.reference) for m in mails if m.kind == NOTIFICATION_MAIL}
    assert notifications <= mailed, f"notifications without an e-mail: {sorted(notifications - mailed)}"
    return len(mails)


def check_every_mail_has_its_task() -> None:
    """Every e-mail waiting to be sent has its task for the worker (committed with it, ADR 0159)."""
    handed_over = {
        int(args_kwargs["args"][0])
        for args_kwargs in DBTaskResult.objects.filter(
            task_path__endswith="outgoing_mail_send_task"
        ).values_list("args_kwargs", flat=True)
    }
    waiting = OutgoingMail.objects.filter(
        sent_at__isnull=True, failed_at__isnull=True, skipped_at__isnull=True
    )
    without = sorted(set(waiting.values_list("pk", flat=True)) - handed_over)
    assert not without, f"queued e-mails without a task: {without}"


def check_mail_delivered(mailbox: Mailbox) -> None:
    """Each queued e-mail went out exactly once, to its own address; nothing else went out."""
    mails = list(OutgoingMail.objects.select_related("recipient"))
    unsent = [m.pk for m in mails if m.sent_at is None and m.skipped_at is None]
    assert not unsent, f"queued e-mails not sent: {unsent}"
    sent = Counter((m.recipient.email if m.recipient else m.address) for m in mails if m.sent_at)
    delivered = Counter(address for recipients, _message in mailbox.deliveries for address in recipients)
    assert delivered == sent, f"delivered {delivered} but sent {sent}"


def check_audit() -> None:
    call_command("audit_verify", stdout=io.StringIO())  # raises CommandError on a break


def check_all(documents_dir: Path) -> dict[str, int]:
    return {
        "cases": check_cases(),
        "mediations": check_mediations(),
        "locked_documents": check_documents(documents_dir),
        "queued_mails": check_outbox(),
    }


def seed_from_environment() -> int:
    """WERKVREDE_CRASH_SEED repeats a run; otherwise a fresh seed (printed with the result)."""
    given = os.environ.get("WERKVREDE_CRASH_SEED", "")
    return int(given) if given else random.SystemRandom().randrange(1, 2**31)


def report_line(report: Report, checked: dict[str, int]) -> str:
    return f"{report.summary()} checked={checked}"
