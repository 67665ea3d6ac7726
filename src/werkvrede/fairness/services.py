"""Writes of "did it feel fair?" (ADR 0135): invite the parties when a phase ends; store an answer
without identity; mark the invitation done so no one is asked twice."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkvrede.accounts.models import Membership
from werkvrede.audit.services import record_for
from werkvrede.core.actor import Actor
from werkvrede.core.phases import MEDIATION, PhaseEnded
from werkvrede.core.policy import authorize
from werkvrede.core.refusals import Invalid, NotPossible
from werkvrede.fairness import selectors
from werkvrede.fairness.models import Answer, Invitation
from werkvrede.guideline import fairness


def invite(ended: PhaseEnded, today: date) -> int:
    """An invitation for each party with a log-in who is still a member of the organisation."""
    members = set(
        Membership.objects.filter(
            organisation_id=ended.organisation_id, user_id__in=ended.party_user_ids, is_active=True
        ).values_list("user_id", flat=True)
    )
    made = 0
    for user_id in sorted(members):
        _obj, created = Invitation.objects.get_or_create(
            user_id=user_id,
            phase=ended.phase,
            subject=ended.subject,
            defaults={
                "organisation_id": ended.organisation_id,
                "case_id": ended.case_id,
                "mediator_id": ended.mediator_id if ended.phase == MEDIATION else None,
                "invited_on": today,
            },
        )
        made += created
    return made


def on_phase_ended(sender: Any, ended: PhaseEnded, **kwargs: Any) -> None:
    invite(ended, timezone.localdate())


def _claim(actor: Actor, invitation: Invitation) -> Invitation:
    """Lock the invitation and check it is still open: a second answer is refused."""
    locked = Invitation.objects.select_for_update(no_key=True).get(pk=invitation.pk)
    if locked.done:
        raise NotPossible(_("Je hebt deze vragen al beantwoord."))
    authorize(actor, "fairness.invitation.answer", locked)
    return locked


@transaction.atomic
def answer(
    *, actor: Actor, invitation: Invitation, answers: Mapping[str, object], comment: str, today: date
) -> None:
    """Store the answers with the organisation, quarter and phase only (and the mediator for a
    mediation), and mark the invitation done. Nothing links the two; answering is not audited,
    since an event's time beside the person could point to the answer (docs/audit-events.md)."""
    locked = _claim(actor, invitation)
    try:
        clean = fairness.validate(answers)
    except fairness.InvalidAnswersError as exc:
        raise Invalid.of("__all__", _("Kies bij elke vraag een antwoord.")) from exc
    text = comment.strip()
    if len(text) > fairness.COMMENT_MAX:
        raise Invalid.of("comment", _("Schrijf hoogstens 500 tekens."))
    Answer.objects.create(
        organisation_id=locked.organisation_id,
        quarter=fairness.quarter_of(today),
        phase=locked.phase,
        mediator_id=locked.mediator_id if locked.phase == MEDIATION else None,
        comment=text,
        **clean,
    )
    locked.done = True
    locked.save(update_fields=["done"])


@transaction.atomic
def decline(*, actor: Actor, invitation: Invitation) -> None:
    """The person would rather not answer: not asked again, nothing stored."""
    locked = _claim(actor, invitation)
    locked.done = True
    locked.save(update_fields=["done"])


def results_read(*, actor: Actor, today: date) -> selectors.Results:
    authorize(actor, "fairness.results.view")
    results = selectors.results_for(actor, today)
    record_for(
        actor,
        "fairness.results.read",
        None,
        organisation_id=actor.organisation_id,
        data={"scope": results.scope, "shown": sum(1 for c in results.cells if not c.suppressed)},
    )
    return results
