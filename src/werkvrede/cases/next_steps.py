""" "Wat nu?" from the cases context: deadlines this person owns, intakes to hold, the melder's choice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from werkvrede.cases.models import Case, CaseDeadline, CaseParticipant, CaseRole, CaseState
from werkvrede.cases.policies import ORGANISATION_CASE_READERS, CaseAccess, readable_deadline_categories
from werkvrede.cases.selectors import (
    LATE_SHOWN_DAYS,
    DueItem,
    case_list_for,
    case_roles_held,
    due_deadlines_for,
)
from werkvrede.core.actor import Actor
from werkvrede.core.next_steps import HORIZON_DAYS, NextStep
from werkvrede.core.policy import allowed
from werkvrede.core.roles import Role
from werkvrede.guideline.catalogue import describe

LIMIT = 20


def _case_url(case_id: int) -> str:
    return reverse("cases:detail", args=[case_id])


@dataclass(frozen=True)
class CasePage:
    """What the case page already read: the case with the person's roles in it, and its deadlines
    this person may read (`selectors.deadlines_for`). "Wat nu?" answers for the page from these."""

    access: CaseAccess
    deadlines: list[DueItem]


def _owned_on_page(actor: Actor, page: CasePage, today: date) -> list[CaseDeadline]:
    """`due_deadlines_for` narrowed to the page's case, from the deadlines the page holds: the same
    window (due within the horizon, or done late recently) and the same owners (an organisation-wide
    role of the person, or a role they hold in this case), each role with the categories it may read."""
    if not allowed(actor, "cases.case.list"):
        return []
    organisation_roles = {str(r) for r in actor.roles & ORGANISATION_CASE_READERS}
    owners = [
        (role, readable_deadline_categories(frozenset(organisation_roles))) for role in organisation_roles
    ]
    owners += [
        (role, readable_deadline_categories(frozenset({role})))
        for role in set(page.access.case_roles) - organisation_roles
    ]
    horizon = today + timedelta(days=HORIZON_DAYS)
    late_since = today - timedelta(days=LATE_SHOWN_DAYS)
    shown = []
    for item in page.deadlines:
        d = item.deadline
        in_window = (d.status == CaseDeadline.Status.PENDING and d.due is not None and d.due <= horizon) or (
            d.status == CaseDeadline.Status.DONE_LATE and d.done_on is not None and d.done_on >= late_since
        )
        owned = any(f",{role}," in d.owner_roles and d.category in readable for role, readable in owners)
        if in_window and owned:
            shown.append(d)
    shown.sort(key=lambda d: (d.due or today, d.pk))
    return shown[:LIMIT]


def deadline_steps(
    actor: Actor, *, today: date, case_id: int | None = None, case_page: CasePage | None = None
) -> list[NextStep]:
    """The deadlines this person owns, due within the horizon or overdue (T-xx, docs/rules.md)."""
    english = (get_language() or "nl").startswith("en")
    steps = []
    if case_page is not None:
        owned = _owned_on_page(actor, case_page, today)
    else:
        items = due_deadlines_for(actor, today=today, horizon_days=HORIZON_DAYS, limit=LIMIT)
        owned = [item.deadline for item in items if case_id is None or item.deadline.case_id == case_id]
    for deadline in owned:
        reference = case_page.access.case.reference if case_page is not None else deadline.case.reference
        message = describe(deadline.code).message
        steps.append(
            NextStep(
                kind="cases.deadline",
                text=_("%(what)s (zaak %(reference)s)")
                % {"what": message.en if english else message.nl, "reference": reference},
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


def intake_steps(
    actor: Actor, *, today: date, case_id: int | None = None, case_page: CasePage | None = None
) -> list[NextStep]:
    """Signals waiting for their intake: HR holds it (SM-1, cases.case.intake)."""
    if case_page is not None:
        return _intake_step_on_page(actor, case_page)
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
        _intake_step(case)
        for case in cases.order_by("signalled_on", "pk")[:LIMIT]
        if allowed(actor, "cases.case.intake", CaseAccess(case=case, case_roles=roles))
    ]


def _intake_step(case: Case) -> NextStep:
    return NextStep(
        kind="cases.intake",
        text=_("Houd de intake van zaak %(reference)s: partijen, domeinen en escalatiefase.")
        % {"reference": case.reference},
        url=reverse("cases:intake", args=[case.pk]),
        button=_("Intake houden"),
        case_id=case.pk,
    )


def _intake_step_on_page(actor: Actor, page: CasePage) -> list[NextStep]:
    """The same question for the one case on the page, from the case and roles the page read."""
    case = page.access.case
    organisation_hr = Role.HR_ADVISER in actor.roles
    if case.state != CaseState.SIGNALLED or not allowed(actor, "cases.case.list"):
        return []
    if not organisation_hr and CaseRole.HR_ADVISER not in page.access.case_roles:
        return []
    roles = frozenset() if organisation_hr else frozenset({CaseRole.HR_ADVISER})
    if not allowed(actor, "cases.case.intake", CaseAccess(case=case, case_roles=roles)):
        return []
    return [_intake_step(case)]


def melder_choice_steps(
    actor: Actor, *, today: date, case_id: int | None = None, case_page: CasePage | None = None
) -> list[NextStep]:
    """R-100: the vertrouwenspersoon was offered; the melder (WN) has not chosen yet."""
    if case_page is not None:
        case = case_page.access.case
        waiting = (
            CaseRole.EMPLOYEE in case_page.access.case_roles
            and case.undesirable_behaviour_suspected
            and case.vp_offered_on is not None
            and case.melder_choice == ""
            and allowed(actor, "cases.case.list")
        )
        return [_melder_choice_step(case)] if waiting and _may_choose(actor, case) else []
    # Only a person who is the employee (WN) in some case can be a melder: one index probe tells, so
    # HR, managers and professionals do not pay for the search below on every start page (#18).
    if actor.user_id is None or CaseRole.EMPLOYEE not in case_roles_held(actor.user_id):
        return []
    as_melder = CaseParticipant.objects.filter(
        case=OuterRef("pk"), user_id=actor.user_id, role=CaseRole.EMPLOYEE
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
        _melder_choice_step(case)
        for case in cases
        if (case_id is None or case.pk == case_id) and _may_choose(actor, case)
    ]


def _may_choose(actor: Actor, case: Case) -> bool:
    return allowed(
        actor, "cases.melder_choice.record", CaseAccess(case=case, case_roles=frozenset({CaseRole.EMPLOYEE}))
    )


def _melder_choice_step(case: Case) -> NextStep:
    return NextStep(
        kind="cases.melder_choice",
        text=_("Kies na het aanbod van de vertrouwenspersoon hoe je verder wilt (zaak %(reference)s).")
        % {"reference": case.reference},
        url=_case_url(case.pk) + "#keuze-melder",
        button=_("Keuze maken"),
        case_id=case.pk,
        code="R-100",
    )
