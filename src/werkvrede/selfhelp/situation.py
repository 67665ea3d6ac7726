"""From the guide's answers to a guideline situation: one small pure function (docs/self-help.md).

The routing itself (RT-x, I-1…I-8) stays in the guideline engine; this module only says which fact
of the situation each answer is, so that the guide and a case ask the engine the same question.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

EMPLOYEE = "employee"
MANAGER = "manager"

#: The kinds of undesirable behaviour the guide asks about (the guideline's VP categories, R-100).
BEHAVIOURS = ("BULLYING", "OTHER_INTIMIDATION", "SEXUAL_HARASSMENT", "AGGRESSION_VIOLENCE", "DISCRIMINATION")

#: The Glasl stage the guide takes for "I do not know" is none: the engine then decides without it.
GLASL_STAGES = tuple(range(1, 10))

# I-1 asks how long the conflict has lasted; "longer than four weeks" is the protocol's minimum.
LONG_AGO_DAYS = 28


@dataclass(frozen=True)
class Answers:
    """What the visitor answered; every field has a neutral default ("no", "I do not know")."""

    path: str = EMPLOYEE
    feeling: str = "conflict"  # conflict | situation (uneasy, no conflict yet) | none
    behaviours: tuple[str, ...] = ()
    talked: str = "no"  # no | failed | helper_failed | helped
    long_running: bool = False
    sick: str = "no"  # no | afraid | yes
    wants_distance: bool = False
    lawyer: str = "no"  # no | own | other
    others_involved: bool = False
    part_ways: bool = False
    willing: str = "unsure"  # yes | no | unsure
    glasl_stage: int | None = None


def situation_data(answers: Answers, *, today: date, tenant: dict[str, Any] | None = None) -> dict[str, Any]:
    """The guideline situation (the input of `parse_situation`) that these answers describe."""
    manager = answers.path == MANAGER
    signalled_on = today - timedelta(days=LONG_AGO_DAYS if answers.long_running else 0)
    conflict: dict[str, Any] = {"signalled_on": signalled_on.isoformat()}
    if answers.feeling == "conflict":
        # a conflict exists once one party feels obstructed or irritated by the other.
        conflict["perceived_by"] = ["LG" if manager else "WN"]
    elif answers.feeling == "situation":
        conflict["undesirable_work_situation"] = True  # I-8: pre-mediation
    if answers.behaviours:
        conflict["undesirable_behaviour"] = {"categories": list(answers.behaviours)}
    if answers.talked in ("failed", "helper_failed"):
        attempts = [{"kind": "OWN_CONVERSATION", "outcome": "NOT_RESOLVED"}]
        if answers.talked == "helper_failed":
            attempts.append(
                {"kind": "FACILITATED_CONVERSATION", "facilitator": "HR", "outcome": "NOT_RESOLVED"}
            )
        conflict["attempts"] = attempts
    elif answers.talked == "helped":
        conflict["attempts"] = [{"kind": "OWN_CONVERSATION", "outcome": "RESOLVED"}]
    if answers.sick == "afraid":
        # RT-4 and RT-5: not sick, but heavy emotions; the open spreekuur without the employer.
        conflict["heavy_emotions"] = True
        conflict["wants_doctor_without_employer"] = True
    if answers.wants_distance:
        conflict["wants_distance"] = True
    if answers.lawyer == "own":
        conflict["legal_assistance_employer" if manager else "legal_assistance_employee"] = True
    elif answers.lawyer == "other":
        conflict["legal_assistance_employee" if manager else "legal_assistance_employer"] = True
    if answers.others_involved:
        conflict["third_parties_involved"] = True
    if answers.part_ways:
        conflict["termination_discussion"] = True
    if answers.willing in ("yes", "no"):
        conflict["parties_willing_to_mediate"] = answers.willing == "yes"
    if answers.glasl_stage is not None:
        conflict["glasl_stage"] = answers.glasl_stage
    data: dict[str, Any] = {"today": today.isoformat(), "conflict": conflict}
    if answers.sick == "yes":
        data["sick_report"] = {"first_sick_day": today.isoformat()}  # RT-3
    if tenant:
        data["tenant"] = tenant
    return data
