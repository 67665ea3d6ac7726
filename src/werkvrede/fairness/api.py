""" "Did it feel fair?" in the JSON API (ADR 0135), mounted under /api/v1 by werkvrede.api.

(No `from __future__ import annotations` here: django-ninja reads the annotations at import time.)
"""

from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Status

from werkvrede.core.access import api_requires
from werkvrede.core.actor import Actor
from werkvrede.core.types import Input, Out, Text, WholeNumber
from werkvrede.fairness import selectors, services
from werkvrede.fairness.models import Invitation
from werkvrede.fairness.selectors import INVITATION

router = Router(tags=["fairness"])


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


class QuestionOut(Out):
    invitation_id: int
    phase: str
    case_id: int | None
    label: str
    url: str


# The 5-point scale of each question (guideline.fairness); the schema states the bounds (ADR 0060).
Score = Annotated[int, Field(ge=1, le=5), WholeNumber]


class AnswerIn(Input):
    heard: Score
    respect: Score
    understood: Score
    comment: Text = ""


class CellOut(Out):
    quarter: str
    phase: str
    # Null when fewer than min_cell answered ("te weinig antwoorden"): not even the count.
    respondents: int | None
    heard: float | None
    respect: float | None
    understood: float | None


class ResultsOut(Out):
    min_cell: int
    scope: str
    cells: list[CellOut]


@router.get(
    "/me/fairness-questions",
    response=list[QuestionOut],
    url_name="fairness-questions",
    summary="My open 'did it feel fair?' questions",
)
@api_requires("fairness.questions.own")
def questions(request: HttpRequest) -> list[QuestionOut]:
    """One item per phase end I may still answer, with the page to answer it."""
    return [
        QuestionOut(
            invitation_id=q.invitation_id, phase=q.phase, case_id=q.case_id, label=str(q.label), url=q.url
        )
        for q in selectors.pending_fairness_questions(_actor(request))
    ]


@router.post(
    "/me/fairness-questions/{invitation_id}",
    response={204: None},
    url_name="fairness-answer",
    summary="Answer a 'did it feel fair?' question, once",
)
@api_requires("fairness.invitation.answer", on=INVITATION, hide=True)
def answer(request: HttpRequest, invitation: Invitation, payload: AnswerIn) -> Status[Any]:
    """The answers are stored without my identity, the case or a time: only the quarter and phase."""
    services.answer(
        actor=_actor(request),
        invitation=invitation,
        answers={"heard": payload.heard, "respect": payload.respect, "understood": payload.understood},
        comment=payload.comment,
        today=timezone.localdate(),
    )
    return Status(204, None)


@router.get(
    "/fairness/results",
    response=ResultsOut,
    url_name="fairness-results",
    summary="'Did it feel fair?' per ended quarter (HR: organisation; mediator: own mediations)",
)
@api_requires("fairness.results.view")
def results(request: HttpRequest) -> ResultsOut:
    """Means per question, only where at least min_cell answered; comments are on the page only."""
    data = services.results_read(actor=_actor(request), today=timezone.localdate())
    cells = [
        CellOut(
            quarter=c.quarter,
            phase=c.phase,
            respondents=c.respondents,
            heard=c.means["heard"] if c.means else None,
            respect=c.means["respect"] if c.means else None,
            understood=c.means["understood"] if c.means else None,
        )
        for c in data.cells
    ]
    return ResultsOut(min_cell=data.min_cell, scope=data.scope, cells=cells)
