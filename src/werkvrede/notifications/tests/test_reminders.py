"""Reminders: each once, to the owners only, without case content (Refs issue #4)."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from conftest import World
from tests.concurrency import at_once
from werkvrede.cases import services as case_services
from werkvrede.cases.models import Case, CaseDeadline, CaseNote
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role
from werkvrede.notifications.models import Notification
from werkvrede.notifications.services import deadline_reminders_enqueue, notification_send

TODAY = date(2025, 10, 10)
MARKER = "MARKER-conflict-inhoud-91c2"


def _deadline(case: Case, code: str, owners: str, due: date, category: str = "D10") -> CaseDeadline:
    return CaseDeadline.objects.create(
        case=case,
        organisation_id=case.organisation_id,
        code=code,
        category=category,
        status=CaseDeadline.Status.PENDING,
        due=due,
        owner_roles=owners,
        basis="R-150",
        guideline_version="test",
    )


def _case(world: World) -> Case:
    case = signal(
        world.a.users[Role.EMPLOYEE], world.a.organisation.pk, other=world.a.memberships[Role.LINE_MANAGER],
        description=MARKER, visibility=CaseNote.Visibility.SHARED,
    )  # fmt: skip
    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    case_services.participant_add(
        actor=hr,
        case_id=case.pk,
        membership_id=world.a.memberships[Role.OCCUPATIONAL_PHYSICIAN].pk,
        role="BA",
    )
    return case


@pytest.mark.django_db(transaction=True)
def test_owners_are_reminded_once_even_when_the_command_runs_twice(world: World) -> None:
    case = _case(world)
    _deadline(case, "T-03", ",BA,", TODAY - timedelta(days=1))
    _deadline(case, "T-04", ",CM,LG,WN,", TODAY + timedelta(days=3))
    _deadline(case, "T-06", ",LG,", TODAY + timedelta(days=60))  # not due soon: no reminder
    out = StringIO()
    call_command("send_deadline_reminders", "--today", TODAY.isoformat(), stdout=out)
    call_command("send_deadline_reminders", "--today", TODAY.isoformat(), stdout=out)
    recipients = sorted(m.to[0] for m in mail.outbox)
    expected = sorted(
        [world.a.users[Role.OCCUPATIONAL_PHYSICIAN].email, world.a.users[Role.EMPLOYEE].email,
         world.a.users[Role.CASEMANAGER].email]
    )  # fmt: skip
    assert recipients == expected
    assert Notification.objects.filter(kind=Notification.Kind.DEADLINE_OVERDUE).count() == 1
    assert "1 reminder" not in out.getvalue().splitlines()[-1]  # the second run queued nothing
    assert out.getvalue().splitlines()[-1] == "0 reminder(s) queued"


@pytest.mark.django_db(transaction=True)
def test_the_e_mail_carries_no_case_content(world: World) -> None:
    case = _case(world)
    _deadline(case, "T-03", ",BA,", TODAY)
    deadline_reminders_enqueue(today=TODAY)
    (message,) = mail.outbox
    text = f"{message.subject}\n{message.body}"
    for secret in (MARKER, case.reference, "T-03", "Probleemanalyse", world.a.users[Role.EMPLOYEE].full_name):
        assert secret not in text
    assert f"/zaken/{case.pk}/" in message.body


@pytest.mark.django_db(transaction=True)
def test_sending_twice_sends_once(world: World) -> None:
    case = _case(world)
    _deadline(case, "T-03", ",BA,", TODAY)
    deadline_reminders_enqueue(today=TODAY)
    notification = Notification.objects.get()
    assert notification.sent_at is not None
    assert notification_send(notification.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_reminder_once(world: World, on_postgres: None) -> None:
    case = _case(world)
    for n in range(8):
        _deadline(case, f"T-0{n % 9 + 1}", ",BA,CM,WN,", TODAY - timedelta(days=n))
    at_once(lambda: deadline_reminders_enqueue(today=TODAY))
    keys = [m.to[0] for m in mail.outbox]
    assert len(keys) == Notification.objects.count() == 8 * 3
    assert Notification.objects.filter(sent_at__isnull=True).count() == 0
