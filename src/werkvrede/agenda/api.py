"""JSON API of one's calendar feed link (ADR 0118), mounted under /api/v1 by werkvrede.api.

(No `from __future__ import annotations` here: django-ninja reads the annotations at import time.)
"""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import translation
from ninja import Router, Status

from werkvrede.agenda import services
from werkvrede.core.access import api_requires
from werkvrede.core.actor import Actor
from werkvrede.core.types import Out

router = Router(tags=["agenda"])


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


class FeedStatusOut(Out):
    active: bool
    created_at: datetime | None


class FeedCreatedOut(Out):
    url: str
    created_at: datetime


def _status(actor: Actor) -> FeedStatusOut:
    feed = services.feed_current(actor)
    return FeedStatusOut(active=feed is not None, created_at=feed.created_at if feed else None)


@router.get(
    "/me/calendar-feed", response=FeedStatusOut, url_name="calendar-feed", summary="My calendar feed link"
)
@api_requires("agenda.feed.manage")
def feed_status(request: HttpRequest) -> FeedStatusOut:
    """Whether I have a live calendar feed link (the link itself is shown only when it is made)."""
    return _status(_actor(request))


@router.post(
    "/me/calendar-feed",
    response={201: FeedCreatedOut},
    url_name="calendar-feed-create",
    summary="Make or renew my calendar feed link",
)
@api_requires("agenda.feed.manage")
def feed_create(request: HttpRequest) -> Status[Any]:
    """A new secret link to my own deadlines and sessions (iCalendar); an earlier link stops working."""
    actor = _actor(request)
    url = services.feed_create(actor=actor, language=(translation.get_language() or "nl")[:2])
    feed = services.feed_current(actor)
    assert feed is not None  # noqa: S101 - just made in this request
    return Status(201, FeedCreatedOut(url=url, created_at=feed.created_at))


@router.delete(
    "/me/calendar-feed",
    response=FeedStatusOut,
    url_name="calendar-feed-revoke",
    summary="Revoke my calendar feed link",
)
@api_requires("agenda.feed.manage")
def feed_revoke(request: HttpRequest) -> FeedStatusOut:
    """The link answers 404 from now on."""
    services.feed_revoke(actor=_actor(request))
    return _status(_actor(request))
