from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World
from werkvrede.core.roles import Role
from werkvrede.interventions.tests.helpers import employee_case


def _post(client: Client, url: str, body: object) -> object:
    return client.post(url, json.dumps(body), "application/json")


def test_the_api_runs_a_period_and_answers_409_with_the_engines_findings(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = employee_case(world)
    hr = client_as(Role.HR_ADVISER)
    url = reverse("api:intervention-periods", kwargs={"case_id": case.pk})
    start = timezone.localdate()
    body = {"initiated_by": "HR", "form": "ALT_WORKPLACE", "start_on": start.isoformat()}
    too_long = _post(hr, url, {**body, "end_on": (start + timedelta(days=20)).isoformat()})
    assert too_long.status_code == 409  # type: ignore[attr-defined]
    assert too_long.json()["findings"][0]["code"] == "R-041"  # type: ignore[attr-defined]
    backwards = _post(hr, url, {**body, "end_on": (start - timedelta(days=1)).isoformat()})
    assert backwards.status_code == 422 and backwards.json()["errors"][0]["path"] == "end_on"  # type: ignore[attr-defined]
    missing = _post(hr, url, {"initiated_by": "HR"})
    assert missing.status_code == 422  # type: ignore[attr-defined]
    created = _post(hr, url, {**body, "end_on": (start + timedelta(days=6)).isoformat()})
    assert created.status_code == 201  # type: ignore[attr-defined]
    period_id = created.json()["id"]  # type: ignore[attr-defined]
    step = reverse("api:intervention-period-step", kwargs={"case_id": case.pk, "period_id": period_id})
    assert _post(hr, step, {"step": "approve"}).json()["state"] == "EMPLOYER_COMMITTED"  # type: ignore[attr-defined]
    late = {"with_role": "LG", "with_person": "Tom", "meeting_on": (start + timedelta(days=9)).isoformat()}
    warned = _post(hr, step, {"step": "appointment", "appointment": late})
    assert warned.status_code == 409 and warned.json()["detail"] == "acknowledgement_required"  # type: ignore[attr-defined]
    planned = _post(hr, step, {"step": "appointment", "appointment": late, "acknowledged": ["R-044"]})
    assert planned.json()["state"] == "APPOINTMENT_PLANNED"  # type: ignore[attr-defined]
    section = hr.get(reverse("api:case-interventions", kwargs={"case_id": case.pk})).json()
    assert section["level"] == "FULL" and section["periods"][0]["acknowledged"] == ["R-044"]
    assert "RT-6" in section["routes"]


def test_leave_through_the_api(world: World, client_as: Callable[..., Client]) -> None:
    case = employee_case(world)
    url = reverse("api:conflict-leave", kwargs={"case_id": case.pk})
    start = timezone.localdate() + timedelta(days=7)
    refused = _post(
        client_as(Role.EMPLOYEE), url, {"start_on": start.isoformat(), "end_on": start.isoformat()}
    )
    assert refused.status_code == 409 and refused.json()["findings"][0]["code"] == "R-050"  # type: ignore[attr-defined]
    forbidden = _post(
        client_as(Role.HR_ADVISER), url, {"start_on": start.isoformat(), "end_on": start.isoformat()}
    )
    assert forbidden.status_code == 403  # type: ignore[attr-defined]
