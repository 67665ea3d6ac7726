"""Access rules of "Mijn gegevens" (ADR 0170): every person, about themselves only (AVG art. 15)."""

from __future__ import annotations

from typing import Any

from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule


@rule(
    "mydata.export.request",
    "Ask for a download of everything Werkvrede holds about oneself (every person; AVG art. 15).",
)
def can_request(actor: Actor, obj: Any) -> bool:
    return actor.is_authenticated and actor.user_id is not None and not actor.is_system


def _own(actor: Actor, obj: Any) -> bool:
    return actor.user_id is not None and getattr(obj, "user_id", None) == actor.user_id


@rule("mydata.export.view", "See one's own export requests and their progress (the person only).")
def can_view(actor: Actor, obj: Any) -> bool:
    return actor.is_authenticated and (obj is None or _own(actor, obj))


@rule("mydata.export.download", "Download one's own export while it is valid (the person only).")
def can_download(actor: Actor, obj: Any) -> bool:
    return _own(actor, obj)
