"""The mail log (`notifications.outgoingmail`: who was sent what kind of mail, when) goes with the daily
run `WERKVREDE_OUTBOX_RETENTION_DAYS` (default 90) days after the mail was sent, skipped or given up;
a mail still waiting to be sent is never purged (docs/adr/0175-retention-that-runs.md)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.core.roles import Role
from werkvrede.notifications.models import OutgoingMail
from werkvrede.retention.models import PurgeRun

TODAY = date(2026, 6, 1)


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def _mail(world: World, **finished: Any) -> OutgoingMail:
    person = world.a.users[Role.EMPLOYEE]
    return OutgoingMail.objects.create(
        kind="notifications.notification",
        reference="1",
        recipient=person,
        address=person.email,
        organisation=world.a.organisation,
        created_at=_at(TODAY - timedelta(days=400)),
        **finished,
    )


def test_a_finished_mail_goes_after_its_term_and_a_waiting_one_never(world: World) -> None:
    old = TODAY - timedelta(days=91)
    sent_long_ago = _mail(world, sent_at=_at(old))
    failed_long_ago = _mail(world, failed_at=_at(old))
    skipped_long_ago = _mail(world, skipped_at=_at(old))
    sent_recently = _mail(world, sent_at=_at(TODAY - timedelta(days=89)))
    waiting = _mail(world)  # asked for 400 days ago, never sent: still to be delivered
    call_command("purge_expired", "--dry-run", "--today", TODAY.isoformat(), stdout=_Sink())
    assert OutgoingMail.objects.count() == 5 and not PurgeRun.objects.exists()
    call_command("purge_expired", "--today", TODAY.isoformat(), stdout=_Sink())
    left = set(OutgoingMail.objects.values_list("pk", flat=True))
    assert left == {sent_recently.pk, waiting.pk}
    assert not {sent_long_ago.pk, failed_long_ago.pk, skipped_long_ago.pk} & left
    assert PurgeRun.objects.get(organisation=None, today=TODAY).purged["OUTBOX"] == {"TECHNICAL": 3}
    event = AuditEvent.objects.get(action="notifications.outbox.purged")
    assert event.data == {"count": 3}
    # Safe to run twice: nothing more goes, nothing more is audited.
    call_command("purge_expired", "--today", TODAY.isoformat(), stdout=_Sink())
    assert AuditEvent.objects.filter(action="notifications.outbox.purged").count() == 1


@override_settings(WERKVREDE_OUTBOX_RETENTION_DAYS=30)
def test_the_term_is_a_setting(world: World) -> None:
    mail = _mail(world, sent_at=_at(TODAY - timedelta(days=31)))
    call_command("purge_expired", "--today", TODAY.isoformat(), stdout=_Sink())
    assert not OutgoingMail.objects.filter(pk=mail.pk).exists()


class _Sink:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass
