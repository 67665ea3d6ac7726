"""Calendar invitations for sessions (RFC 5545, written by hand) and the invitation e-mail.

The invitation carries no case content: the summary says only that a mediation session takes place,
plus the time and the video link. The e-mail says a session is planned and links to the page and the
invitation download (e-mails point to the application; they never say what it is about).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.urls import reverse

from werkvrede.accounts.models import User
from werkvrede.audit import services as audit
from werkvrede.core.mail import Attachment, Outgoing, Rendered, mail_queue
from werkvrede.mediation.models import Session

SUMMARY = "Werkvrede: mediationgesprek / mediation session"
SUBJECT = "Werkvrede: er is een gesprek gepland / a session is planned"
BODY = (
    "Er is in Werkvrede een gesprek voor je gepland. Log in om te zien wanneer:\n{url}\n"
    "De agenda-uitnodiging zit als bijlage bij deze e-mail en staat ook hier:\n{ics}\n\n"
    "A session has been planned for you in Werkvrede. Log in to see when:\n{url}\n"
    "The calendar invitation is attached and also available here:\n{ics}\n"
)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _escape(text: str) -> str:
    """RFC 5545 §3.3.11 TEXT escaping."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + one space."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts: list[str] = []
    start = 0
    limit = 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # never split a UTF-8 sequence
            end -= 1
        parts.append(data[start:end].decode())
        start, limit = end, 74
    return "\r\n ".join(parts)


def session_ics(session: Session, *, now: datetime | None = None) -> str:
    """The VCALENDAR with one VEVENT for the session: UID, DTSTAMP, DTSTART/DTEND in UTC, SUMMARY, URL."""
    stamp = now or datetime.now(UTC)
    end = session.starts_at + timedelta(minutes=session.duration_minutes)
    host = settings.WERKVREDE_BASE_URL.split("://", 1)[-1].split("/", 1)[0] or "werkvrede"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Werkvrede//Mediation//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:mediation-session-{session.pk}@{host}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(session.starts_at)}",
        f"DTEND:{_utc(end)}",
        f"SUMMARY:{_escape(SUMMARY)}",
        f"URL:{session.video_url}",
        f"LOCATION:{_escape(session.video_url)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def _absolute(path: str) -> str:
    return f"{settings.WERKVREDE_BASE_URL.rstrip('/')}{path}"


# The outbox's kind of a session invitation (docs/adr/0073-outgoing-mail.md); the reference is the session.
MAIL_KIND = "mediation.session.invitation"


def session_invitation_send(session_id: int, user_id: int) -> bool:
    """Queue one participant's invitation e-mail (the .ics attached at send time); False if not invited."""
    session = Session.objects.select_related("mediation").filter(pk=session_id).first()
    if session is None or user_id not in session.participants:
        return False
    mail_queue(
        kind=MAIL_KIND,
        reference=session.pk,
        recipient_id=user_id,
        organisation_id=session.mediation.organisation_id,
    )
    return True


def session_invitation_render(outgoing: Outgoing) -> Rendered | None:
    """The invitation with its .ics, made when it is sent; None when the session or the invitee is gone."""
    session = Session.objects.select_related("mediation").filter(pk=int(outgoing.reference)).first()
    recipient_id = outgoing.recipient_id
    if session is None or recipient_id is None or recipient_id not in session.participants:
        return None
    if not User.objects.filter(pk=recipient_id).exists():
        return None
    page = reverse("mediation:detail", kwargs={"mediation_id": session.mediation_id})
    ics = reverse(
        "mediation:session-ics", kwargs={"mediation_id": session.mediation_id, "session_id": session.pk}
    )
    return Rendered(
        SUBJECT,
        BODY.format(url=_absolute(page), ics=_absolute(ics)),
        (Attachment("werkvrede-gesprek.ics", session_ics(session), "text/calendar"),),
    )


def session_invitation_sent(outgoing: Outgoing) -> None:
    session = Session.objects.select_related("mediation").get(pk=int(outgoing.reference))
    audit.record(
        "mediation.session.invitation_sent",
        organisation_id=session.mediation.organisation_id,
        user_id=outgoing.recipient_id,
        object_type="mediation.session",
        object_id=str(session.pk),
        data={"mediation": session.mediation_id},
    )
