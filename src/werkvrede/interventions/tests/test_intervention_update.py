"""A planned intervention can be changed until it starts, with the same guideline checks (R-061…R-064)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.core.refusals import Blocked, NotPossible
from werkvrede.core.roles import Role
from werkvrede.interventions import services
from werkvrede.interventions.models import Intervention
from werkvrede.interventions.tests.helpers import actor, employee_case

pytestmark = pytest.mark.django_db
TODAY = date(2025, 3, 20)


def _input(**kw: object) -> services.InterventionInput:
    values: dict[str, object] = {
        "kind": "CONVERSATION",
        "chair_role": "",
        "hr_attends": False,
        "support_employee": None,
        "support_other": None,
        "planned_on": date(2025, 3, 25),
        "note": "",
    }
    values.update(kw)
    return services.InterventionInput(**values)  # type: ignore[arg-type]


def _planned(world: World) -> Intervention:
    case = employee_case(world)
    return services.intervention_record(
        actor=actor(world, Role.HR_ADVISER), case_id=case.pk, data=_input(), today=TODAY
    )


def test_the_planned_date_and_details_change_while_not_started(world: World) -> None:
    planned = _planned(world)
    changed = services.intervention_update(
        actor=actor(world, Role.HR_ADVISER),
        case_id=planned.case_id,
        intervention_id=planned.pk,
        data=_input(planned_on=date(2025, 4, 2), note="Nieuwe ruimte"),
        today=TODAY,
        expected_version=1,
    )
    changed.refresh_from_db()
    assert changed.planned_on == date(2025, 4, 2) and changed.note == "Nieuwe ruimte"
    assert changed.kind == "CONVERSATION"
    event = AuditEvent.objects.get(action="interventions.intervention.updated")
    assert "Nieuwe ruimte" not in str(event.data)


def test_a_change_is_checked_by_the_guideline_like_a_new_one_r064(world: World) -> None:
    planned = _planned(world)
    with pytest.raises(Blocked) as exc:
        services.intervention_update(
            actor=actor(world, Role.HR_ADVISER),
            case_id=planned.case_id,
            intervention_id=planned.pk,
            data=_input(chair_role="VP"),
            today=TODAY,
            expected_version=1,
        )
    assert "R-064" in {f.code for f in exc.value.findings}
    planned.refresh_from_db()
    assert planned.chair_role == ""


def test_a_started_intervention_no_longer_changes(world: World) -> None:
    planned = _planned(world)
    hr = actor(world, Role.HR_ADVISER)
    services.intervention_start(actor=hr, case_id=planned.case_id, intervention_id=planned.pk, today=TODAY)
    with pytest.raises(NotPossible):
        services.intervention_update(
            actor=hr,
            case_id=planned.case_id,
            intervention_id=planned.pk,
            data=_input(planned_on=date(2025, 4, 2)),
            today=TODAY,
            expected_version=1,
        )


def test_the_page_changes_the_plan_and_keeps_what_was_typed_on_a_refusal(
    world: World, client_as: Callable[..., Client]
) -> None:
    planned = _planned(world)
    url = reverse(
        "interventions:intervention", kwargs={"case_id": planned.case_id, "intervention_id": planned.pk}
    )
    hr = client_as(Role.HR_ADVISER)
    page = hr.get(url).content.decode()
    assert 'name="planned_on"' in page and 'value="update"' in page
    refused = hr.post(
        url, {"step": "update", "version": 1, "chair_role": "VP", "note": "Getypte toelichting Qz"}
    )
    assert refused.status_code == 400
    assert "R-064" in refused.content.decode() and "Getypte toelichting Qz" in refused.content.decode()
    done = hr.post(url, {"step": "update", "version": 1, "planned_on": "2025-04-02", "note": "Andere kamer"})
    assert done.status_code == 302
    planned.refresh_from_db()
    assert planned.planned_on == date(2025, 4, 2)
    # Near miss: someone who may only read the case sees no change form.
    reader = client_as(Role.EMPLOYEE).get(url).content.decode()
    assert 'value="update"' not in reader


def test_each_line_of_the_section_links_to_its_page(world: World, client_as: Callable[..., Client]) -> None:
    planned = _planned(world)
    section = (
        client_as(Role.HR_ADVISER)
        .get(reverse("interventions:section", kwargs={"case_id": planned.case_id}))
        .content.decode()
    )
    url = reverse(
        "interventions:intervention", kwargs={"case_id": planned.case_id, "intervention_id": planned.pk}
    )
    assert f'href="{url}"' in section
