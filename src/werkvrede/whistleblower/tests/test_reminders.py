"""Reminders to the officers before T-20 (2 days) and T-21 (14 days) and when overdue: once each,
through the outbox, saying only that something waits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.core import mail
from django.core.management import call_command

from conftest import World
from werkvrede.notifications.models import OutgoingMail
from werkvrede.whistleblower import services
from werkvrede.whistleblower.tests.helpers import STORY, named_report, officer


def _reminders() -> int:
    return OutgoingMail.objects.filter(kind=services.MAIL_REMINDER).count()


def test_a_reminder_before_day_7_and_once_only(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    report = named_report(world, today=date(2026, 3, 2))
    assert services.reminders_enqueue(today=date(2026, 3, 6)) == 0  # near miss: 3 days before
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_enqueue(today=date(2026, 3, 7)) == 1  # 2 days before T-20
    assert services.reminders_enqueue(today=date(2026, 3, 8)) == 0  # once per due date and kind
    reminder = [m for m in mail.outbox if "termijn" in m.subject]
    assert reminder and STORY not in reminder[0].body and str(report.pk) in reminder[0].body
    assert services.reminders_enqueue(today=date(2026, 3, 10)) == 1  # overdue: once more
    services.acknowledge(actor=officer(world), report=report, text="Ontvangen.", today=date(2026, 3, 10))
    assert services.reminders_enqueue(today=date(2026, 3, 11)) == 0


def test_the_command_takes_a_day(world: World) -> None:
    named_report(world, today=date(2026, 3, 2))
    call_command("send_whistleblower_reminders", "--today", "2026-03-08")
    assert _reminders() == 1
