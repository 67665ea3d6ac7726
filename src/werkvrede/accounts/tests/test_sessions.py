"""Ending every session of a person (docs/adr/0072-two-factor-and-sessions.md, decision 8)."""

from __future__ import annotations

from django.conf import settings
from django.test import Client, RequestFactory

from conftest import World, logged_in
from werkvrede.accounts.sessions import sessions_end
from werkvrede.audit.models import AuditEvent
from werkvrede.core.roles import Role


def _is_logged_in(client: Client) -> bool:
    return client.get("/api/v1/me").status_code == 200


def test_ending_the_sessions_logs_the_person_out_everywhere_at_the_next_request(world: World) -> None:
    user = world.a.users[Role.EMPLOYEE]
    laptop, phone = logged_in(user), logged_in(user)
    other = logged_in(world.a.users[Role.LINE_MANAGER])
    assert _is_logged_in(laptop) and _is_logged_in(phone)

    sessions_end(user=user, reason="deactivated", actor_user_id=world.a.users[Role.ADMIN].pk)

    assert not _is_logged_in(laptop)
    assert not _is_logged_in(phone)
    assert _is_logged_in(other)  # another person's session is untouched
    event = AuditEvent.objects.get(action="accounts.sessions.ended")
    assert event.object_id == str(user.pk)
    assert event.data == {"reason": "deactivated", "kept_current": False}


def test_the_session_that_asks_can_stay(world: World) -> None:
    user = world.a.users[Role.EMPLOYEE]
    current, elsewhere = logged_in(user), logged_in(user)
    request = RequestFactory().get("/")
    request.session = current.session
    request.user = user

    sessions_end(user=user, reason="password_changed", actor_user_id=user.pk, keep=request)
    request.session.save()
    # The response to that request carries the renewed session key.
    current.cookies[settings.SESSION_COOKIE_NAME] = str(request.session.session_key)

    assert _is_logged_in(current)
    assert not _is_logged_in(elsewhere)
