"""Session invitations with `icalendar`: organiser, attendees, a stable UID, SEQUENCE, METHOD:CANCEL."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from werkvrede.audit.models import AuditEvent
from werkvrede.core.policy import AccessDenied
from werkvrede.core.refusals import NotPossible
from werkvrede.core.roles import Role
from werkvrede.mediation import services
from werkvrede.mediation.invitations import session_ics
from werkvrede.mediation.models import Mediation, Session
from werkvrede.mediation.tests.helpers import TODAY, actor, signed

pytestmark = pytest.mark.django_db


def _plan(world: Any, mediation: Mediation, days: int = 7) -> Session:
    t = world.a
    return services.session_plan(
        actor=actor(world, Role.MEDIATOR),
        mediation_id=mediation.pk,
        data=services.SessionInput(
            starts_at=timezone.now().replace(microsecond=0) + timedelta(days=days),
            duration_minutes=60,
            participant_ids=[t.users[Role.EMPLOYEE].pk, t.users[Role.LINE_MANAGER].pk],
        ),
        today=TODAY,
    )


def _parsed(session: Session) -> tuple[Any, Any]:
    session.refresh_from_db()
    calendar = icalendar.Calendar.from_ical(session_ics(session))
    [event] = calendar.walk("VEVENT")
    return calendar, event


def test_the_invitation_names_the_mediator_as_organiser_and_the_invitees_as_attendees(world: Any) -> None:
    session = _plan(world, signed(world))
    calendar, event = _parsed(session)
    t = world.a
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["ORGANIZER"]) == f"mailto:{t.users[Role.MEDIATOR].email}"
    attendees = event["ATTENDEE"] if isinstance(event["ATTENDEE"], list) else [event["ATTENDEE"]]
    assert sorted(str(a) for a in attendees) == sorted(
        f"mailto:{t.users[r].email}" for r in (Role.EMPLOYEE, Role.LINE_MANAGER)
    )
    assert int(event["SEQUENCE"]) == 0 and str(event["STATUS"]) == "CONFIRMED"
    assert str(event["UID"]) == f"mediation-session-{session.pk}@" + str(event["UID"]).split("@", 1)[1]
    ics = session_ics(session)
    assert "Samenwerking" not in ics and t.users[Role.EMPLOYEE].full_name not in ics


def test_a_change_increments_sequence_under_the_same_uid_and_is_mailed(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    session = _plan(world, signed(world))
    _, before = _parsed(session)
    mail.outbox.clear()
    later = session.starts_at + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.session_reschedule(
            actor=actor(world, Role.MEDIATOR),
            mediation_id=session.mediation_id,
            session_id=session.pk,
            starts_at=later,
            duration_minutes=90,
            today=TODAY,
        )
    calendar, after = _parsed(session)
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) == 1
    assert after.decoded("DTSTART") == later
    assert str(calendar["METHOD"]) == "REQUEST"
    assert len(mail.outbox) == 2 and all("gewijzigd" in m.subject for m in mail.outbox)
    assert all("Samenwerking" not in m.body for m in mail.outbox)
    assert AuditEvent.objects.filter(action="mediation.session.changed").get().data["sequence"] == 1


def test_a_cancelled_session_is_sent_with_method_cancel(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    session = _plan(world, signed(world))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(
            actor=actor(world, Role.MEDIATOR),
            mediation_id=session.mediation_id,
            session_id=session.pk,
            today=TODAY,
        )
    calendar, event = _parsed(session)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1
    assert session.video_url not in session_ics(session)
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert "niet door" in message.subject
        assert b"METHOD:CANCEL" in message.attachments[0][1].encode()
    # Cancelled is final: no change and no second cancellation.
    with pytest.raises(NotPossible):
        services.session_cancel(
            actor=actor(world, Role.MEDIATOR),
            mediation_id=session.mediation_id,
            session_id=session.pk,
            today=TODAY,
        )


def test_only_the_mediator_changes_or_cancels_a_session(world: Any) -> None:
    session = _plan(world, signed(world))
    with pytest.raises(AccessDenied):
        services.session_cancel(
            actor=actor(world, Role.EMPLOYEE),
            mediation_id=session.mediation_id,
            session_id=session.pk,
            today=TODAY,
        )
    session.refresh_from_db()
    assert session.cancelled_at is None and session.sequence == 0


def test_the_end_of_the_mediation_cancels_its_coming_sessions_only(world: Any) -> None:
    mediation = signed(world)
    coming = _plan(world, mediation, days=7)
    past = _plan(world, mediation, days=-3)
    services.party_withdraw(
        actor=actor(world, Role.EMPLOYEE),
        mediation_id=mediation.pk,
        typed_name=world.a.users[Role.EMPLOYEE].full_name,
        today=TODAY,
    )
    calendar, event = _parsed(coming)
    assert str(calendar["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    past.refresh_from_db()
    assert past.cancelled_at is None and past.sequence == 0
    reasons = [e.data["reason"] for e in AuditEvent.objects.filter(action="mediation.session.cancelled")]
    assert reasons == ["mediation_ended"]


def test_moving_and_cancelling_through_the_api(world: Any, client_as: Any) -> None:
    session = _plan(world, signed(world))
    base = f"/api/v1/mediations/{session.mediation_id}/sessions/{session.pk}"
    mediator = client_as(Role.MEDIATOR)
    moved = mediator.post(
        f"{base}/reschedule",
        '{"starts_at": "2031-05-06T10:00:00+02:00", "duration_minutes": 45}',
        content_type="application/json",
    )
    assert moved.status_code == 200
    assert moved.json()["sequence"] == 1 and moved.json()["cancelled"] is False
    cancelled = mediator.post(f"{base}/cancel", "{}", content_type="application/json")
    assert cancelled.status_code == 200 and cancelled.json() == {
        **cancelled.json(),
        "sequence": 2,
        "cancelled": True,
    }
    ics = mediator.get(f"{base}/ics").content
    assert b"METHOD:CANCEL" in ics and b"SEQUENCE:2" in ics
    again = mediator.post(f"{base}/cancel", "{}", content_type="application/json")
    assert again.status_code == 409
    other = f"/api/v1/mediations/{session.mediation_id}/sessions/{session.pk + 1000}/cancel"
    assert mediator.post(other, "{}", content_type="application/json").status_code == 404


def test_the_session_page_says_a_cancelled_session_is_off_and_hides_the_video_link(
    world: Any, client_as: Any
) -> None:
    session = _plan(world, signed(world))
    page = f"/mediation/{session.mediation_id}/gesprek/{session.pk}/"
    employee = client_as(Role.EMPLOYEE)
    assert session.video_url in employee.get(page).content.decode()
    services.session_cancel(
        actor=actor(world, Role.MEDIATOR),
        mediation_id=session.mediation_id,
        session_id=session.pk,
        today=TODAY,
    )
    html = employee.get(page).content.decode()
    assert "gaat niet door" in html and session.video_url not in html


def _plan_on(world: Any, mediation: Mediation, day: Any) -> Session:
    t = world.a
    return services.session_plan(
        actor=actor(world, Role.MEDIATOR),
        mediation_id=mediation.pk,
        data=services.SessionInput(
            starts_at=timezone.make_aware(datetime.combine(day, time(10, 0))),
            duration_minutes=60,
            participant_ids=[t.users[Role.EMPLOYEE].pk, t.users[Role.LINE_MANAGER].pk],
        ),
        today=TODAY,
    )


def test_a_session_in_the_past_is_refused_as_past_not_as_unsigned_r072(world: Any) -> None:
    mediation = signed(world)
    with pytest.raises(NotPossible) as exc:
        _plan_on(world, mediation, TODAY - timedelta(days=1))
    assert "verleden" in exc.value.message
    assert not exc.value.findings
    assert not Session.objects.filter(mediation=mediation).exists()


def test_a_session_today_is_not_refused_as_past(world: Any) -> None:
    mediation = signed(world)
    session = _plan_on(world, mediation, TODAY)
    assert session.pk is not None
