"""Calendar invitations for sessions (RFC 5545 and iTIP, built with `icalendar`) and the invitation e-mail.

The invitation carries no case content: the summary says only that a mediation session takes place,
plus the time and the video link; the organiser is the mediator and the attendees are the invitees,
by e-mail address only (ADR 0119). The UID is the same for the life of a session and SEQUENCE goes
up on every change, so a calendar replaces the event instead of adding one; a cancelled session (or
one of an ended mediation) is sent with METHOD:CANCEL and STATUS:CANCELLED. The e-mail says a
session is planned, changed or cancelled and links to the page and the invitation download (e-mails
point to the application; they never say what it is about).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar
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
CHANGED_SUBJECT = "Werkvrede: een gesprek is gewijzigd / a session has changed"
CHANGED_BODY = (
    "Een gesprek in Werkvrede is gewijzigd. Log in om te zien wat er is veranderd:\n{url}\n"
    "De bijgewerkte agenda-uitnodiging zit als bijlage bij deze e-mail en staat ook hier:\n{ics}\n\n"
    "A session in Werkvrede has changed. Log in to see what changed:\n{url}\n"
    "The updated calendar invitation is attached and also available here:\n{ics}\n"
)
CANCELLED_SUBJECT = "Werkvrede: een gesprek gaat niet door / a session is cancelled"
CANCELLED_BODY = (
    "Een gesprek in Werkvrede gaat niet door. De bijlage haalt het uit je agenda. Meer zie je na inloggen:\n"
    "{url}\n\n"
    "A session in Werkvrede is cancelled. The attachment removes it from your calendar. Log in for more:\n"
    "{url}\n"
)
PRODID = "-//Werkvrede//Mediation//NL"


def calendar_host() -> str:
    """The domain part of every UID (RFC 5545 §3.8.4.7): the application's host name."""
    return settings.WERKVREDE_BASE_URL.split("://", 1)[-1].split("/", 1)[0] or "werkvrede"


def session_uid(session: Session) -> str:
    """Stable for the life of the session: every update and the cancellation carry the same UID."""
    return f"mediation-session-{session.pk}@{calendar_host()}"


def _addresses(user_ids: list[int]) -> dict[int, str]:
    return dict(User.objects.filter(pk__in=user_ids).values_list("pk", "email"))


def session_event(session: Session, *, stamp: datetime, people: bool) -> icalendar.Event:
    """The session's VEVENT; with `people`, the mediator as ORGANIZER and the invitees as ATTENDEEs."""
    event = icalendar.Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", session.starts_at.astimezone(UTC))
    event.add("dtend", (session.starts_at + timedelta(minutes=session.duration_minutes)).astimezone(UTC))
    event.add("sequence", session.sequence)
    event.add("summary", SUMMARY)
    event.add("status", "CANCELLED" if session.cancelled else "CONFIRMED")
    if not session.cancelled:
        event.add("url", session.video_url)
        event.add("location", session.video_url)
    if people:
        mediator_id = session.mediation.mediator_id
        addresses = _addresses([*session.participants, *([mediator_id] if mediator_id else [])])
        if mediator_id in addresses:
            event.add("organizer", icalendar.vCalAddress(f"mailto:{addresses[mediator_id]}"))
        for user_id in session.participants:
            if user_id != mediator_id and user_id in addresses:
                attendee = icalendar.vCalAddress(f"mailto:{addresses[user_id]}")
                attendee.params["ROLE"] = "REQ-PARTICIPANT"
                attendee.params["PARTSTAT"] = "NEEDS-ACTION"
                event.add("attendee", attendee, encode=False)
    return event


def session_ics(session: Session, *, now: datetime | None = None) -> str:
    """The invitation: one VEVENT; METHOD:REQUEST while it stands, METHOD:CANCEL once cancelled."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if session.cancelled else "REQUEST")
    calendar.add_component(session_event(session, stamp=now or datetime.now(UTC), people=True))
    return str(calendar.to_ical().decode())


def _absolute(path: str) -> str:
    return f"{settings.WERKVREDE_BASE_URL.rstrip('/')}{path}"


# The outbox's kind of a session invitation (docs/adr/0073-outgoing-mail.md); the reference is the session.
MAIL_KIND = "mediation.session.invitation"


def session_invitation_send(session_id: int, user_id: int) -> bool:
    """Queue one participant's invitation e-mail (the .ics attached at send time); False if not invited.

    The same mail kind carries an update or a cancellation: the mail is made when it is sent, from
    the session as it is then (its SEQUENCE, and METHOD:CANCEL once cancelled).
    """
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
    attachment = (Attachment("werkvrede-gesprek.ics", session_ics(session), "text/calendar"),)
    if session.cancelled:
        return Rendered(CANCELLED_SUBJECT, CANCELLED_BODY.format(url=_absolute(page)), attachment)
    subject, body = (CHANGED_SUBJECT, CHANGED_BODY) if session.sequence else (SUBJECT, BODY)
    return Rendered(subject, body.format(url=_absolute(page), ics=_absolute(ics)), attachment)


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
