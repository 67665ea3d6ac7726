"""The feed's content: one's own deadlines (T-xx) and mediation sessions, as iCalendar (ADR 0118).

Nothing of a case but its T-code, the guideline's generic label of that code and a link to the case
page (which needs log-in); of a session only its time and a link to the mediation page: no names,
no subject, no video link. The deadlines are exactly those of the start page's "what is due" list
(`cases.selectors.due_deadlines_for`) without its horizon, so a deadline of a case the person
cannot see never reaches the feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from werkvrede.accounts.actors import actor_for
from werkvrede.agenda.models import CalendarFeed
from werkvrede.audit import services as audit
from werkvrede.cases.selectors import due_deadlines_for
from werkvrede.core.actor import Actor
from werkvrede.guideline.catalogue import describe
from werkvrede.mediation.invitations import calendar_host, session_uid
from werkvrede.mediation.selectors import sessions_of_person

PRODID = "-//Werkvrede//Agenda//NL"
# At most this many deadlines in one feed; sessions from this many days back.
DEADLINE_LIMIT = 500
SESSIONS_SINCE_DAYS = 30


@dataclass(frozen=True)
class Built:
    body: bytes
    deadlines: int
    sessions: int


def _absolute(path: str) -> str:
    return f"{settings.WERKVREDE_BASE_URL.rstrip('/')}{path}"


def deadline_label(code: str) -> str:
    """The generic label of a deadline code from the catalogue, e.g. "T-04 Plan van aanpak, …"."""
    message = describe(code).message
    text = message.en if (translation.get_language() or "nl").startswith("en") else message.nl
    return f"{code} {text}"


def _deadline_events(stamp: datetime, actor: Actor) -> list[icalendar.Event]:
    items = due_deadlines_for(actor, today=timezone.localdate(), horizon_days=None, limit=DEADLINE_LIMIT)
    seen: dict[tuple[int, str], int] = {}
    events = []
    for item in items:
        deadline = item.deadline
        day = deadline.practical_due or deadline.due
        if day is None:
            continue
        # Rows are rebuilt when a case's facts change; case + code (+ its turn) stays the same.
        turn = seen[(deadline.case_id, deadline.code)] = seen.get((deadline.case_id, deadline.code), 0) + 1
        link = _absolute(reverse("cases:detail", kwargs={"case_id": deadline.case_id}))
        event = icalendar.Event()
        event.add("uid", f"deadline-{deadline.case_id}-{deadline.code.lower()}-{turn}@{calendar_host()}")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", deadline_label(deadline.code))
        event.add(
            "description", _("Termijn in Werkvrede. Log in om de zaak te zien: %(url)s") % {"url": link}
        )
        event.add("url", link)
        event.add("transp", "TRANSPARENT")
        events.append(event)
    return events


def _session_events(stamp: datetime, actor: Actor) -> list[icalendar.Event]:
    events = []
    for session in sessions_of_person(actor, since=stamp - timedelta(days=SESSIONS_SINCE_DAYS)):
        link = _absolute(reverse("mediation:detail", kwargs={"mediation_id": session.mediation_id}))
        event = icalendar.Event()
        event.add("uid", session_uid(session))
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_at.astimezone(UTC))
        event.add("dtend", (session.starts_at + timedelta(minutes=session.duration_minutes)).astimezone(UTC))
        event.add("sequence", session.sequence)
        event.add("summary", _("Werkvrede: mediationgesprek"))
        event.add("status", "CANCELLED" if session.cancelled else "CONFIRMED")
        event.add("description", _("Gesprek in Werkvrede. Log in om het te zien: %(url)s") % {"url": link})
        event.add("url", link)
        events.append(event)
    return events


def feed_build(feed: CalendarFeed, *, now: datetime | None = None) -> Built | None:
    """The calendar of this feed, or None when its person no longer acts in the organisation."""
    user = feed.user
    if not user.is_active:
        return None
    actor = actor_for(user, feed.organisation_id)
    if actor.organisation_id is None:
        return None
    stamp = (now or timezone.now()).astimezone(UTC)
    with translation.override(feed.language):
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", _("Werkvrede: mijn termijnen en gesprekken"))
        calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", timedelta(hours=1))
        deadlines = _deadline_events(stamp, actor)
        sessions = _session_events(stamp, actor)
        for event in [*deadlines, *sessions]:
            calendar.add_component(event)
    audit.record(
        "agenda.feed.fetched",
        organisation_id=feed.organisation_id,
        user_id=feed.user_id,
        roles=actor.role_codes,
        object_type="agenda.calendarfeed",
        object_id=str(feed.pk),
        data={"deadlines": len(deadlines), "sessions": len(sessions)},
    )
    return Built(calendar.to_ical(), len(deadlines), len(sessions))
