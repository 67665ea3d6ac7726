"""Translate a stored case into the guideline engine's facts. The only code that knows both sides."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from werkvrede.cases.extensions import conflict_fact_providers, fact_providers
from werkvrede.cases.models import Case, CaseParty, GlaslRecord, LegalHold
from werkvrede.core.memo import reading
from werkvrede.guideline import (
    GUIDELINE_VERSION,
    Advice,
    Finding,
    InvalidSituation,
    Severity,
    Situation,
    evaluate,
    parse_situation,
)
from werkvrede.guideline.model import Message

logger = logging.getLogger(__name__)
# The code of the finding that stands in for the advice when a stored value cannot be read (ADR 0063).
UNREADABLE = "DATA"


def conflict_facts(
    case: Case,
    parties: list[CaseParty],
    *,
    glasl_stage: int | None,
    conflict_type: str,
    intake_completed: bool,
) -> dict[str, Any]:
    employee_assisted = any(p.legal_assistance_since for p in parties if p.side == CaseParty.Side.EMPLOYEE)
    employer_assisted = any(p.legal_assistance_since for p in parties if p.side == CaseParty.Side.OTHER)
    facts: dict[str, Any] = {
        "signalled_on": case.signalled_on.isoformat(),
        "perceived_by": sorted({p.side for p in parties if p.feels_obstructed}),
        "acknowledged_by_other": case.acknowledged_by_other,
        "domains": list(case.domains),
        "intake_completed": intake_completed,
        "legal_assistance_employee": employee_assisted,
        "legal_assistance_employer": employer_assisted,
    }
    if case.configuration:
        facts["configuration"] = case.configuration
    if glasl_stage is not None:
        facts["glasl_stage"] = glasl_stage
    if conflict_type:
        facts["conflict_type"] = conflict_type
    if case.undesirable_behaviour_suspected:
        behaviour: dict[str, Any] = {
            "categories": list(case.undesirable_behaviour_categories),
            "consents_to_mediation": case.melder_consents_to_mediation,
        }
        if case.vp_offered_on is not None:
            behaviour["vp_offered_on"] = case.vp_offered_on.isoformat()
        if case.melder_choice:
            behaviour["melder_choice"] = case.melder_choice
        facts["undesirable_behaviour"] = behaviour
    return facts


def case_situation(case: Case, parties: list[CaseParty], *, today: date, **conflict: Any) -> Situation:
    """The situation for a proposed change of the conflict facts (used as a transition guard)."""
    return parse_situation(
        {"today": today.isoformat(), "conflict": conflict_facts(case, parties, **conflict)}
    )


@reading()
def case_situation_data(case: Case, *, today: date) -> dict[str, Any]:
    """The stored case as the guideline's input: conflict facts plus every registered context's facts.

    Only reads: what two providers (or the page that asks) both read is read once (core.memo)."""
    parties = list(CaseParty.objects.filter(case=case))
    latest = GlaslRecord.objects.filter(case=case).order_by("-recorded_at", "-pk").first()
    data: dict[str, Any] = {
        "today": today.isoformat(),
        "conflict": conflict_facts(
            case,
            parties,
            glasl_stage=latest.stage if latest else None,
            conflict_type=latest.conflict_type if latest else "",
            intake_completed=case.intake_completed_on is not None,
        ),
    }
    conflict = data["conflict"]
    for name, provider in conflict_fact_providers().items():
        fragment = provider(case)
        clash = conflict.keys() & fragment.keys()
        if clash:
            raise ImproperlyConfigured(
                f"conflict facts provider {name!r} supplies {sorted(clash)} already supplied"
            )
        conflict.update(fragment)
    for name, provider in fact_providers().items():
        fragment = provider(case)
        clash = data.keys() & fragment.keys()
        if clash:
            # Two contexts describing the same part of the situation would silently overwrite each other.
            raise ImproperlyConfigured(f"facts provider {name!r} supplies {sorted(clash)} already supplied")
        data.update(fragment)
    hold = LegalHold.objects.filter(case=case, lifted_at__isnull=True).first()
    if hold is not None:
        # the active hold suspends every retention deletion (T-24) and says why.
        retention = data.setdefault("retention", {})
        retention["hold"] = {
            "category": hold.category,
            "reason": hold.reason,
            "since": timezone.localdate(hold.set_at).isoformat(),
        }
    return data


def stored_case_situation(case: Case, *, today: date) -> Situation:
    return parse_situation(case_situation_data(case, today=today))


def stored_case_advice(case: Case, *, today: date) -> Advice:
    """The guideline's advice on the stored case.

    A stored value the guideline refuses (a date outside 1900-2199, saved before such dates were
    refused) gives an advice with one BLOCK finding naming it instead of an error, so the case's
    pages keep working (ADR 0063).
    """
    try:
        situation = stored_case_situation(case, today=today)
    except InvalidSituation as exc:
        logger.warning("case %s: the guideline cannot read the stored %s: %s", case.pk, exc.path, exc.message)
        what = f"{exc.path}: {exc.message}"
        message = Message(
            nl=f"De richtlijn kan een opgeslagen gegeven van deze zaak niet lezen ({what}); "
            "laat de beheerder het verbeteren.",
            en=f"The guideline cannot read a stored value of this case ({what}); "
            "ask the administrator to correct it.",
        )
        finding = Finding(UNREADABLE, Severity.BLOCK, message, source="Werkvrede", subject=exc.path)
        return Advice(GUIDELINE_VERSION, today, None, None, (), (), (finding,), ())
    return evaluate(situation, today=today)
