"""The open "did it feel fair?" questions of a party, as items of "Wat nu?" (ADR 0135)."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _

from werkvrede.core.actor import Actor
from werkvrede.core.next_steps import NextStep
from werkvrede.fairness.selectors import pending_fairness_questions


def fairness_steps(actor: Actor, *, today: date, case_id: int | None = None) -> list[NextStep]:
    return [
        NextStep(
            kind="fairness.questions",
            text=q.label,
            url=q.url,
            button=_("Drie vragen beantwoorden"),
            today=today,
            case_id=q.case_id,
        )
        for q in pending_fairness_questions(actor)
        if case_id is None or q.case_id == case_id
    ]
