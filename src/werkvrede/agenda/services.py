"""Making, renewing and revoking one's calendar feed link (ADR 0118).

The link holds a long random secret (`secrets.token_urlsafe`); only a keyed digest of it is stored,
so the database alone never gives a working link. A person has at most one live link per
organisation: making a new one revokes the old one at once.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from werkvrede.agenda.models import CalendarFeed
from werkvrede.audit import services as audit
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize

_DIGEST_SALT = "werkvrede.agenda.feed"
LANGUAGES = ("nl", "en")


def feed_digest(token: str) -> str:
    return salted_hmac(_DIGEST_SALT, token, algorithm="sha256").hexdigest()


def feed_url(token: str) -> str:
    path = reverse("agenda-feed:feed", kwargs={"token": token})
    return f"{settings.WERKVREDE_BASE_URL.rstrip('/')}{path}"


def _owner(actor: Actor) -> tuple[int, int] | None:
    """(user, organisation) of a person acting in an organisation; None for anyone else."""
    if actor.user_id is None or actor.organisation_id is None:
        return None
    return actor.user_id, actor.organisation_id


def _live(actor: Actor) -> list[CalendarFeed]:
    owner = _owner(actor)
    if owner is None:
        return []
    return list(
        CalendarFeed.objects.select_for_update(no_key=True).filter(
            user_id=owner[0], organisation_id=owner[1], revoked_at__isnull=True
        )
    )


def feed_current(actor: Actor) -> CalendarFeed | None:
    """The person's live feed in the organisation they act in (its link cannot be shown again)."""
    owner = _owner(actor)
    if owner is None:
        return None
    return CalendarFeed.objects.filter(
        user_id=owner[0], organisation_id=owner[1], revoked_at__isnull=True
    ).first()


@transaction.atomic
def feed_create(*, actor: Actor, language: str) -> str:
    """A new link (shown once); an earlier link of this person stops working now. Returns the URL."""
    authorize(actor, "agenda.feed.manage")
    owner = _owner(actor)
    if owner is None:  # authorize() admits only a person acting in an organisation
        raise PermissionError("agenda.feed.manage")
    now = timezone.now()
    earlier = _live(actor)
    for old in earlier:
        old.revoked_at = now
        old.save(update_fields=["revoked_at"])
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(
        user_id=owner[0],
        organisation_id=owner[1],
        digest=feed_digest(token),
        language=language if language in LANGUAGES else "nl",
        created_at=now,
    )
    audit.record_for(actor, "agenda.feed.created", feed, data={"renewed": bool(earlier)})
    return feed_url(token)


@transaction.atomic
def feed_revoke(*, actor: Actor) -> bool:
    """Revoke the live link: it answers 404 from now on. False when there was none."""
    authorize(actor, "agenda.feed.manage")
    live = _live(actor)
    for feed in live:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
        audit.record_for(actor, "agenda.feed.revoked", feed)
    return bool(live)


def feed_by_token(token: str) -> CalendarFeed | None:
    """The live feed of this secret, or None (unknown, revoked, or a malformed secret)."""
    if not 20 <= len(token) <= 100:
        return None
    return (
        CalendarFeed.objects.select_related("user")
        .filter(digest=feed_digest(token), revoked_at__isnull=True)
        .first()
    )
