"""Reads of contact requests. Missing and forbidden both answer 404."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from werkvrede.contact.models import ContactRequest, MediatorContactSetting
from werkvrede.core.access import object_from
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, authorize, hidden


def requests_for(actor: Actor) -> QuerySet[ContactRequest]:
    """New requests addressed to the mediator, and the ones they took; newest first."""
    if actor.user_id is None or not allowed(actor, "contact.request.list"):
        return ContactRequest.objects.none()
    return (
        ContactRequest.objects.filter(recipients__user_id=actor.user_id)
        .filter(Q(taken_by__isnull=True) | Q(taken_by_id=actor.user_id))
        .order_by("-created_at", "-pk")
        .distinct()
    )


def request_get_for(actor: Actor, request_id: int, *, require: str | None = None) -> ContactRequest:
    """The contact request if the actor may read it; missing and forbidden both 404 (`require`: 403)."""
    request = ContactRequest.objects.filter(pk=request_id).first()
    if request is None or not allowed(actor, "contact.request.view", request):
        raise hidden(actor, "contact.request.view", request)
    if require is not None:
        authorize(actor, require, request)
    return request


def _load_request(actor: Actor, request_id: int) -> ContactRequest:
    return request_get_for(actor, request_id)


# The door of the pages on one contact request (core.access).
CONTACT_REQUEST = object_from("contact request", "request_id", "contact", _load_request)


def accepts_requests(actor: Actor) -> bool:
    if actor.user_id is None or actor.organisation_id is None:
        return False
    return MediatorContactSetting.objects.filter(
        membership__user_id=actor.user_id,
        membership__organisation_id=actor.organisation_id,
        accepts_contact_requests=True,
    ).exists()
