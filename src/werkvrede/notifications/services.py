"""Create notifications idempotently and send them as e-mails that carry no case content."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from werkvrede.accounts.models import Membership
from werkvrede.audit import services as audit
from werkvrede.cases.models import CaseDeadline, CaseParticipant
from werkvrede.cases.policies import ORGANISATION_CASE_READERS, readable_deadline_categories
from werkvrede.core.mail import Outgoing, Rendered, mail_queue
from werkvrede.notifications.models import Notification, OutgoingMail
from werkvrede.notifications.outbox import outgoing_mail_send

DUE_SOON_DAYS = 7
# The outbox's kind of a notification e-mail (docs/adr/0073-outgoing-mail.md).
MAIL_KIND = "notifications.notification"

SUBJECT = "Werkvrede: er staat iets voor je klaar / something is waiting for you"
BODY = (
    "Er staat in Werkvrede iets voor je klaar. Log in om te zien wat het is:\n{url}\n\n"
    "Something is waiting for you in Werkvrede. Log in to see what it is:\n{url}\n\n"
    "Deze e-mail zegt bewust niet waar het over gaat.\n"
    "This e-mail deliberately does not say what it is about.\n"
)


def notify(
    *, organisation_id: int, recipient_ids: Iterable[int], kind: str, case_id: int | None, key: str
) -> list[int]:
    """Create one notification per recipient (unless it exists) and queue its e-mail; return new ids.

    The e-mail goes through the outbox: sent by the task worker after commit, retried when the server
    refuses it, failed visibly to the Beheerder after the last attempt.
    """
    created: list[int] = []
    for recipient_id in sorted(set(recipient_ids)):
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    organisation_id=organisation_id,
                    recipient_id=recipient_id,
                    case_id=case_id,
                    kind=kind,
                    key=f"{key}:{recipient_id}",
                )
                mail_queue(
                    kind=MAIL_KIND,
                    reference=notification.pk,
                    recipient_id=recipient_id,
                    organisation_id=organisation_id,
                )
        except IntegrityError:
            continue  # already notified (another run or another worker got there first)
        created.append(notification.pk)
    return created


def _link(notification: Notification) -> str:
    path = reverse("cases:detail", kwargs={"case_id": notification.case_id}) if notification.case_id else "/"
    return f"{settings.WERKVREDE_BASE_URL.rstrip('/')}{path}"


def notification_render(outgoing: Outgoing) -> Rendered | None:
    """The notification e-mail, made when it is sent: a link, nothing about the case."""
    notification = Notification.objects.filter(pk=int(outgoing.reference)).first()
    if notification is None:
        return None
    return Rendered(SUBJECT, BODY.format(url=_link(notification)))


def notification_sent(outgoing: Outgoing) -> None:
    notification = Notification.objects.get(pk=int(outgoing.reference))
    notification.sent_at = timezone.now()
    notification.save(update_fields=["sent_at"])
    audit.record(
        "notifications.notification.sent",
        organisation_id=notification.organisation_id,
        user_id=notification.recipient_id,
        object_type="notifications.notification",
        object_id=str(notification.pk),
        data={"kind": notification.kind},
    )


def notification_send(notification_id: int) -> bool:
    """Send the notification's e-mail once; True if it was sent now. Safe to run twice or from two workers."""
    mail_id = (
        OutgoingMail.objects.filter(kind=MAIL_KIND, reference=str(notification_id))
        .values_list("pk", flat=True)
        .first()
    )
    if mail_id is None:
        return False
    return outgoing_mail_send(mail_id)


def _owners(
    deadline: CaseDeadline, participants: list[tuple[int, str]], org_readers: dict[str, list[int]]
) -> set[int]:
    """The people who own a deadline and may read its category: case roles, then the organisation HR/CM."""
    owners = {
        user_id
        for user_id, role in participants
        if f",{role}," in deadline.owner_roles
        and deadline.category in readable_deadline_categories(frozenset({role}))
    }
    for role, user_ids in org_readers.items():
        if f",{role}," in deadline.owner_roles and deadline.category in readable_deadline_categories(
            frozenset({role})
        ):
            owners.update(user_ids)
    return owners


def deadline_reminders_enqueue(*, today: date, batch_size: int = 1000) -> int:
    """Notify the owners of every deadline that is due soon or overdue; return how many were created.

    Idempotent: a reminder is unique per deadline, due date, kind and person, so running this twice —
    or on two machines at once — sends nothing twice. Reads indexed (status, due) ranges only.
    """
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    deadlines = (
        CaseDeadline.objects.filter(status=CaseDeadline.Status.PENDING, due__lte=horizon)
        .filter(Q(due__lt=today) | Q(due__gte=today))
        .order_by("pk")
    )
    created = 0
    last_pk = 0
    while True:
        batch = list(deadlines.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            return created
        last_pk = batch[-1].pk
        case_ids = {d.case_id for d in batch}
        participants: dict[int, list[tuple[int, str]]] = {}
        for case_id, user_id, role in CaseParticipant.objects.filter(case_id__in=case_ids).values_list(
            "case_id", "user_id", "role"
        ):
            participants.setdefault(case_id, []).append((user_id, role))
        org_readers = _organisation_readers({d.organisation_id for d in batch})
        for deadline in batch:
            overdue = deadline.due is not None and deadline.due < today
            kind = Notification.Kind.DEADLINE_OVERDUE if overdue else Notification.Kind.DEADLINE_DUE_SOON
            recipients = _owners(
                deadline,
                participants.get(deadline.case_id, []),
                org_readers.get(deadline.organisation_id, {}),
            )
            created += len(
                notify(
                    organisation_id=deadline.organisation_id,
                    recipient_ids=recipients,
                    kind=kind,
                    case_id=deadline.case_id,
                    key=f"deadline:{deadline.case_id}:{deadline.code}:{deadline.subject}:{deadline.due}:{kind}",
                )
            )


def _organisation_readers(organisation_ids: set[int]) -> dict[int, dict[str, list[int]]]:
    """HR and CM members per organisation (they own the organisation's HR/CM deadlines)."""
    readers: dict[int, dict[str, list[int]]] = {}
    rows = Membership.objects.filter(
        organisation_id__in=organisation_ids,
        is_active=True,
        grants__role__in=[str(r) for r in ORGANISATION_CASE_READERS],
    ).values_list("organisation_id", "grants__role", "user_id")
    for organisation_id, role, user_id in rows:
        readers.setdefault(organisation_id, {}).setdefault(role, []).append(user_id)
    return readers
