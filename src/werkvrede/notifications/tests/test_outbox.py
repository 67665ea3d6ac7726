"""The outbox against a real SMTP server (aiosmtpd on the loopback): delivered once, without content,
retried with backoff when refused, failed visibly to the Beheerder, and sent again on request."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from email.message import Message
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks import task_backends
from django_tasks.backends.dummy import DummyBackend

from conftest import World, logged_in
from tests.concurrency import at_once
from tests.smtp import Mailbox, free_port, smtp_server
from werkvrede.accounts.invitations import invitation_create
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import CaseNote
from werkvrede.cases.tests.helpers import signal
from werkvrede.core.roles import Role
from werkvrede.notifications import outbox
from werkvrede.notifications.models import Notification, OutgoingMail
from werkvrede.notifications.services import notify

BASE_URL = "https://werkvrede.example.nl"
SENDER = "Werkvrede <noreply@werkvrede.example.nl>"
MARKER = "MARKER-inhoud-van-de-zaak-7d41"
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


class Clock:
    """The outbox's time, moved by the test (never by sleeping)."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fixed = Clock(timezone.now().replace(microsecond=0))
    monkeypatch.setattr(outbox, "now", fixed)
    return fixed


@pytest.fixture
def smtp() -> Iterator[Mailbox]:
    with smtp_server() as mailbox, override_settings(WERKVREDE_BASE_URL=BASE_URL, DEFAULT_FROM_EMAIL=SENDER):
        yield mailbox


def body_of(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def _notify_physician(world: World) -> Notification:
    case = signal(
        world.a.users[Role.EMPLOYEE], world.a.organisation.pk, other=world.a.memberships[Role.LINE_MANAGER],
        description=MARKER, visibility=CaseNote.Visibility.SHARED,
    )  # fmt: skip
    (notification_id,) = notify(
        organisation_id=world.a.organisation.pk,
        recipient_ids=[world.a.users[Role.OCCUPATIONAL_PHYSICIAN].pk],
        kind=Notification.Kind.ADVICE_SENT,
        case_id=case.pk,
        key=f"test:{case.pk}",
    )
    return Notification.objects.get(pk=notification_id)


def test_mail_arrives_from_the_configured_sender_with_a_link_to_the_base_url_and_no_content(
    world: World, smtp: Mailbox, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    physician = world.a.users[Role.OCCUPATIONAL_PHYSICIAN]
    with django_capture_on_commit_callbacks(execute=True):
        notification = _notify_physician(world)
        invitation = invitation_create(
            organisation=world.a.organisation,
            email="nieuw@org-a.test",
            invited_name="Nieuwe Collega",
            roles=[Role.CASEMANAGER],
            invited_by_id=world.a.users[Role.ADMIN].pk,
            purpose="test",
        )
    (notice,) = smtp.to(physician.email)
    (invited,) = smtp.to("nieuw@org-a.test")
    assert len(smtp.deliveries) == 2
    for message in (notice, invited):
        assert message["From"] == SENDER
        text = f"{message['Subject']}\n{body_of(message)}"
        for secret in (MARKER, notification.case.reference if notification.case else "", "Nieuwe Collega"):
            assert secret not in text
        for user in world.a.users.values():
            assert user.full_name not in text
        assert "Organisatie A" not in text
    assert f"{BASE_URL}/zaken/{notification.case_id}/" in body_of(notice)
    assert f"{BASE_URL}/account/uitnodiging/?i=" in body_of(invited)
    # Nothing of the message is stored: no link, token, subject or body in the outbox.
    token = body_of(invited).split("?i=", 1)[1].split()[0]
    for row in OutgoingMail.objects.values():
        stored = " ".join(str(value) for value in row.values())
        assert token not in stored and BASE_URL not in stored and "Werkvrede:" not in stored
    mails = OutgoingMail.objects.order_by("pk")
    assert [(m.kind, m.recipient_role, m.attempts, m.sent_at is not None) for m in mails] == [
        ("notifications.notification", "BA", 1, True),
        ("accounts.invitation", "CM", 1, True),
    ]
    notification.refresh_from_db()
    assert notification.sent_at is not None
    sent = AuditEvent.objects.filter(action="accounts.invitation.sent", object_id=str(invitation.pk))
    assert sent.count() == 1


def test_a_mail_is_sent_once_however_often_its_task_runs(
    world: World, smtp: Mailbox, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _notify_physician(world)
    mail = OutgoingMail.objects.get()
    assert outbox.outgoing_mail_send(mail.pk) is False
    assert outbox.outgoing_mail_send_due() == 0
    assert len(smtp.deliveries) == 1


def _run_queued(backend: DummyBackend) -> list[datetime | None]:
    """Run what the task worker was given, in order; return the `run_after` of each task run."""
    runs: list[datetime | None] = []
    while backend.results:
        result = backend.results.pop(0)
        runs.append(result.task.run_after)
        result.task.call(*result.args, **result.kwargs)
    return runs


def test_a_refused_mail_is_retried_with_backoff_then_failed_visibly_and_resent_once(
    world: World,
    smtp: Mailbox,
    clock: Clock,
    client_as: Callable[..., Client],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    smtp.refuse = "451 4.3.0 Probeer het later / try again later"
    physician = world.a.users[Role.OCCUPATIONAL_PHYSICIAN]
    with override_settings(TASKS=DUMMY_TASKS):
        backend = task_backends["default"]
        assert isinstance(backend, DummyBackend)
        start = clock.now
        with django_capture_on_commit_callbacks(execute=True):
            _notify_physician(world)
        mail = OutgoingMail.objects.get()
        schedule: list[datetime | None] = []
        for _attempt in range(5):
            (queued,) = backend.results
            backend.results.clear()
            run_after = queued.task.run_after
            schedule.append(run_after)
            if run_after is not None:
                clock.now = run_after - timedelta(seconds=1)
                assert outbox.outgoing_mail_send(mail.pk) is False  # too early: no attempt
                clock.now = run_after
            with django_capture_on_commit_callbacks(execute=True):
                queued.task.call(*queued.args, **queued.kwargs)
        assert schedule[0] is None
        minutes = [round((at - start).total_seconds() / 60) for at in schedule[1:] if at is not None]
        assert minutes == [1, 1 + 5, 1 + 5 + 25, 1 + 5 + 25 + 125]
        assert backend.results == []  # no sixth attempt
        mail.refresh_from_db()
        assert mail.attempts == 5 and mail.failed_at is not None and mail.sent_at is None
        assert mail.last_error == "SMTPDataError"
        assert smtp.refused == 5 and smtp.deliveries == []
        failed = AuditEvent.objects.get(action="notifications.mail.failed")
        assert failed.organisation_id == world.a.organisation.pk and failed.outcome == "failed"

        # The Beheerder sees how many and to which role; never the address or content.
        admin = client_as(Role.ADMIN)
        page = admin.get("/e-mail/mislukt/").content.decode()
        assert "Bedrijfsarts" in page and physician.email not in page and MARKER not in page
        assert admin.get("/api/v1/mail/failed").json() == {
            "count": 1,
            "by_role": [{"recipient_role": "BA", "count": 1}],
        }
        other = logged_in(world.b.users[Role.ADMIN])
        assert other.get("/api/v1/mail/failed").json() == {"count": 0, "by_role": []}
        assert "Bedrijfsarts" not in other.get("/e-mail/mislukt/").content.decode()

        # The server works again; the Beheerder sends the failed mail again: it arrives once.
        smtp.refuse = None
        assert "opnieuw" in admin.get("/e-mail/mislukt/opnieuw-versturen/").content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            response = admin.post("/e-mail/mislukt/opnieuw-versturen/")
        assert response.status_code == 302
        assert _run_queued(backend) == [None]
        assert outbox.outgoing_mail_send(mail.pk) is False
        assert len(smtp.to(physician.email)) == 1 and len(smtp.deliveries) == 1
        mail.refresh_from_db()
        assert mail.sent_at is not None and mail.failed_at is None
        resent = AuditEvent.objects.get(action="notifications.mail.resent")
        assert resent.user_id == world.a.users[Role.ADMIN].pk and resent.data == {"mails": 1}
        assert admin.get("/api/v1/mail/failed").json()["count"] == 0


def test_a_closed_port_fails_too_and_the_command_sends_it_again(
    world: World, smtp: Mailbox, clock: Clock, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with override_settings(EMAIL_PORT=free_port(), WERKVREDE_MAIL_MAX_ATTEMPTS=2):
        with django_capture_on_commit_callbacks(execute=True):
            _notify_physician(world)  # the immediate backend runs the first attempt; it cannot wait
        mail = OutgoingMail.objects.get()
        assert mail.attempts == 1 and mail.last_error == "ConnectionRefusedError"
        assert mail.next_attempt_at == clock.now + timedelta(minutes=1)
        assert outbox.outgoing_mail_send_due() == 0  # not due yet
        clock.now = mail.next_attempt_at
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_due_mail", stdout=out)  # the second and last attempt, refused too
        assert out.getvalue().strip() == "0 e-mail(s) sent"
        mail.refresh_from_db()
        assert mail.failed_at is not None and mail.attempts == 2
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("resend_failed_mail", "--organisation", "org-b", stdout=out)
    assert out.getvalue().strip() == "0 failed e-mail(s) queued again"
    assert smtp.deliveries == []
    with django_capture_on_commit_callbacks(execute=True):
        call_command("resend_failed_mail", "--organisation", "org-a", stdout=out)
    assert out.getvalue().splitlines()[-1] == "1 failed e-mail(s) queued again"
    assert len(smtp.to(world.a.users[Role.OCCUPATIONAL_PHYSICIAN].email)) == 1
    event = AuditEvent.objects.get(action="notifications.mail.resent")
    assert event.organisation_id == world.a.organisation.pk and event.data == {"mails": 1, "by": "command"}


def test_a_mail_whose_object_is_gone_is_skipped_not_sent(
    world: World, smtp: Mailbox, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with override_settings(TASKS=DUMMY_TASKS):
        with django_capture_on_commit_callbacks(execute=True):
            invitation = invitation_create(
                organisation=world.a.organisation,
                email="weg@org-a.test",
                invited_name="Weg",
                roles=[Role.EMPLOYEE],
                invited_by_id=world.a.users[Role.ADMIN].pk,
                purpose="test",
            )
        invitation.declined_at = timezone.now()
        invitation.save(update_fields=["declined_at"])
        _run_queued(task_backends["default"])  # type: ignore[arg-type]
    mail = OutgoingMail.objects.get()
    assert mail.skipped_at is not None and mail.sent_at is None and smtp.deliveries == []


@pytest.mark.django_db(transaction=True)
def test_two_workers_sending_the_same_mail_at_once_send_it_once(
    world: World, smtp: Mailbox, on_postgres: None
) -> None:
    with override_settings(TASKS=DUMMY_TASKS):
        _notify_physician(world)  # queued; the dummy backend holds the task
    mail = OutgoingMail.objects.get()
    results = at_once(lambda: outbox.outgoing_mail_send(mail.pk))
    assert sorted(results) == [False, True]
    assert len(smtp.deliveries) == 1
    mail.refresh_from_db()
    assert mail.attempts == 1 and mail.sent_at is not None
