"""R-100 / RT-2: with suspected transgressive behaviour the vertrouwenspersoon comes first.

Conversations, bemiddeling and a referral to a mediator — steps that confront the melder with the
other party — are held until the VP was offered and the melder chose (SC-06). Protective steps and
other interventions stay possible, and categories that are not transgressive do not hold anything.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import World
from werkvrede.cases import services as case_services
from werkvrede.cases.models import Case
from werkvrede.cases.selectors import r100_hold
from werkvrede.core.policy import AccessDenied
from werkvrede.core.refusals import Blocked
from werkvrede.core.roles import Role
from werkvrede.interventions.models import Intervention
from werkvrede.interventions.tests.helpers import (
    actor,
    behaviour_suspected,
    employee_case,
    intervention_recorded,
)

TODAY = date(2025, 10, 1)


def _intake(world: World, case: Case, *categories: str) -> Case:
    return behaviour_suspected(actor(world, Role.HR_ADVISER), case, *categories, today=TODAY)


def _record(world: World, case: Case, kind: str, chair_role: str = "") -> Intervention:
    return intervention_recorded(  # type: ignore[no-any-return]
        actor(world, Role.HR_ADVISER), case, kind, today=TODAY, chair_role=chair_role
    )


@pytest.mark.parametrize(
    ("kind", "chair"),
    [("CONVERSATION", ""), ("HR_BEMIDDELING", "HR"), ("BMW_BEMIDDELING", "BMW"), ("REFERRAL_MEDIATOR", "")],
)
def test_confronting_steps_are_held_under_suspected_sexual_harassment(
    world: World, kind: str, chair: str
) -> None:
    case = _intake(world, employee_case(world), "SEXUAL_HARASSMENT")
    assert r100_hold(case)
    with pytest.raises(Blocked) as exc:
        _record(world, case, kind, chair)
    assert "R-100" in {f.code for f in exc.value.findings}
    assert not Intervention.objects.filter(case=case).exists()


def test_non_confronting_steps_stay_possible_during_the_hold(world: World) -> None:
    case = _intake(world, employee_case(world), "BULLYING")
    assert _record(world, case, "INDIVIDUAL").kind == "INDIVIDUAL"
    assert _record(world, case, "REFERRAL_VP").kind == "REFERRAL_VP"


def test_a_category_that_is_not_transgressive_holds_nothing(world: World) -> None:
    case = _intake(world, employee_case(world), "INTEGRITY")
    assert not r100_hold(case)
    assert _record(world, case, "CONVERSATION").kind == "CONVERSATION"


def test_a_suspicion_names_a_category(world: World) -> None:
    case = employee_case(world)
    with pytest.raises(ValueError, match="RT-2"):
        case_services.case_complete_intake(
            actor=actor(world, Role.HR_ADVISER),
            case_id=case.pk,
            data=case_services.IntakeInput(
                configuration="INDIVIDUAL_INDIVIDUAL",
                domains=("RELATIONS",),
                acknowledged_by_other=None,
                employee_feels_obstructed=True,
                other_feels_obstructed=False,
                undesirable_behaviour_suspected=True,
                glasl_stage=None,
                conflict_type="",
            ),
            today=TODAY,
        )


def test_the_hold_ends_only_when_the_vp_was_offered_and_the_melder_chose(world: World) -> None:
    case = _intake(world, employee_case(world), "SEXUAL_HARASSMENT")
    _record(world, case, "REFERRAL_VP")
    case.refresh_from_db()
    assert case.vp_offered_on == TODAY
    assert r100_hold(case), "offered, but the melder has not chosen yet"
    with pytest.raises(Blocked):
        _record(world, case, "CONVERSATION")
    # Nobody chooses for the melder: not HR, not the other party.
    for role in (Role.HR_ADVISER, Role.LINE_MANAGER):
        with pytest.raises(AccessDenied):
            case_services.melder_choice_record(
                actor=actor(world, role),
                case_id=case.pk,
                choice="INFORMAL_ROUTE",
                consents_to_mediation=True,
                today=TODAY,
            )
    case_services.melder_choice_record(
        actor=actor(world, Role.EMPLOYEE),
        case_id=case.pk,
        choice="INFORMAL_ROUTE",
        consents_to_mediation=True,
        today=TODAY,
    )
    case.refresh_from_db()
    assert not r100_hold(case)
    assert _record(world, case, "CONVERSATION").kind == "CONVERSATION"


def test_the_melder_cannot_choose_before_the_vp_was_offered(world: World) -> None:
    case = _intake(world, employee_case(world), "BULLYING")
    with pytest.raises(AccessDenied, match=r"cases\.melder_choice\.record"):
        case_services.melder_choice_record(
            actor=actor(world, Role.EMPLOYEE),
            case_id=case.pk,
            choice="VP",
            consents_to_mediation=False,
            today=TODAY,
        )


def test_only_the_melder_reads_the_choice(world: World, client_as: object) -> None:
    case = _intake(world, employee_case(world), "SEXUAL_HARASSMENT")
    _record(world, case, "REFERRAL_VP")
    employee = client_as(Role.EMPLOYEE)  # type: ignore[operator]
    response = employee.post(
        f"/api/v1/cases/{case.pk}/melder-choice",
        {"choice": "FORMAL_COMPLAINT", "consents_to_mediation": False},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["melder_choice"] == "FORMAL_COMPLAINT"
    assert response.json()["r100_hold"] is False
    hr = client_as(Role.HR_ADVISER).get(f"/api/v1/cases/{case.pk}")  # type: ignore[operator]
    assert hr.json()["melder_choice"] is None and hr.json()["r100_hold"] is False
    assert b"FORMAL_COMPLAINT" not in hr.content
    page = client_as(Role.HR_ADVISER).get(f"/zaken/{case.pk}/")  # type: ignore[operator]
    assert "formele klacht" not in page.content.decode()


def test_the_intake_form_asks_for_a_category_and_keeps_what_was_typed(
    world: World, client_as: object
) -> None:
    case = employee_case(world)
    hr = client_as(Role.HR_ADVISER)  # type: ignore[operator]
    response = hr.post(
        f"/zaken/{case.pk}/intake/",
        {
            "configuration": "INDIVIDUAL_INDIVIDUAL",
            "domains": ["RELATIONS"],
            "undesirable_behaviour_suspected": "on",
            "glasl_stage": "4",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kies minstens één soort gedrag" in body
    assert 'value="4" selected' in body
    response = hr.post(
        f"/zaken/{case.pk}/intake/",
        {
            "configuration": "INDIVIDUAL_INDIVIDUAL",
            "domains": ["RELATIONS"],
            "undesirable_behaviour_suspected": "on",
            "undesirable_behaviour_categories": ["BULLYING"],
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.undesirable_behaviour_categories == ["BULLYING"]
    assert "R-100" in hr.get(f"/zaken/{case.pk}/").content.decode()


def test_the_other_party_is_not_told_of_the_suspicion(world: World, client_as: object) -> None:
    case = _intake(world, employee_case(world), "SEXUAL_HARASSMENT")
    _record(world, case, "REFERRAL_VP")
    case_services.melder_choice_record(
        actor=actor(world, Role.EMPLOYEE),
        case_id=case.pk,
        choice="VP",
        consents_to_mediation=False,
        today=TODAY,
    )
    Case.objects.filter(pk=case.pk).update(melder_choice="")  # the hold applies again
    hr = client_as(Role.HR_ADVISER).get(f"/api/v1/cases/{case.pk}").json()  # type: ignore[operator]
    assert hr["undesirable_behaviour_categories"] == ["SEXUAL_HARASSMENT"] and hr["r100_hold"] is True
    # The line manager is the other party in this case.
    other = client_as(Role.LINE_MANAGER)  # type: ignore[operator]
    seen = other.get(f"/api/v1/cases/{case.pk}").json()
    assert seen["undesirable_behaviour_suspected"] is False
    assert seen["undesirable_behaviour_categories"] == [] and seen["vp_offered_on"] is None
    assert seen["r100_hold"] is False
    assert "case.melder_chose" not in {e["kind"] for e in seen["timeline"]}
    assert "case.melder_chose" in {e["kind"] for e in hr["timeline"]}
    page = other.get(f"/zaken/{case.pk}/").content.decode()
    assert "R-100" not in page and "grensoverschrijdend" not in page
    assert "R-100" in client_as(Role.EMPLOYEE).get(f"/zaken/{case.pk}/").content.decode()  # type: ignore[operator]


def test_the_other_party_does_not_see_the_vp_referral(world: World, client_as: object) -> None:
    case = _intake(world, employee_case(world), "BULLYING")
    _record(world, case, "REFERRAL_VP")
    _record(world, case, "INDIVIDUAL")
    for role, sees in ((Role.HR_ADVISER, True), (Role.EMPLOYEE, True), (Role.LINE_MANAGER, False)):
        client = client_as(role)  # type: ignore[operator]
        section = client.get(f"/api/v1/cases/{case.pk}/interventions").json()
        kinds = {i["kind"] for i in section["interventions"]}
        assert ("REFERRAL_VP" in kinds) == sees, role
        assert "INDIVIDUAL" in kinds, role
        timeline = client.get(f"/api/v1/cases/{case.pk}").json()["timeline"]
        assert ("intervention.vp_referral" in {e["kind"] for e in timeline}) == sees, role
        assert "REFERRAL_VP" not in str([e for e in timeline if e["kind"] != "intervention.vp_referral"])
        page = client.get(f"/interventies/zaak/{case.pk}/").content.decode()
        assert ("Verwijzing naar de vertrouwenspersoon" in page) == sees, role
