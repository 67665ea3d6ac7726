"""Who may do what with the organisation's conflict protocol.

The protocol is organisation policy, not case content: every member may read the plain-language
protocol page; the parameters page is for the organisation admin (edits) and HR (reads).
"""

from __future__ import annotations

from typing import Any

from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role


@rule("protocol.page.view", "Read the organisation's conflict protocol in plain language: every member.")
def can_view_page(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and bool(actor.roles)


@rule("protocol.parameters.view", "See the protocol's parameters and their history: ADM, HR.")
def can_view_parameters(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and actor.has_any(Role.ADMIN, Role.HR_ADVISER)


@rule("protocol.parameters.edit", "Change the protocol's parameters (a new version): ADM.")
def can_edit_parameters(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and Role.ADMIN in actor.roles
