"""Writes of the prevention scan: start and close a pulse (audited), and an anonymous answer
(counted, never linked to anyone; docs/prevention.md)."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from werkvrede.audit.services import record_for
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize
from werkvrede.core.refusals import Invalid, NotPossible
from werkvrede.guideline import prevention
from werkvrede.guideline.version import GUIDELINE_VERSION
from werkvrede.prevention import selectors
from werkvrede.prevention.models import Pulse, PulseResponse

TEAM_MAX = 80


@transaction.atomic
def pulse_start(*, actor: Actor, team: str, closes_on: date | None, today: date) -> Pulse:
    authorize(actor, "prevention.pulse.start")
    label = " ".join(team.split())
    if not label:
        raise Invalid.of("team", _("Vul de naam van het team in, bijvoorbeeld ‘Team Inkoop’."))
    if len(label) > TEAM_MAX:
        raise Invalid.of("team", _("Maak de naam van het team korter: hoogstens 80 tekens."))
    if closes_on is not None and closes_on < today:
        raise Invalid.of("closes_on", _("Kies een sluitdatum vandaag of later, of laat het veld leeg."))
    pulse = Pulse.objects.create(
        organisation_id=actor.organisation_id or 0,
        team=label,
        team_key=selectors.team_key(label),
        token=secrets.token_urlsafe(32),
        started_by_id=actor.user_id,
        started_on=today,
        closes_on=closes_on,
        guideline_version=GUIDELINE_VERSION,
    )
    record_for(actor, "prevention.pulse.started", pulse)
    return pulse


@transaction.atomic
def pulse_close(*, actor: Actor, pulse: Pulse, today: date) -> Pulse:
    authorize(actor, "prevention.pulse.close", pulse)
    pulse.closed_on = today
    pulse.save(update_fields=["closed_on"])
    record_for(actor, "prevention.pulse.closed", pulse)
    return pulse


def results_read(*, actor: Actor, pulse: Pulse, today: date) -> selectors.Results:
    """The results page's content; reading results of a closed pulse is audited."""
    authorize(actor, "prevention.pulse.results", pulse)
    closed = pulse.is_closed(today)
    results = selectors.results_of(pulse, closed=closed)
    if closed:
        record_for(
            actor,
            "prevention.pulse.results_read",
            pulse,
            data={"shown": bool(results.result and not results.result.suppressed)},
        )
    return results


@transaction.atomic
def pulse_answer(*, pulse: Pulse, answers: Mapping[str, int], today: date) -> None:
    """Store one anonymous set of answers: the answers only, no one's identity, no date or time."""
    if pulse.is_closed(today):
        raise NotPossible(_("Deze peiling is gesloten. Je antwoorden zijn niet opgeslagen."))
    try:
        clean = prevention.validate_answers(answers)
    except prevention.InvalidAnswers as exc:
        raise Invalid.of("__all__", _("Kies bij elke stelling een antwoord.")) from exc
    PulseResponse.objects.create(pulse=pulse, answers=clean)
