"""The calendar feed (ADR 0118): one's own deadlines and sessions at a secret, revocable URL."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import icalendar
import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from conftest import World, logged_in
from werkvrede.agenda import services
from werkvrede.agenda.models import CalendarFeed
from werkvrede.audit.models import AuditEvent
from werkvrede.cases import services as case_services
from werkvrede.cases.models import Case, CaseDeadline, CaseNote
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role
from werkvrede.mediation import services as mediation_services
from werkvrede.mediation.invitations import calendar_host
from werkvrede.mediation.tests.helpers import TODAY as MEDIATION_TODAY
from werkvrede.mediation.tests.helpers import actor as mediation_actor
from werkvrede.mediation.tests.helpers import signed

pytestmark = pytest.mark.django_db

SUBJECT = "Ruzie over de roosters van Sanne"


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


def _deadline(case: Case, code: str, owners: str, due: date, practical: date | None = None) -> CaseDeadline:
    return CaseDeadline.objects.create(
        case=case,
        organisation_id=case.organisation_id,
        code=code,
        category="D10",
        status=CaseDeadline.Status.PENDING,
        due=due,
        practical_due=practical,
        owner_roles=owners,
        basis="R-150",
        guideline_version="test",
    )


def _case(world: World, tenant: str = "a") -> Case:
    t = world.tenant(tenant)
    return signal(
        t.users[Role.EMPLOYEE],
        t.organisation.pk,
        other=t.memberships[Role.LINE_MANAGER],
        description=SUBJECT,
        visibility=CaseNote.Visibility.HANDLERS,
    )


def _make_link(client: Client, **extra: Any) -> str:
    response = client.post(reverse("agenda:create"), **extra)
    assert response.status_code == 200
    url: str = response.context["new_url"]
    assert url.endswith(".ics") and url in response.content.decode()
    return url


def _fetch(url: str) -> Any:
    return Client().get("/" + url.split("://", 1)[1].split("/", 1)[1])


def _events(body: bytes) -> list[Any]:
    return list(icalendar.Calendar.from_ical(body).walk("VEVENT"))


def test_the_feed_has_the_persons_own_deadlines_as_all_day_events_and_no_case_content(world: World) -> None:
    case = _case(world)
    today = timezone.localdate()
    _deadline(case, "T-04", ",CM,LG,WN,", today + timedelta(days=20), practical=today + timedelta(days=18))
    _deadline(case, "T-03", ",BA,", today + timedelta(days=5))  # the employee holds no BA role here
    employee = world.a.users[Role.EMPLOYEE]
    url = _make_link(logged_in(employee))

    response = _fetch(url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "sessionid" not in response.cookies and not response.cookies
    body = response.content
    calendar = icalendar.Calendar.from_ical(body)
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = _events(body)
    assert [str(e["SUMMARY"]) for e in events] == [
        "T-04 Plan van aanpak, door beiden getekend (eind week 8, ≤ 2 weken na de PA)."
    ]
    event = events[0]
    assert event.decoded("DTSTART") == today + timedelta(days=18)  # the practical due date, all day
    assert event.decoded("DTEND") == today + timedelta(days=19)
    assert not isinstance(event.decoded("DTSTART"), datetime)
    assert str(event["UID"]) == f"deadline-{case.pk}-t-04-1@{calendar_host()}"
    assert str(event["URL"]).endswith(reverse("cases:detail", kwargs={"case_id": case.pk}))
    # Nothing of the case or the people in it, in the raw bytes.
    for text in (
        SUBJECT,
        "Sanne",
        "roosters",
        employee.full_name,
        world.a.users[Role.LINE_MANAGER].full_name,
    ):
        assert text.encode() not in body
    assert world.a.organisation.name.encode() not in body
    assert case.reference.encode() not in body


def test_a_person_without_a_role_on_the_case_never_sees_its_deadlines(world: World) -> None:
    case = _case(world)
    today = timezone.localdate()
    _deadline(case, "T-03", ",BA,", today + timedelta(days=5))
    _deadline(_case(world, "b"), "T-04", ",CM,LG,WN,", today + timedelta(days=5))  # another organisation
    physician = world.a.users[Role.OCCUPATIONAL_PHYSICIAN]
    url = _make_link(logged_in(physician))
    assert _events(_fetch(url).content) == []  # the BA takes no part in the case yet

    case_services.participant_add(
        actor=actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk),
        case_id=case.pk,
        membership_id=world.a.memberships[Role.OCCUPATIONAL_PHYSICIAN].pk,
        role="BA",
    )
    assert [str(e["SUMMARY"])[:4] for e in _events(_fetch(url).content)] == ["T-03"]
    # The employee of organisation B: B's deadline only, never A's.
    url_b = _make_link(logged_in(world.b.users[Role.EMPLOYEE]))
    b_events = _events(_fetch(url_b).content)
    assert len(b_events) == 1 and f"deadline-{case.pk}-".encode() not in _fetch(url_b).content


def test_revoking_answers_404_at_once_and_renewing_replaces_the_link(world: World) -> None:
    client = logged_in(world.a.users[Role.EMPLOYEE])
    first = _make_link(client)
    assert _fetch(first).status_code == 200
    second = _make_link(client)  # renew
    assert second != first
    assert _fetch(first).status_code == 404
    assert _fetch(second).status_code == 200

    response = client.post(reverse("agenda:revoke"))
    assert response.status_code == 302
    assert _fetch(second).status_code == 404
    assert _fetch(second.replace(".ics", "x.ics")).status_code == 404
    created = list(AuditEvent.objects.filter(action="agenda.feed.created").order_by("pk"))
    assert [e.data for e in created] == [{"renewed": False}, {"renewed": True}]
    assert AuditEvent.objects.filter(action="agenda.feed.revoked").count() == 1


def test_only_a_digest_of_the_secret_is_stored(world: World) -> None:
    url = _make_link(logged_in(world.a.users[Role.EMPLOYEE]))
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 40
    feed = CalendarFeed.objects.get(revoked_at__isnull=True, user=world.a.users[Role.EMPLOYEE])
    assert feed.digest == services.feed_digest(token) and token not in feed.digest
    assert not CalendarFeed.objects.filter(digest=token).exists()


def test_a_person_who_left_the_organisation_gets_404(world: World) -> None:
    url = _make_link(logged_in(world.a.users[Role.EMPLOYEE]))
    world.a.memberships[Role.EMPLOYEE].is_active = False
    world.a.memberships[Role.EMPLOYEE].save(update_fields=["is_active"])
    assert _fetch(url).status_code == 404


def test_every_fetch_is_audited_without_case_content(world: World) -> None:
    case = _case(world)
    _deadline(case, "T-04", ",CM,LG,WN,", timezone.localdate() + timedelta(days=3))
    url = _make_link(logged_in(world.a.users[Role.EMPLOYEE]))
    _fetch(url)
    _fetch(url)
    fetched = list(AuditEvent.objects.filter(action="agenda.feed.fetched"))
    assert len(fetched) == 2
    for event in fetched:
        assert event.data == {"deadlines": 1, "sessions": 0}
        assert event.user_id == world.a.users[Role.EMPLOYEE].pk
        assert event.object_type == "agenda.calendarfeed"
        assert event.object_id == str(CalendarFeed.objects.get(revoked_at__isnull=True).pk)
        assert "T-04" not in str(event.data) and "case" not in str(event.data)


@override_settings(WERKVREDE_FEED_FETCHES_PER_CLIENT_PER_HOUR=2)
def test_fetches_are_rate_limited(world: World) -> None:
    url = _make_link(logged_in(world.a.users[Role.EMPLOYEE]))
    assert [_fetch(url).status_code for _ in range(3)] == [200, 200, 429]


def test_the_feed_speaks_the_language_it_was_made_in(world: World) -> None:
    case = _case(world)
    _deadline(case, "T-04", ",CM,LG,WN,", timezone.localdate() + timedelta(days=3))
    url = _make_link(logged_in(world.a.users[Role.EMPLOYEE]), HTTP_ACCEPT_LANGUAGE="en")
    body = _fetch(url).content
    summaries = [str(e["SUMMARY"]) for e in _events(body)]
    title = "T-04 Action plan (plan van aanpak), signed by both (end of week 8, ≤ 2 weeks after the PA)."
    assert summaries == [title]
    assert b"Werkvrede: my deadlines and sessions" in body


def test_the_feed_has_the_persons_sessions_without_names_or_video_link(world: World) -> None:
    mediation = signed(world)
    t = world.a
    starts = timezone.now().replace(microsecond=0) + timedelta(days=7)
    session = mediation_services.session_plan(
        actor=mediation_actor(world, Role.MEDIATOR),
        mediation_id=mediation.pk,
        data=mediation_services.SessionInput(
            starts_at=starts, duration_minutes=60, participant_ids=[t.users[Role.EMPLOYEE].pk]
        ),
        today=MEDIATION_TODAY,
    )
    body = _fetch(_make_link(logged_in(t.users[Role.EMPLOYEE]))).content
    events = _events(body)
    assert len(events) == 1
    event = events[0]
    assert str(event["UID"]).startswith(f"mediation-session-{session.pk}@")
    assert event.decoded("DTSTART") == starts
    assert event.decoded("DTEND") == starts + timedelta(minutes=60)
    assert int(event["SEQUENCE"]) == 0 and str(event["STATUS"]) == "CONFIRMED"
    for text in (
        mediation.subject,
        session.token,
        t.users[Role.MEDIATOR].full_name,
        t.users[Role.MEDIATOR].email,
    ):
        assert text.encode() not in body
    # The line manager is a party but not invited to this session: not in their feed.
    assert _events(_fetch(_make_link(logged_in(t.users[Role.LINE_MANAGER]))).content) == []
    # The mediator sees it, and the cancellation reaches the feed.
    mediator_url = _make_link(logged_in(t.users[Role.MEDIATOR]))
    mediation_services.session_cancel(
        actor=mediation_actor(world, Role.MEDIATOR),
        mediation_id=mediation.pk,
        session_id=session.pk,
        today=MEDIATION_TODAY,
    )
    [cancelled] = _events(_fetch(mediator_url).content)
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 1


def test_the_account_page_links_to_the_feed_settings(world: World) -> None:
    page = logged_in(world.a.users[Role.EMPLOYEE]).get(reverse("accounts:account"))
    assert reverse("agenda:settings").encode() in page.content
    assert "Agenda-koppeling" in page.content.decode()
