from __future__ import annotations

from typing import Any

from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule


@rule("api.docs.view", "Read the OpenAPI document and the API documentation (any logged-in person).")
def can_view_api_docs(actor: Actor, obj: Any) -> bool:
    return actor.is_authenticated


@rule("api.me.view", "Read one's own identity, active organisation and roles.")
def can_view_me(actor: Actor, obj: Any) -> bool:
    return actor.is_authenticated


@rule(
    "guideline.advice.evaluate",
    "Ask the guideline engine about a situation (stores nothing): any logged-in person.",
)
def can_evaluate_advice(actor: Actor, obj: Any) -> bool:
    return actor.is_authenticated
