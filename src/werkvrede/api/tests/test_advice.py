"""POST /api/v1/advice: the command line's contract over HTTP (Refs issue #3)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from werkvrede.core.roles import Role
from werkvrede.core.workcalendar import dutch_public_holidays
from werkvrede.guideline.cli import main as cli_main

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "guideline" / "tests" / "scenarios").glob("*.json"))
HOLIDAYS = [d.isoformat() for d in dutch_public_holidays(2023, 2030)]

IP_OVER_EASTER = {
    "today": "2025-04-14",
    "intervention_periods": [
        {
            "initiated_by": "BA",
            "form": "ALT_WORKPLACE",
            "start_on": "2025-04-11",
            "end_on": "2025-04-17",
            "employer_approved_on": "2025-04-10",
            "appointment": {
                "with_role": "LG",
                "with_person": "team lead",
                "recorded_on": "2025-04-10",
                "meeting_on": "2025-04-14",
            },
            "registered_as": "PAID_LEAVE",
        }
    ],
}


def _post(client: Client, body: Any) -> Any:
    return client.post("/api/v1/advice", data=json.dumps(body), content_type="application/json")


def _cli(tmp_path: Path, data: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    path = tmp_path / "situation.json"
    path.write_text(json.dumps(data))
    capsys.readouterr()
    assert cli_main(["advise", str(path)]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_the_scenarios_are_there() -> None:
    assert {p.stem for p in SCENARIOS} >= {"sc01", "sc02", "sc03", "sc04", "sc05", "sc06"}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.stem)
def test_the_api_gives_exactly_what_the_command_line_gives(
    scenario: Path, client_as: Callable[..., Client], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = {**json.loads(scenario.read_text()), "non_working_dates": HOLIDAYS}
    response = _post(client_as(Role.HR_ADVISER), data)
    assert response.status_code == 200
    assert response.json() == _cli(tmp_path, data, capsys)


def test_sc01_through_the_api_is_variant_c_with_the_late_consult_warning(
    client_as: Callable[..., Client],
) -> None:
    data = json.loads((SCENARIOS[0]).read_text())
    body = _post(client_as(Role.OCCUPATIONAL_PHYSICIAN), data).json()
    assert body["variant"] == "C"
    assert ("R-011", "WARN") in {(f["code"], f["severity"]) for f in body["findings"]}
    assert {"code": "T-16", "due": "2025-03-26"}.items() <= next(
        d for d in body["deadlines"] if d["code"] == "T-16"
    ).items()


def test_dutch_public_holidays_are_supplied_when_the_caller_gives_none(
    client_as: Callable[..., Client],
) -> None:
    body = _post(client_as(Role.HR_ADVISER), IP_OVER_EASTER).json()
    evaluation = next(d for d in body["deadlines"] if d["code"] == "T-16")
    # Five working days after Thursday 17 April 2025: Easter Monday is skipped, Good Friday is not.
    assert evaluation["due"] == "2025-04-25"
    explicit = _post(client_as(Role.HR_ADVISER), {**IP_OVER_EASTER, "non_working_dates": []}).json()
    assert next(d for d in explicit["deadlines"] if d["code"] == "T-16")["due"] == "2025-04-24"


@pytest.mark.parametrize(
    ("body", "path"),
    [
        (
            {"sick_report": {"first_sick_day": "2025-03-10", "consult_on": "2025-03-01"}},
            "sick_report.consult_on",
        ),
        ({"conflict": {"glasl_stage": "three"}}, "conflict.glasl_stage"),
        ([1, 2, 3], "$"),
    ],
)
def test_invalid_input_answers_422_with_the_field_path(
    client_as: Callable[..., Client], body: Any, path: str
) -> None:
    response = _post(client_as(Role.EMPLOYEE), body)
    assert response.status_code == 422
    assert response.json()["path"] == path
    assert response.json()["detail"]


def test_a_body_that_is_not_json_answers_422(client_as: Callable[..., Client]) -> None:
    response = client_as(Role.EMPLOYEE).post(
        "/api/v1/advice", data=b"{not json", content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["path"] == "$"


def test_the_advice_endpoint_needs_a_login_and_stores_nothing(client: Client, db: None) -> None:
    from django.apps import apps

    counts = {model: model._default_manager.count() for model in apps.get_models()}
    assert _post(client, IP_OVER_EASTER).status_code == 401
    assert {model: model._default_manager.count() for model in apps.get_models()} == counts


def test_the_openapi_document_describes_the_advice_input(client_as: Callable[..., Client]) -> None:
    document = client_as(Role.EMPLOYEE).get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/advice"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert "sick_report" in json.dumps(schema)
    assert set(operation["responses"]) >= {"200", "422"}
