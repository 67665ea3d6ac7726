from __future__ import annotations

from datetime import date

import pytest

from conftest import World
from werkvrede.cases.models import CaseParty
from werkvrede.cases.services import glasl_record
from werkvrede.core.refusals import Blocked, NeedsAttention
from werkvrede.core.roles import Role
from werkvrede.interventions import services
from werkvrede.interventions.models import Intervention
from werkvrede.interventions.tests.helpers import actor, employee_case


def _record(world: World, case_id: int, kind: str, **kw: object) -> Intervention:
    data = services.InterventionInput(
        kind=kind,
        chair_role=str(kw.get("chair_role", "")),
        hr_attends=False,
        support_employee=kw.get("support_employee"),  # type: ignore[arg-type]
        support_other=kw.get("support_other"),  # type: ignore[arg-type]
        planned_on=None,
        note=str(kw.get("note", "")),
    )
    acknowledged = kw.get("acknowledged", ())
    return services.intervention_record(
        actor=actor(world, Role.HR_ADVISER),
        case_id=case_id,
        data=data,
        today=date(2025, 3, 20),
        acknowledged=acknowledged,  # type: ignore[arg-type]
    )


def test_r061_hr_bemiddeling_at_glasl_4_warns_and_can_be_acknowledged(world: World) -> None:
    case = employee_case(world)
    glasl_record(actor=actor(world, Role.HR_ADVISER), case_id=case.pk, stage=4, conflict_type="")
    with pytest.raises(NeedsAttention) as exc:
        _record(world, case.pk, "HR_BEMIDDELING", chair_role="HR")
    assert {f.code for f in exc.value.findings} == {"R-061"}
    recorded = _record(world, case.pk, "HR_BEMIDDELING", chair_role="HR", acknowledged=["R-061"])
    assert recorded.acknowledged == ["R-061"]


def test_r063_no_bmw_bemiddeling_once_a_party_is_legally_assisted(world: World) -> None:
    case = employee_case(world)
    CaseParty.objects.filter(case=case, side="WP").update(legal_assistance_since=date(2025, 3, 10))
    with pytest.raises(Blocked) as exc:
        _record(
            world, case.pk, "BMW_BEMIDDELING", chair_role="BMW", support_employee=True, support_other=True
        )
    assert "R-063" in {f.code for f in exc.value.findings}


def test_r062_bmw_bemiddeling_with_support_of_both_parties(world: World) -> None:
    case = employee_case(world)
    recorded = _record(
        world, case.pk, "BMW_BEMIDDELING", chair_role="BMW", support_employee=True, support_other=True
    )
    assert recorded.kind == "BMW_BEMIDDELING"


def test_a_referral_to_the_mediator_is_a_record_the_mediation_module_can_take_over(world: World) -> None:
    case = employee_case(world)
    referral = _record(world, case.pk, "REFERRAL_MEDIATOR", note="beide partijen willen mediation")
    assert referral.status == "PROPOSED" and referral.note == "beide partijen willen mediation"
