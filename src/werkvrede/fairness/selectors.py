"""Reads of "did it feel fair?" (ADR 0135): one's own open invitations, and the aggregates.

An invitation of someone else is not found (404). Aggregates are per quarter (and, for HR, per phase)
and only for quarters that have ended; a cell with fewer than min_cell answers shows neither its
count nor its means ("te weinig antwoorden").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkvrede.core.access import object_from
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, hidden
from werkvrede.core.replica import report_database
from werkvrede.core.roles import Role
from werkvrede.fairness.models import Answer, Invitation, Phase
from werkvrede.guideline import fairness
from werkvrede.prevention.selectors import min_cell_of

# How many past quarters the results page shows.
QUARTERS_SHOWN = 8

_QUESTION_OF_PHASE: dict[str, Promise] = {
    Phase.INTAKE: _("De intake is afgerond. Voelde het eerlijk?"),
    Phase.INTERVENTION_PERIOD: _("De interventieperiode is geëvalueerd. Voelde het eerlijk?"),
    Phase.MEDIATION: _("De mediation is beëindigd. Voelde het eerlijk?"),
    Phase.CASE: _("De zaak is afgerond. Voelde het eerlijk?"),
}


@dataclass(frozen=True)
class PendingQuestion:
    """An item for the person's pending actions: what to do and where."""

    invitation_id: int
    phase: str
    case_id: int | None
    label: str | Promise
    url: str


def _open_invitations(actor: Actor) -> list[Invitation]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    return list(
        Invitation.objects.filter(
            user_id=actor.user_id, organisation_id=actor.organisation_id, done=False
        ).order_by("invited_on", "pk")
    )


def label_of(invitation: Invitation) -> str | Promise:
    return _QUESTION_OF_PHASE[invitation.phase]


def pending_fairness_questions(actor: Actor) -> list[PendingQuestion]:
    """The actor's unanswered invitations, each with the URL of its three questions."""
    return [
        PendingQuestion(
            i.pk, i.phase, i.case_id, label_of(i), reverse("fairness:answer", kwargs={"invitation_id": i.pk})
        )
        for i in _open_invitations(actor)
    ]


def pending_for_case(actor: Actor, case_id: int) -> list[PendingQuestion]:
    return [q for q in pending_fairness_questions(actor) if q.case_id == case_id]


def invitation_get_for(actor: Actor, invitation_id: int) -> Invitation:
    invitation = Invitation.objects.filter(pk=invitation_id, user_id=actor.user_id or 0).first()
    if invitation is None or not allowed(actor, "fairness.invitation.answer", invitation):
        raise hidden(actor, "fairness.invitation.answer", invitation)
    return invitation


INVITATION = object_from("fairness invitation", "invitation_id", "invitation", invitation_get_for)


@dataclass(frozen=True)
class Results:
    min_cell: int
    scope: str  # "organisation" (HR) or "mediator" (their own mediations)
    cells: tuple[fairness.Cell, ...]
    comments: dict[tuple[str, str], tuple[str, ...]]  # (quarter, phase) -> comments, HR only


def _past_quarters(today: date, count: int) -> list[str]:
    year, q = today.year, (today.month - 1) // 3 + 1
    out = []
    for _i in range(count):
        q -= 1
        if q == 0:
            year, q = year - 1, 4
        out.append(f"{year}-Q{q}")
    return out


def results_for(actor: Actor, today: date) -> Results:
    """HR: per ended quarter and phase for the organisation; a mediator: their own mediations."""
    organisation_id = actor.organisation_id or 0
    min_cell = min_cell_of(organisation_id)
    quarters = _past_quarters(today, QUARTERS_SHOWN)
    rows = Answer.objects.using(report_database()).filter(
        organisation_id=organisation_id, quarter__in=quarters
    )
    as_hr = Role.HR_ADVISER in actor.roles
    if as_hr:
        keys = [(q, p) for q in quarters for p in Phase.values]
    else:
        rows = rows.filter(phase=Phase.MEDIATION, mediator_id=actor.user_id or 0)
        keys = [(q, Phase.MEDIATION) for q in quarters]
    grouped: dict[tuple[str, str], list[dict[str, int]]] = {k: [] for k in keys}
    texts: dict[tuple[str, str], list[str]] = {k: [] for k in keys}
    for a in rows.values("quarter", "phase", "heard", "respect", "understood", "comment"):
        key = (a["quarter"], a["phase"])
        grouped[key].append({"heard": a["heard"], "respect": a["respect"], "understood": a["understood"]})
        if a["comment"]:
            texts[key].append(a["comment"])
    cells = tuple(fairness.aggregate(q, p, grouped[(q, p)], min_cell) for q, p in keys)
    # Comments only to HR, only beside a cell that is shown, sorted so their order says nothing.
    comments = (
        {(c.quarter, c.phase): tuple(sorted(texts[(c.quarter, c.phase)])) for c in cells if not c.suppressed}
        if as_hr
        else {}
    )
    return Results(min_cell, "organisation" if as_hr else "mediator", cells, comments)
