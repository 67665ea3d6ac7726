"""Background tasks: ids in, one service call."""

from __future__ import annotations

from django_tasks import task

from werkvrede.mediation.invitations import session_invitation_send


@task()
def session_invitation_send_task(session_id: int, user_id: int) -> bool:
    return session_invitation_send(session_id, user_id)
