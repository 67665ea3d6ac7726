"""Access rules of the shared shell."""

from __future__ import annotations

from typing import Any

from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule


@rule("core.home.view", "See one's own start page.")
def can_view_home(actor: Actor, obj: Any) -> bool:
    return actor.is_authenticated
