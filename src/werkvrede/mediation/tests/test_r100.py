"""R-100 / RT-2 at the door of mediation: a referral from a case with suspected transgressive
behaviour is held until the vertrouwenspersoon was offered and the melder chose (SC-06)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import World
from werkvrede.cases import services as case_services
from werkvrede.cases.models import Case
from werkvrede.core.refusals import Blocked
from werkvrede.core.roles import Role
from werkvrede.interventions.tests.helpers import behaviour_suspected
from werkvrede.mediation import services
from werkvrede.mediation.models import Mediation, PartySide
from werkvrede.mediation.tests.helpers import actor, employee_case

TODAY = date(2025, 10, 1)


def _suspected(world: World, category: str) -> Case:
    return behaviour_suspected(actor(world, Role.HR_ADVISER), employee_case(world), category, today=TODAY)


def _refer(world: World, case: Case) -> Mediation:
    t = world.a
    return services.mediation_refer(
        actor=actor(world, Role.HR_ADVISER),
        case_id=case.pk,
        data=services.ReferralInput(
            subject="Samenwerking",
            parties=[
                services.PartyInput(t.users[Role.EMPLOYEE].pk, PartySide.EMPLOYEE),
                services.PartyInput(t.users[Role.LINE_MANAGER].pk, PartySide.EMPLOYER_REPRESENTATIVE),
            ],
        ),
        today=TODAY,
    )


def test_a_direct_referral_is_held_under_suspected_sexual_harassment(world: World) -> None:
    case = _suspected(world, "SEXUAL_HARASSMENT")
    with pytest.raises(Blocked) as exc:
        _refer(world, case)
    assert "R-100" in {f.code for f in exc.value.findings}
    assert not Mediation.objects.exists()


def test_after_the_vp_offer_and_the_melders_choice_mediation_can_start(world: World) -> None:
    case = _suspected(world, "SEXUAL_HARASSMENT")
    case_services.case_vp_offered(case=case, on=TODAY)
    case_services.melder_choice_record(
        actor=actor(world, Role.EMPLOYEE),
        case_id=case.pk,
        choice="INFORMAL_ROUTE",
        consents_to_mediation=True,
        today=TODAY,
    )
    assert _refer(world, case).case_id == case.pk


def test_a_category_that_is_not_transgressive_holds_no_referral(world: World) -> None:
    assert _refer(world, _suspected(world, "INTEGRITY")).case_id is not None
