""" "Wat nu?": what waits for each person, from every context, and only what they may know."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from html import unescape
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import World
from werkvrede.cases.models import Case, CaseDeadline
from werkvrede.cases.next_steps import CasePage, melder_choice_steps
from werkvrede.cases.selectors import case_get_for
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.next_steps import NextStep, next_steps_for
from werkvrede.core.roles import Role
from werkvrede.core.startpages import START_SECTIONS
from werkvrede.mediation import services as mediation_services
from werkvrede.mediation.models import Mediation
from werkvrede.mediation.next_steps import mediation_steps
from werkvrede.mediation.tests.helpers import employee_case, in_intake, party, referred
from werkvrede.mediation.tracker import mediation_lines

NOTHING = "Er is op dit moment niets voor je te doen."


def _today() -> date:
    return timezone.localdate()


def _kinds(world: World, role: Role, tenant: str = "a", case_id: int | None = None) -> list[str]:
    t = world.tenant(tenant)
    actor = actor_of(t.users[role], t.organisation.pk)
    return [step.kind for step in next_steps_for(actor, today=_today(), case_id=case_id)]


def _deadline(case: Case, code: str, owners: str, due: date) -> CaseDeadline:
    return CaseDeadline.objects.create(
        case=case,
        organisation_id=case.organisation_id,
        code=code,
        category="D10",
        status=CaseDeadline.Status.PENDING,
        due=due,
        owner_roles=owners,
        basis="R-150",
        guideline_version="test",
    )


def test_due_dates_are_told_in_words() -> None:
    today = date(2025, 10, 10)
    step = NextStep(kind="k", text="t", url="/", button="b", today=today)
    assert NextStep(**{**step.__dict__, "due": today + timedelta(days=4)}).when == "over 4 dagen"
    assert NextStep(**{**step.__dict__, "due": today - timedelta(days=2)}).when == "2 dagen te laat"
    assert NextStep(**{**step.__dict__, "due": today - timedelta(days=1)}).when == "1 dag te laat"
    assert NextStep(**{**step.__dict__, "due": today}).when == "vandaag"
    assert step.when == ""  # no date: nothing made up
    assert NextStep(**{**step.__dict__, "due": today - timedelta(days=2)}).overdue
    assert not NextStep(**{**step.__dict__, "due": today + timedelta(days=2)}).overdue


def test_hr_sees_the_overdue_step_the_casemanager_sees(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    _deadline(case, "T-01", ",CM,LG,", _today() - timedelta(days=25))
    _deadline(case, "T-03", ",BA,", _today() - timedelta(days=25))  # the BA's own step: not HR's
    for role in (Role.CASEMANAGER, Role.HR_ADVISER):
        html = client_as(role).get("/").content.decode()
        assert "T-01" in html and "25 dagen te laat" in html, role
        assert "T-03" not in html, role
    # Another organisation's HR learns nothing of it.
    assert "T-01" not in client_as(Role.HR_ADVISER, "b").get("/").content.decode()


def test_the_employee_is_asked_whether_they_join_voluntarily(
    world: World, client_as: Callable[..., Client]
) -> None:
    mediation = in_intake_without_answers(world)
    assert "mediation.willingness" in _kinds(world, Role.EMPLOYEE)
    assert "mediation.willingness" in _kinds(world, Role.EMPLOYEE, case_id=mediation.case_id)
    html = client_as(Role.EMPLOYEE).get("/").content.decode()
    assert "R-070" in html and NOTHING not in html
    assert reverse("mediation:detail", args=[mediation.pk]) in html
    # The mediator and people outside the mediation are not asked.
    assert "mediation.willingness" not in _kinds(world, Role.MEDIATOR)
    assert "mediation.willingness" not in _kinds(world, Role.EMPLOYEE, "b")
    # Once answered, it is gone.
    t = world.a
    mediation_services.willingness_record(
        actor=actor_of(t.users[Role.EMPLOYEE], t.organisation.pk),
        mediation_id=mediation.pk,
        willing=True,
        today=_today(),
    )
    assert "mediation.willingness" not in _kinds(world, Role.EMPLOYEE)


def in_intake_without_answers(world: World) -> Mediation:
    mediation = referred(world)
    t = world.a
    med = actor_of(t.users[Role.MEDIATOR], t.organisation.pk)
    mediation_services.impartiality_declare(actor=med, mediation_id=mediation.pk, today=_today())
    mediation_services.intake_record(
        actor=med,
        mediation_id=mediation.pk,
        data=mediation_services.IntakeInput(
            party_id=party(mediation, world, Role.EMPLOYEE).pk,
            held_on=_today(),
            positions="p",
            interests="i",
            causes="c",
        ),
        today=_today(),
    )
    mediation.refresh_from_db()
    return mediation


def test_the_mediator_sees_a_referral_waiting(world: World, client_as: Callable[..., Client]) -> None:
    mediation = referred(world)
    assert _kinds(world, Role.MEDIATOR).count("mediation.referral") == 1
    html = client_as(Role.MEDIATOR).get("/").content.decode()
    assert "Nieuwe aanvraag" in html and reverse("mediation:detail", args=[mediation.pk]) in html
    assert "mediation.referral" not in _kinds(world, Role.MEDIATOR, "b")
    # Declared: the referral no longer waits; the intakes do.
    t = world.a
    mediation_services.impartiality_declare(
        actor=actor_of(t.users[Role.MEDIATOR], t.organisation.pk), mediation_id=mediation.pk, today=_today()
    )
    kinds = _kinds(world, Role.MEDIATOR)
    assert "mediation.referral" not in kinds and "mediation.intake" in kinds


def test_the_agreement_waits_for_each_signature(world: World) -> None:
    mediation = in_intake(world)
    t = world.a
    med = actor_of(t.users[Role.MEDIATOR], t.organisation.pk)
    from werkvrede.mediation.tests.helpers import FULL_AGREEMENT, sign

    doc = mediation_services.agreement_draft(
        actor=med, mediation_id=mediation.pk, data=FULL_AGREEMENT, today=_today()
    )
    assert "mediation.sign" in _kinds(world, Role.EMPLOYEE)
    assert "mediation.sign" in _kinds(world, Role.LINE_MANAGER)
    sign(world, mediation, doc, Role.EMPLOYEE)
    assert "mediation.sign" not in _kinds(world, Role.EMPLOYEE)
    assert "mediation.sign" in _kinds(world, Role.LINE_MANAGER)
    assert "mediation.sign" not in _kinds(world, Role.HR_ADVISER)  # the referrer signs nothing


def test_the_melder_is_asked_to_choose_after_the_vp_offer(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = employee_case(world)
    Case.objects.filter(pk=case.pk).update(undesirable_behaviour_suspected=True, vp_offered_on=_today())
    assert "cases.melder_choice" in _kinds(world, Role.EMPLOYEE)
    html = client_as(Role.EMPLOYEE).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "R-100" in html and "#keuze-melder" in html
    # The other party (WP) and HR are not the melder.
    assert "cases.melder_choice" not in _kinds(world, Role.LINE_MANAGER)
    assert "cases.melder_choice" not in _kinds(world, Role.HR_ADVISER)
    # Near miss: not yet offered, nothing to choose.
    Case.objects.filter(pk=case.pk).update(vp_offered_on=None)
    assert "cases.melder_choice" not in _kinds(world, Role.EMPLOYEE)
    # Chosen: done.
    Case.objects.filter(pk=case.pk).update(vp_offered_on=_today(), melder_choice="INFORMAL")
    assert "cases.melder_choice" not in _kinds(world, Role.EMPLOYEE)


def test_only_an_employee_in_a_case_pays_for_the_melder_search(world: World) -> None:
    """#18: who is the employee (WN) in no case cannot be a melder: one probe of the roles held, not the
    search; the melder herself is still searched and asked."""
    case = employee_case(world)
    Case.objects.filter(pk=case.pk).update(undesirable_behaviour_suspected=True, vp_offered_on=_today())
    t = world.a
    hr = actor_of(t.users[Role.HR_ADVISER], t.organisation.pk)
    with CaptureQueriesContext(connection) as hr_reads:
        assert melder_choice_steps(hr, today=_today()) == []
    assert [q["sql"].startswith("WITH RECURSIVE held") for q in hr_reads] == [True]  # no case searched
    melder = actor_of(t.users[Role.EMPLOYEE], t.organisation.pk)
    with CaptureQueriesContext(connection) as melder_reads:
        assert [s.case_id for s in melder_choice_steps(melder, today=_today())] == [case.pk]
    assert len(melder_reads) == 2  # the roles held, then the search


def test_the_case_roles_held_are_read_once_for_all_of_wat_nu(world: World) -> None:
    """The deadlines and the melder's choice both ask which case roles the person holds: "Wat nu?" reads
    them once (core.memo, ADR 0209)."""
    t = world.a
    hr = actor_of(t.users[Role.HR_ADVISER], t.organisation.pk)
    with CaptureQueriesContext(connection) as reads:
        next_steps_for(hr, today=_today())
    assert [q["sql"].startswith("WITH RECURSIVE held") for q in reads].count(True) == 1


def test_hr_is_asked_to_hold_the_intake(world: World) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    assert "cases.intake" in _kinds(world, Role.HR_ADVISER, case_id=case.pk)
    assert "cases.intake" not in _kinds(world, Role.CASEMANAGER)
    assert "cases.intake" not in _kinds(world, Role.EMPLOYEE)
    assert "cases.intake" not in _kinds(world, Role.HR_ADVISER, "b")


def test_the_empty_state_only_when_nothing_waits(world: World, client_as: Callable[..., Client]) -> None:
    assert NOTHING in client_as(Role.EMPLOYEE).get("/").content.decode()
    referred(world)
    assert NOTHING not in client_as(Role.EMPLOYEE).get("/").content.decode()


@pytest.mark.parametrize("role", list(START_SECTIONS))
def test_nothing_said_to_be_missing_exists(
    world: World, client_as: Callable[..., Client], role: Role
) -> None:
    """A "Nog niet beschikbaar" item must not name a page the menu already offers this person."""
    html = client_as(role).get("/").content.decode()
    links = {unescape(t).strip().lower() for t in re.findall(r"<a [^>]*>([^<]+)</a>", html)}
    links.discard("")
    for line in re.findall(r"Nog niet beschikbaar:\s*([^<]+)<", html):
        for item in unescape(line).split(" · "):
            missing = item.strip().lower()
            named = [link for link in links if link in missing or missing in link]
            assert not named, (role, item, named)


def test_the_officer_is_asked_to_acknowledge_a_report(world: World, client_as: Callable[..., Client]) -> None:
    from werkvrede.whistleblower.tests.helpers import STORY, named_report

    named_report(world, today=_today() - timedelta(days=10))
    kinds = _kinds(world, Role.WHISTLEBLOWER_OFFICER)
    assert "whistleblower.T-20" in kinds
    html = client_as(Role.WHISTLEBLOWER_OFFICER).get("/").content.decode()
    assert "T-20" in html and "dagen te laat" in html and STORY not in html
    assert "whistleblower.T-20" not in _kinds(world, Role.HR_ADVISER)
    assert "whistleblower.T-20" not in _kinds(world, Role.WHISTLEBLOWER_OFFICER, "b")


def test_the_officer_concerned_by_a_report_is_not_asked(world: World) -> None:
    from werkvrede.whistleblower.tests.helpers import named_report

    named_report(world, concerned=(Role.WHISTLEBLOWER_OFFICER,), today=_today())
    assert not [k for k in _kinds(world, Role.WHISTLEBLOWER_OFFICER) if k.startswith("whistleblower.")]


def test_on_the_case_page_the_mediation_step_comes_from_the_cases_own_mediations(
    world: World, client_as: Callable[..., Client], django_assert_num_queries: Callable[..., Any]
) -> None:
    """ADR 0201: the case page asks mediation from the mediations its tracker read; a case without a
    running mediation costs the provider no query, and one with it still shows its step."""
    mediation = in_intake_without_answers(world)
    html = client_as(Role.EMPLOYEE).get(f"/zaken/{mediation.case_id}/").content.decode()
    assert "R-070" in html and reverse("mediation:detail", args=[mediation.pk]) + "#fase" in html
    t = world.a
    actor = actor_of(t.users[Role.EMPLOYEE], t.organisation.pk)
    other = signal(t.users[Role.EMPLOYEE], t.organisation.pk)
    access = case_get_for(actor, other.pk)
    assert mediation_lines(access.case, actor) == []  # the tracker's read
    page = CasePage(access=access, deadlines=[])
    with django_assert_num_queries(0):
        assert mediation_steps(actor, today=_today(), case_id=other.pk, case_page=page) == []
