""" "Wat nu?" from the cases context: deadlines this person owns, intakes to hold, the melder's choice."""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from werkvrede.cases.models import Case, CaseDeadline, CaseParticipant, CaseRole, CaseState
from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import case_list_for, due_deadlines_for
from werkvrede.core.actor import Actor
from werkvrede.core.next_steps import HORIZON_DAYS, NextStep
from werkvrede.core.policy import allowed
from werkvrede.core.roles import Role
from werkvrede.guideline.catalogue import describe

LIMIT = 20


def _case_url(case_id: int) -> str:
    return reverse("cases:detail", args=[case_id])


def deadline_steps(actor: Actor, *, today: date, case_id: int | None = None) -> list[NextStep]:
    """The deadlines this person owns, due within the horizon or overdue (T-xx, docs/rules.md)."""
    english = (get_language() or "nl").startswith("en")
    steps = []
    for item in due_deadlines_for(actor, today=today, horizon_days=HORIZON_DAYS, limit=LIMIT):
        deadline = item.deadline
        if case_id is not None and deadline.case_id != case_id:
            continue
        message = describe(deadline.code).message
        steps.append(
            NextStep(
                kind="cases.deadline",
                text=_("%(what)s (zaak %(reference)s)")
                % {"what": message.en if english else message.nl, "reference": deadline.case.reference},
                url=_case_url(deadline.case_id),
                button=_("Open de zaak"),
                due=deadline.due,
                today=today,
                case_id=deadline.case_id,
                code=deadline.code,
                late_done=deadline.status == CaseDeadline.Status.DONE_LATE,
                late_working_days=deadline.late_working_days or 0,
            )
        )
    return steps


def intake_steps(actor: Actor, *, today: date, case_id: int | None = None) -> list[NextStep]:
    """Signals waiting for their intake: HR holds it (SM-1, cases.case.intake)."""
    cases = case_list_for(actor).filter(state=CaseState.SIGNALLED)
    if case_id is not None:
        cases = cases.filter(pk=case_id)
    organisation_hr = Role.HR_ADVISER in actor.roles
    if not organisation_hr:
        as_hr = CaseParticipant.objects.filter(
            case=OuterRef("pk"), user_id=actor.user_id or 0, role=CaseRole.HR_ADVISER
        )
        cases = cases.filter(Exists(as_hr))
    roles = frozenset() if organisation_hr else frozenset({CaseRole.HR_ADVISER})
    return [
        NextStep(
            kind="cases.intake",
            text=_("Houd de intake van zaak %(reference)s: partijen, domeinen en escalatiefase.")
            % {"reference": case.reference},
            url=reverse("cases:intake", args=[case.pk]),
            button=_("Intake houden"),
            case_id=case.pk,
        )
        for case in cases.order_by("signalled_on", "pk")[:LIMIT]
        if allowed(actor, "cases.case.intake", CaseAccess(case=case, case_roles=roles))
    ]


def melder_choice_steps(actor: Actor, *, today: date, case_id: int | None = None) -> list[NextStep]:
    """R-100: the vertrouwenspersoon was offered; the melder (WN) has not chosen yet."""
    as_melder = CaseParticipant.objects.filter(
        case=OuterRef("pk"), user_id=actor.user_id or 0, role=CaseRole.EMPLOYEE
    )
    cases: list[Case] = list(
        case_list_for(actor)
        .filter(
            Exists(as_melder),
            undesirable_behaviour_suspected=True,
            vp_offered_on__isnull=False,
            melder_choice="",
        )
        .order_by("vp_offered_on", "pk")[:LIMIT]
    )
    return [
        NextStep(
            kind="cases.melder_choice",
            text=_("Kies na het aanbod van de vertrouwenspersoon hoe je verder wilt (zaak %(reference)s).")
            % {"reference": case.reference},
            url=_case_url(case.pk) + "#keuze-melder",
            button=_("Keuze maken"),
            case_id=case.pk,
            code="R-100",
        )
        for case in cases
        if (case_id is None or case.pk == case_id)
        and allowed(
            actor,
            "cases.melder_choice.record",
            CaseAccess(case=case, case_roles=frozenset({CaseRole.EMPLOYEE})),
        )
    ]
