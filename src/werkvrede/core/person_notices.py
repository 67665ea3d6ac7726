"""Notices about a person that a higher context adds to pages of lower ones (the person's page in
people management, a case's hold panel) without those importing it — e.g. a legal hold on the person
(R-140, docs/adr/0176-legal-holds-on-a-person.md). Each provider decides what the actor may see."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise

from werkvrede.core.actor import Actor


@dataclass(frozen=True)
class PersonNotice:
    user_id: int
    text: str | Promise
    link: str = ""
    link_text: str | Promise = ""


PersonNoticeProvider = Callable[[Actor, int, Iterable[int]], list[PersonNotice]]
_PROVIDERS: dict[str, PersonNoticeProvider] = {}


def register_person_notices(name: str, provider: PersonNoticeProvider) -> None:
    _PROVIDERS[name] = provider


def person_notices(actor: Actor, organisation_id: int, user_ids: Iterable[int]) -> list[PersonNotice]:
    """What the registered contexts say about these people in this organisation, for this actor."""
    ids = sorted(set(user_ids))
    if not ids:
        return []
    return [
        notice
        for _name, provider in sorted(_PROVIDERS.items())
        for notice in provider(actor, organisation_id, ids)
    ]
