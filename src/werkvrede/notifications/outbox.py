"""The outbox: every e-mail is a row, sent by the task worker, retried with backoff, failed visibly.

See docs/adr/0073-outgoing-mail.md. Contexts queue through `werkvrede.core.mail.mail_queue`; this
module stores the row, and `outgoing_mail_send` (the task) renders the message from the kind's
renderer at that moment, sends it once (row lock, skip_locked, as `notification_send` did) and on
failure schedules the next attempt after `WERKVREDE_MAIL_RETRY_FIRST_DELAY` seconds, multiplied by
`WERKVREDE_MAIL_RETRY_FACTOR` for every further failure (1, 5, 25, 125 minutes by default); after
`WERKVREDE_MAIL_MAX_ATTEMPTS` attempts it is failed, which the Beheerder sees (count and recipient
role, never content) and may queue again.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend

from werkvrede.accounts.models import RoleGrant
from werkvrede.audit import services as audit
from werkvrede.core.actor import Actor
from werkvrede.core.mail import Outbox, Outgoing, mail_kind
from werkvrede.core.policy import authorize
from werkvrede.notifications.models import OutgoingMail

logger = logging.getLogger(__name__)


def now() -> datetime:
    """The outbox's clock (tests move it instead of sleeping)."""
    return timezone.now()


def max_attempts() -> int:
    return int(getattr(settings, "WERKVREDE_MAIL_MAX_ATTEMPTS", 5))


def retry_delay(failures: int) -> timedelta:
    """How long to wait after the `failures`-th failed attempt: first delay x factor^(failures - 1)."""
    first = int(getattr(settings, "WERKVREDE_MAIL_RETRY_FIRST_DELAY", 60))
    factor = int(getattr(settings, "WERKVREDE_MAIL_RETRY_FACTOR", 5))
    return timedelta(seconds=first * factor ** max(failures - 1, 0))


def _roles_of(recipient_id: int, organisation_id: int) -> str:
    roles = RoleGrant.objects.filter(
        membership__user_id=recipient_id, membership__organisation_id=organisation_id
    ).values_list("role", flat=True)
    return ",".join(sorted(set(roles)))


class DatabaseOutbox(Outbox):
    def queue(
        self,
        *,
        kind: str,
        reference: str,
        recipient_id: int | None,
        address: str,
        organisation_id: int | None,
        recipient_role: str,
    ) -> int:
        if not recipient_role and recipient_id is not None and organisation_id is not None:
            recipient_role = _roles_of(recipient_id, organisation_id)
        mail = OutgoingMail.objects.create(
            kind=kind,
            reference=reference,
            recipient_id=recipient_id,
            address=address,
            organisation_id=organisation_id,
            recipient_role=recipient_role[:60],
            next_attempt_at=now(),
        )
        _hand_over(mail.pk)
        return mail.pk


def _hand_over(mail_id: int, run_after: datetime | None = None) -> None:
    """Give the mail to the task worker in the transaction that queues it, or right after its commit.

    The database backend's task is a row: written in this transaction it commits with the mail row
    and rolls back with it, so a process killed just after the commit leaves no mail without its task
    (docs/operations.md, ADR 0159). A backend that acts at once (the tests' immediate backend would
    send before the commit) gets it after the commit.
    """
    from werkvrede.notifications.tasks import outgoing_mail_send_task

    if isinstance(outgoing_mail_send_task.get_backend(), DatabaseBackend):
        _enqueue(mail_id, run_after)
    else:
        transaction.on_commit(lambda: _enqueue(mail_id, run_after))


def _enqueue(mail_id: int, run_after: datetime | None = None) -> None:
    """Hand the mail to the task worker; a retry waits until `run_after`."""
    from werkvrede.notifications.tasks import outgoing_mail_send_task

    task = outgoing_mail_send_task
    if run_after is not None:
        if not task.get_backend().supports_defer:
            # A backend that runs tasks at once cannot wait (the test settings): the retry is left to
            # `outgoing_mail_send_due`, which sends what is due.
            return
        task = task.using(run_after=run_after)
    task.enqueue(mail_id)


def outgoing_mail_send(mail_id: int) -> bool:
    """Send one queued e-mail if it is due; True if the server took it now.

    Safe to run twice or from two workers: the row is locked (a worker that finds it locked leaves it
    to the other) and a sent, failed or skipped mail is never sent again. A failure schedules the
    next attempt, or — after the last — marks the mail failed.
    """
    with transaction.atomic():
        # Lock only the outbox row ("of self"): the recipient's user row is read by other sends too.
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True, of=("self",), no_key=True)
            .select_related("recipient")
            .filter(pk=mail_id, sent_at__isnull=True, failed_at__isnull=True, skipped_at__isnull=True)
            .first()
        )
        if mail is None:
            return False
        at = now()
        if mail.next_attempt_at > at:
            return False  # early (a duplicate task): the scheduled attempt comes later
        outgoing = Outgoing(
            id=mail.pk,
            kind=mail.kind,
            reference=mail.reference,
            recipient_id=mail.recipient_id,
            organisation_id=mail.organisation_id,
        )
        try:
            with transaction.atomic():
                kind = mail_kind(mail.kind)
                rendered = kind.render(outgoing)
                if rendered is not None:
                    address = mail.recipient.email if mail.recipient is not None else mail.address
                    message = EmailMessage(
                        rendered.subject, rendered.body, settings.DEFAULT_FROM_EMAIL, [address]
                    )
                    for attachment in rendered.attachments:
                        message.attach(attachment.filename, attachment.content, attachment.mimetype)
                    message.send()
        except Exception as exc:  # every failure to send is a failed attempt
            _attempt_failed(mail, exc, at)
            return False
        if rendered is None:
            mail.skipped_at = at
            mail.save(update_fields=["skipped_at"])
            return False
        mail.attempts += 1
        mail.sent_at = at
        mail.last_error = ""
        mail.save(update_fields=["attempts", "sent_at", "last_error"])
        if kind.on_sent is not None:
            kind.on_sent(outgoing)
    return True


def _attempt_failed(mail: OutgoingMail, exc: Exception, at: datetime) -> None:
    mail.attempts += 1
    mail.last_error = type(exc).__name__[:100]
    logger.warning(
        "outgoing mail %s (%s) attempt %s failed: %s", mail.pk, mail.kind, mail.attempts, mail.last_error
    )
    if mail.attempts >= max_attempts():
        mail.failed_at = at
        mail.save(update_fields=["attempts", "last_error", "failed_at"])
        audit.record(
            "notifications.mail.failed",
            organisation_id=mail.organisation_id,
            outcome=audit.Outcome.FAILED,
            object_type="notifications.outgoingmail",
            object_id=str(mail.pk),
            data={"kind": mail.kind, "attempts": mail.attempts, "error": mail.last_error},
        )
        return
    mail.next_attempt_at = at + retry_delay(mail.attempts)
    mail.save(update_fields=["attempts", "last_error", "next_attempt_at"])
    mail_id, run_after = mail.pk, mail.next_attempt_at
    _hand_over(mail_id, run_after)


def outgoing_mail_send_due(*, limit: int = 1000) -> int:
    """Send every pending mail whose attempt is due (a safety net beside the task worker); return sent."""
    due = list(
        OutgoingMail.objects.filter(
            sent_at__isnull=True, failed_at__isnull=True, skipped_at__isnull=True, next_attempt_at__lte=now()
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(1 for mail_id in due if outgoing_mail_send(mail_id))


def _resend(mails: list[OutgoingMail]) -> int:
    at = now()
    ids = [m.pk for m in mails]
    OutgoingMail.objects.filter(pk__in=ids).update(
        failed_at=None, attempts=0, last_error="", next_attempt_at=at
    )
    for mail_id in ids:
        _hand_over(mail_id)
    return len(ids)


@transaction.atomic
def failed_mail_resend(*, actor: Actor) -> int:
    """The Beheerder queues every failed mail of their organisation again; return how many."""
    authorize(actor, "notifications.mail.resend")
    mails = list(
        OutgoingMail.objects.select_for_update(no_key=True)
        .filter(organisation_id=actor.organisation_id or 0, failed_at__isnull=False)
        .order_by("pk")
    )
    count = _resend(mails)
    audit.record(
        "notifications.mail.resent",
        organisation_id=actor.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        data={"mails": count},
    )
    return count


@transaction.atomic
def failed_mail_resend_from_command(*, organisation_id: int | None = None) -> int:
    """`manage.py resend_failed_mail`: queue the failed mail of one organisation (or of all) again."""
    mails = OutgoingMail.objects.select_for_update(no_key=True).filter(failed_at__isnull=False).order_by("pk")
    if organisation_id is not None:
        mails = mails.filter(organisation_id=organisation_id)
    selected = list(mails)
    per_organisation: dict[int | None, int] = {}
    for mail in selected:
        per_organisation[mail.organisation_id] = per_organisation.get(mail.organisation_id, 0) + 1
    count = _resend(selected)
    for org_id, mails_count in sorted(per_organisation.items(), key=lambda item: item[0] or 0):
        audit.record(
            "notifications.mail.resent",
            organisation_id=org_id,
            data={"mails": mails_count, "by": "command"},
        )
    return count


def retention_days() -> int:
    return settings.WERKVREDE_OUTBOX_RETENTION_DAYS


def finished_before(day: datetime) -> QuerySet[OutgoingMail]:
    """Mails sent, skipped or given up before `day`: the log of what went out, nothing left to send."""
    return OutgoingMail.objects.filter(Q(sent_at__lt=day) | Q(skipped_at__lt=day) | Q(failed_at__lt=day))


@transaction.atomic
def outbox_purge(*, today: date) -> int:
    """Delete the log of mails finished more than the retention term ago (docs/adr/0175); a mail still
    waiting is never deleted, however old. Audited in counts."""
    count, _ = finished_before(purge_cutoff(today)).delete()
    if count:
        audit.record("notifications.outbox.purged", organisation_id=None, data={"count": count})
    return count


def purge_cutoff(today: date) -> datetime:
    """The start of the first day whose finished mails are still kept."""
    day = today - timedelta(days=retention_days())
    return timezone.make_aware(datetime.combine(day, time.min))
