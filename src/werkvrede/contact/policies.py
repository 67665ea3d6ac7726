"""Who may do what with contact requests: the mediators a request was addressed to (deny by default)."""

from __future__ import annotations

from typing import Any

from werkvrede.contact.models import ContactRecipient, ContactRequest
from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role


def _mediator(actor: Actor) -> bool:
    return actor.organisation_id is not None and actor.user_id is not None and Role.MEDIATOR in actor.roles


def is_recipient(actor: Actor, request: Any) -> bool:
    if not isinstance(request, ContactRequest) or not _mediator(actor) or actor.user_id is None:
        return False
    return ContactRecipient.objects.filter(request=request, user_id=actor.user_id).exists()


@rule("contact.settings.edit", "Say whether one takes contact requests: MED.")
def can_edit_settings(actor: Actor, obj: Any) -> bool:
    return _mediator(actor)


@rule("contact.request.list", "See the contact requests addressed to oneself: MED.")
def can_list(actor: Actor, obj: Any) -> bool:
    return _mediator(actor)


@rule(
    "contact.request.view",
    "Read a contact request: the mediators it was addressed to; once taken, only the one who took it.",
)
def can_view(actor: Actor, request: Any) -> bool:
    if not is_recipient(actor, request):
        return False
    return request.taken_by_id is None or request.taken_by_id == actor.user_id


@rule("contact.request.take", "Take a new contact request: a mediator it was addressed to.")
def can_take(actor: Actor, request: Any) -> bool:
    return can_view(actor, request) and request.status == ContactRequest.Status.NEW


@rule(
    "contact.request.setup",
    "Set up the client organisation from a taken request and invite the parties: the mediator who took it.",
)
def can_setup(actor: Actor, request: Any) -> bool:
    return (
        is_recipient(actor, request)
        and request.taken_by_id == actor.user_id
        and request.status == ContactRequest.Status.TAKEN
    )
