"""No bad input reaches a server error: oversized, undeclared, undecodable or too deep bodies, numbers
and ids out of range, dates outside 1900-2199 and control characters in text (ADR 0060).

Each answer is 4xx and names what is wrong: `detail` names the header or the body for the envelope,
and the `loc` of the validation errors names the field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client, override_settings

from conftest import World
from werkvrede.cases.models import Case, CaseParty
from werkvrede.core.roles import Role

ClientAs = Callable[..., Client]
SIGNAL = {"signalled_on": "2025-03-03", "employee_name": "Sanne", "other_party_name": "Lars"}


def _post(client: Client, url: str, body: Any, content_type: str = "application/json") -> Any:
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(url, data, content_type=content_type)


def _locs(response: Any) -> list[list[Any]]:
    return [error["loc"] for error in response.json()["detail"]]


def test_a_body_over_the_limit_answers_413(client_as: ClientAs) -> None:
    hr = client_as(Role.HR_ADVISER)
    response = _post(hr, "/api/v1/cases", {**SIGNAL, "description": "x" * 3_000_000})
    assert response.status_code == 413
    assert "1000000" in response.json()["detail"]
    assert not Case.objects.exists()


@override_settings(WERKVREDE_API_MAX_BODY_BYTES=200)
def test_the_body_limit_is_a_setting(client_as: ClientAs) -> None:
    hr = client_as(Role.HR_ADVISER)
    assert _post(hr, "/api/v1/cases", {**SIGNAL, "description": "x" * 300}).status_code == 413
    assert _post(hr, "/api/v1/advice", {"conflict": {"glasl_stage": 3}, "x": "y" * 300}).status_code == 413
    assert _post(hr, "/api/v1/cases", SIGNAL).status_code == 201


@pytest.mark.parametrize(
    "content_type", ["multipart/form-data", "text/plain", "application/x-www-form-urlencoded"]
)
def test_a_body_not_sent_as_json_answers_400_naming_the_content_type(
    client_as: ClientAs, content_type: str
) -> None:
    hr = client_as(Role.HR_ADVISER)
    for url in ("/api/v1/cases", "/api/v1/advice"):
        response = _post(hr, url, SIGNAL, content_type=content_type)
        assert response.status_code == 400, (url, response.content)
        assert "Content-Type" in response.json()["detail"]
    assert not Case.objects.exists()


def test_a_form_content_type_without_boundary_answers_400_also_when_csrf_is_checked(world: World) -> None:
    """With CSRF checked (a real client), the check reads the body as a form before anything else."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.a.users[Role.HR_ADVISER])
    token = "k" * 32  # a CSRF secret as the cookie and the header carry it
    client.cookies["csrftoken"] = token
    response = client.post(
        "/api/v1/cases",
        json.dumps(SIGNAL),
        content_type="multipart/form-data",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Content-Type")


def test_a_body_that_is_not_json_or_not_utf8_answers_400_naming_the_body(client_as: ClientAs) -> None:
    hr = client_as(Role.HR_ADVISER)
    for raw in (b"{not json", b'{"employee_name": "\xff\xfe"}'):
        response = _post(hr, "/api/v1/cases", raw)
        assert response.status_code == 400
        assert response.json()["detail"].startswith("body:")


def test_json_nested_5000_deep_answers_422_naming_the_field(client_as: ClientAs) -> None:
    hr = client_as(Role.HR_ADVISER)
    deep = '{"description": ' + "[" * 5000 + "]" * 5000 + "}"
    response = _post(hr, "/api/v1/cases", deep)
    assert response.status_code == 422
    assert _locs(response)[0][:2] == ["body", "description"]
    advice = _post(hr, "/api/v1/advice", '{"conflict": ' + "[" * 5000 + "]" * 5000 + "}")
    assert advice.status_code == 422
    assert advice.json()["path"].startswith("conflict")


@pytest.mark.parametrize(
    "url",
    ["/api/v1/cases?offset=100000000000000000000", "/api/v1/cases?offset=-1", "/api/v1/cases?limit=0",
     "/api/v1/cases?limit=100000000000000000000", "/api/v1/cases?offset=1e20"],
)  # fmt: skip
def test_pagination_out_of_range_answers_422_naming_the_parameter(client_as: ClientAs, url: str) -> None:
    response = client_as(Role.HR_ADVISER).get(url)
    assert response.status_code == 422
    assert _locs(response)[0][0] == "query"


@pytest.mark.parametrize("value", [0, -1, 2**63, 10**30])
def test_ids_out_of_range_answer_422_naming_the_field(client_as: ClientAs, value: int) -> None:
    hr = client_as(Role.HR_ADVISER)
    path = hr.get(f"/api/v1/cases/{value}/deadlines")
    assert path.status_code == 422 or (path.status_code == 404 and value < 0)  # "-1" is no path at all
    if path.status_code == 422:
        assert _locs(path)[0] == ["path", "case_id"]
    body = _post(hr, "/api/v1/cases", {**SIGNAL, "employee_name": "", "employee_membership_id": value})
    assert body.status_code == 422
    assert _locs(body)[0][-1] == "employee_membership_id"


@pytest.mark.parametrize("day", ["1899-12-31", "2200-01-01", "9999-12-31", "0001-01-01"])
def test_dates_outside_1900_2199_are_refused_naming_the_field(client_as: ClientAs, day: str) -> None:
    response = _post(client_as(Role.HR_ADVISER), "/api/v1/cases", {**SIGNAL, "signalled_on": day})
    assert response.status_code == 422
    assert _locs(response)[0][-1] == "signalled_on"
    assert "1900" in response.json()["detail"][0]["msg"]
    assert not Case.objects.exists()


@pytest.mark.parametrize("day", ["1900-01-01", "2199-12-31"])
def test_the_first_and_last_day_of_the_range_are_accepted(client_as: ClientAs, day: str) -> None:
    response = _post(client_as(Role.HR_ADVISER), "/api/v1/cases", {**SIGNAL, "signalled_on": day})
    assert response.status_code == 201


@pytest.mark.parametrize(
    "text", ["Sa\x00nne", "Sanne\x07", "\x1b[31mSanne", "Sanne\x7f", "Sa\x85nne", "Sa\ud800nne"]
)
def test_nul_and_control_characters_in_text_are_refused(client_as: ClientAs, text: str) -> None:
    body = json.dumps({**SIGNAL, "employee_name": text})
    response = _post(client_as(Role.HR_ADVISER), "/api/v1/cases", body)
    assert response.status_code == 422
    assert _locs(response)[0][-1] == "employee_name"
    assert not CaseParty.objects.exists()


def test_tab_newline_and_carriage_return_are_text(client_as: ClientAs) -> None:
    body = {**SIGNAL, "description": "Eerste regel\r\nTweede\tregel", "employee_name": "Sanne Ünal-Ø 😀"}
    response = _post(client_as(Role.HR_ADVISER), "/api/v1/cases", body)
    assert response.status_code == 201
    assert response.json()["parties"][0]["name"] == "Sanne Ünal-Ø 😀"


@pytest.mark.parametrize(
    ("field", "value"),
    [("signalled_on", 1741000000), ("signalled_on", "2025-03-03T00:00:00"), ("employee_membership_id", "12"),
     ("employee_membership_id", 1.5), ("description_visibility", 1), ("employee_name", 7)],
)  # fmt: skip
def test_values_of_another_json_type_are_refused(client_as: ClientAs, field: str, value: Any) -> None:
    """What the document calls an integer, a date or a text is refused in any other JSON type (8.0 is
    an integer in JSON Schema, 1.5 is not)."""
    response = _post(client_as(Role.HR_ADVISER), "/api/v1/cases", {**SIGNAL, field: value})
    assert response.status_code == 422
    assert _locs(response)[0][-1] == field


def test_a_whole_number_written_with_a_fraction_is_an_integer(world: World, client_as: ClientAs) -> None:
    employee = float(world.a.memberships[Role.EMPLOYEE].pk)
    body = {**SIGNAL, "employee_name": "", "employee_membership_id": employee}
    assert _post(client_as(Role.HR_ADVISER), "/api/v1/cases", body).status_code == 201


def test_a_count_past_the_guidelines_range_is_refused_by_the_schema_naming_the_field(
    client_as: ClientAs,
) -> None:
    """`make fuzz` found 1,001 days of interventieperiode answered with 500 on POST /advices."""
    ba = client_as(Role.OCCUPATIONAL_PHYSICIAN)
    body = {"kind": "INTERVENTION_PERIOD", "content": [], "employer_recipients": ["HR"], "ip_days": 1001}
    response = _post(ba, "/api/v1/cases/1/advices", body)  # the body is checked before the case
    assert response.status_code == 422
    assert ["body", "payload", "ip_days"] in _locs(response)
    schemas = ba.get("/api/v1/openapi.json").json()["components"]["schemas"]
    documented = [
        option.get("maximum")
        for schema in schemas.values()
        for option in schema.get("properties", {}).get("ip_days", {}).get("anyOf", [])
    ]
    assert 1000 in documented
