"""Who may answer and who may read the aggregates of "did it feel fair?" (ADR 0135).

Answering: only the person invited, in the organisation the invitation belongs to, once. Reading:
the organisation's HR sees every phase per quarter; a mediator sees their own mediations' per
quarter. No one sees a single answer; an aggregate shows only at min_cell answers or more.
"""

from __future__ import annotations

from typing import Any

from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role
from werkvrede.fairness.models import Invitation

READERS = frozenset({Role.HR_ADVISER, Role.MEDIATOR})


@rule("fairness.invitation.answer", "Answer (or decline) one's own invitation after a phase ended, once.")
def can_answer(actor: Actor, invitation: Any) -> bool:
    return (
        isinstance(invitation, Invitation)
        and actor.user_id is not None
        and invitation.user_id == actor.user_id
        and invitation.organisation_id == actor.organisation_id
        and not invitation.done
    )


@rule(
    "fairness.results.view",
    "Per quarter, at min_cell answers or more: HR for the organisation, a mediator for their own mediations.",
)
def can_view_results(actor: Actor, obj: Any) -> bool:
    return actor.user_id is not None and actor.organisation_id is not None and bool(actor.roles & READERS)


@rule("fairness.questions.own", "List one's own open 'did it feel fair?' questions: every signed-in person.")
def can_list_own(actor: Actor, obj: Any) -> bool:
    return actor.user_id is not None and actor.organisation_id is not None
