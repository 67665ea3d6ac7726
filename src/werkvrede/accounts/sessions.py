"""Ending a person's sessions everywhere.

Every session stores a hash of the person's password hash and `session_generation`
(`User._get_session_auth_hash`); Django compares it on each request. Raising the generation therefore
ends every session of that person at its next request, wherever it is. The session rows name their
person (ADR 0204), so the ended ones are deleted as well: nothing of them stays until their expiry.
"""

from __future__ import annotations

from django.contrib.auth import update_session_auth_hash
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest

from werkvrede.accounts.models import LoginSession, User
from werkvrede.audit import services as audit


@transaction.atomic
def sessions_end(
    *, user: User, reason: str, actor_user_id: int | None, keep: HttpRequest | None = None
) -> None:
    """End every session of `user`; with `keep`, that request's session stays (it gets the new hash).

    `reason` names why in the audit event (e.g. "logout_everywhere", "password_changed", "deactivated").
    """
    User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])
    ended = LoginSession.objects.filter(user_id=user.pk)
    if keep is not None:
        update_session_auth_hash(keep, user)  # a new key for the kept session, its old row deleted
        ended = ended.exclude(session_key=keep.session.session_key)
    ended.delete()
    audit.record(
        "accounts.sessions.ended",
        organisation_id=None,
        user_id=actor_user_id,
        object_type="accounts.user",
        object_id=str(user.pk),
        data={"reason": reason, "kept_current": keep is not None},
    )
