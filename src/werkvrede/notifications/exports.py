""" "Mijn gegevens" (ADR 0170): the e-mails to the person — when, to which address, their subject and
whether they went out. The outbox stores no subject (ADR 0073); it is made again by the kind's
renderer, as at sending time."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.core.mail import Outgoing, mail_kind
from werkvrede.notifications.models import OutgoingMail


def _subject(mail: OutgoingMail) -> str:
    outgoing = Outgoing(mail.pk, mail.kind, mail.reference, mail.recipient_id, mail.organisation_id)
    subject = ""
    try:
        # Rendering only reads; the savepoint makes sure nothing it might write stays.
        with transaction.atomic():
            rendered = mail_kind(mail.kind).render(outgoing)
            subject = rendered.subject if rendered is not None else ""
            raise _UndoError
    except _UndoError:
        pass
    except Exception:  # a mail about something gone since: its date still counts
        return ""
    return subject


class _UndoError(Exception):
    pass


def _state(mail: OutgoingMail) -> str:
    if mail.sent_at is not None:
        return str(_("verstuurd"))
    if mail.skipped_at is not None:
        return str(_("niet verstuurd: niet meer nodig"))
    if mail.failed_at is not None:
        return str(_("niet verstuurd: mislukt"))
    return str(_("wacht op verzending"))


def mail_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None:
        return []
    # Every mail to the person, also one still waiting or never sent: the row names them (ADR 0198).
    rows = OutgoingMail.objects.filter(recipient_id=actor.user_id).order_by("created_at", "pk")
    return [
        ExportRecord(
            "notifications.mail",
            _("E-mail aan mij"),
            fields(
                ("subject", _("Onderwerp"), _subject(mail)),
                ("address", _("Adres"), mail.address),
                ("state", _("Status"), _state(mail)),
            ),
            ExportRecord.when(mail.sent_at or mail.created_at),
            source="notifications.outgoingmail",
        )
        for mail in rows
    ]


SECTION = ExportSection(
    key="notifications",
    title=gettext_lazy("E-mails aan mij"),
    provider=mail_records,
    order=120,
    scope="person",
    sources=("notifications.outgoingmail",),
    left_out=(),
)
