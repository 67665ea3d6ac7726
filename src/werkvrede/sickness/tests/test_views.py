"""The Ziekmelding pages and API: forms keep what was typed, only the BA decides, advice is identical."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from conftest import World
from werkvrede.core.roles import Role
from werkvrede.sickness.api import SickReportIn, SickReportOut
from werkvrede.sickness.models import ConflictFinding, SentAdvice, SickReport, WorkCapacityVerdict
from werkvrede.sickness.tests.helpers import conflict_case, consulted, finding, report, verdict
from werkvrede.sickness.tests.test_services import DATES, R130

ClientAs = Callable[..., Client]


def post_json(client: Client, url: str, body: Any) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_api_schema_has_exactly_r130s_fields_plus_the_dates() -> None:
    # Plus the version the edit starts from (ADR 0146), which holds nothing about the person.
    assert set(SickReportIn.model_fields) == R130 | DATES | {"version"}
    assert set(SickReportOut.model_fields) == R130 | DATES | {
        "id",
        "version",
        "state",
        "consult_on",
        "consult_by_role",
    }


def test_hr_records_a_sick_report_through_the_form(world: World, client_as: ClientAs) -> None:
    case = conflict_case(world)
    client = client_as(Role.HR_ADVISER)
    page = client.get(f"/ziekmelding/{case.pk}/melding/").content.decode()
    assert "Zichtbaar voor" in page and "de werknemer" in page and "de wederpartij" not in page
    response = client.post(
        f"/ziekmelding/{case.pk}/melding/",
        {"version": 0, "first_sick_day": "2025-03-10", "phone": "06-11112222", "work_accident": "false"},
    )
    assert response.status_code == 302
    sick = SickReport.objects.get()
    assert sick.phone == "06-11112222" and sick.work_accident is False
    section = client.get(f"/ziekmelding/{case.pk}/").content.decode()
    assert "06-11112222" in section


def test_a_blocked_sick_report_keeps_what_was_typed_and_names_the_words(
    world: World, client_as: ClientAs
) -> None:
    case = conflict_case(world)
    response = client_as(Role.LINE_MANAGER).post(
        f"/ziekmelding/{case.pk}/melding/",
        {
            "version": 0,
            "first_sick_day": "2025-03-10",
            "ongoing_work": "Zij heeft een hernia",
            "phone": "06-1",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "R-131" in html and "hernia" in html
    assert 'value="Zij heeft een hernia"' in html and 'value="06-1"' in html
    assert not SickReport.objects.exists()


def test_the_api_names_the_field_with_medical_words(world: World, client_as: ClientAs) -> None:
    case = conflict_case(world)
    response = post_json(
        client_as(Role.HR_ADVISER),
        f"/api/v1/cases/{case.pk}/sick-report",
        {"version": 0, "first_sick_day": "2025-03-10", "expected_duration": "twee weken vanwege de operatie"},
    )
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "R-131"
    assert body["errors"] == [
        {
            "path": "expected_duration",
            "message": "R-131: remove operatie (health data, not even with consent)",
        }
    ]
    assert not SickReport.objects.exists()


def test_the_api_refuses_fields_beyond_r130(world: World, client_as: ClientAs) -> None:
    case = conflict_case(world)
    response = post_json(
        client_as(Role.HR_ADVISER),
        f"/api/v1/cases/{case.pk}/sick-report",
        {"version": 0, "first_sick_day": "2025-03-10", "diagnosis": "griep"},
    )
    assert response.status_code == 422
    assert not SickReport.objects.exists()


@pytest.mark.parametrize("role", [r for r in Role if r != Role.OCCUPATIONAL_PHYSICIAN])
def test_no_role_but_the_ba_sets_the_verdict_through_page_or_api(
    world: World, client_as: ClientAs, role: Role
) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    client = client_as(role)
    page = client.post(
        f"/ziekmelding/{case.pk}/oordeel/", {"value": "AO", "degree_pct": "50", "recorded_on": "2025-03-12"}
    )
    api = post_json(
        client,
        f"/api/v1/cases/{case.pk}/sick-report/verdict",
        {"value": "AO", "degree_pct": 50, "recorded_on": "2025-03-12"},
    )
    assert page.status_code in (403, 404)
    assert api.status_code in (403, 404)
    assert not WorkCapacityVerdict.objects.exists()


def test_the_variant_cannot_be_typed(world: World, client_as: ClientAs) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    verdict(world, case, "AO")
    client = client_as(Role.OCCUPATIONAL_PHYSICIAN)
    api = post_json(
        client,
        f"/api/v1/cases/{case.pk}/sick-report/conflict-finding",
        {"conflict": True, "recorded_on": "2025-03-12", "variant": "A"},
    )
    assert api.status_code == 422
    page = client.post(
        f"/ziekmelding/{case.pk}/conflict/", {"conflict": "true", "recorded_on": "2025-03-12", "variant": "A"}
    )
    assert page.status_code == 302
    assert ConflictFinding.objects.get().variant == "B"


def test_the_ba_panel_is_sealed_for_the_ba_and_absent_for_the_employer(
    world: World, client_as: ClientAs
) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case, note="Hoofdpijn en slapeloosheid")
    ba = client_as(Role.OCCUPATIONAL_PHYSICIAN).get(f"/ziekmelding/{case.pk}/").content.decode()
    assert "wv-sealed" in ba and "Hoofdpijn en slapeloosheid" in ba
    hr = client_as(Role.HR_ADVISER).get(f"/ziekmelding/{case.pk}/").content.decode()
    assert "wv-sealed" not in hr and "Hoofdpijn" not in hr
    assert (
        "Hoofdpijn"
        not in client_as(Role.HR_ADVISER).get(f"/api/v1/cases/{case.pk}/sick-report").content.decode()
    )


ADVICE_FORM = {
    "kind": "REINTEGRATION",
    "content": ["REINTEGRATION", "CONVERSATION"],
    "resumption_condition": "NONE",
    "reintegration_condition": "CONFLICT_RESOLVED",
    "solution_direction": "Gesprek met een mediator",
    "text": "Terugkeer in twee weken, eerst halve dagen.",
    "employer_recipients": ["HR", "LG"],
}


def test_a_blocked_advice_shows_the_findings_and_keeps_the_text(world: World, client_as: ClientAs) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    verdict(world, case)
    finding(world, case)
    client = client_as(Role.OCCUPATIONAL_PHYSICIAN)
    checked = client.post(f"/ziekmelding/{case.pk}/advies/", {**ADVICE_FORM, "send": "0"})
    html = checked.content.decode()
    assert "R-030" in html and "BLOCK*" in html
    assert "Terugkeer in twee weken, eerst halve dagen." in html
    button = re.search(r'<button[^>]*name="send" value="1"[^>]*>', html)
    assert button is not None and " disabled" in button.group(0)  # not while a BLOCK stands
    assert 'id="verstuur-reden"' in html and "een blokkade van de richtlijn" in html
    sent = client.post(f"/ziekmelding/{case.pk}/advies/", {**ADVICE_FORM, "send": "1"})
    assert sent.status_code == 400
    assert not SentAdvice.objects.exists()


def test_a_sent_advice_is_identical_for_employer_and_employee(world: World, client_as: ClientAs) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    verdict(world, case)
    finding(world, case)
    client = client_as(Role.OCCUPATIONAL_PHYSICIAN)
    form = {**ADVICE_FORM, "reintegration_condition": "NONE", "send": "0"}
    checked = client.post(f"/ziekmelding/{case.pk}/advies/", form)
    assert checked.status_code == 200
    justifications = {
        f"justification_{code}": "Beide partijen zijn gehoord"
        for code in ("R-022", "R-023", "R-030", "R-034")
    }
    unconfirmed = client.post(f"/ziekmelding/{case.pk}/advies/", {**form, **justifications, "send": "1"})
    assert unconfirmed.status_code == 400 and not SentAdvice.objects.exists()  # nothing without confirming
    assert "bevestig eerst dat je het advies wilt versturen" in unconfirmed.content.decode()
    sent = client.post(
        f"/ziekmelding/{case.pk}/advies/", {**form, **justifications, "send": "1", "confirmed": "yes"}
    )
    assert sent.status_code == 302, sent.content.decode()
    advice = SentAdvice.objects.get()
    assert advice.recipients == ["HR", "LG", "WN"]
    hr_api = client_as(Role.HR_ADVISER).get(f"/api/v1/cases/{case.pk}/advices").json()
    wn_api = client_as(Role.EMPLOYEE).get(f"/api/v1/cases/{case.pk}/advices").json()
    assert hr_api == wn_api
    assert hr_api[0]["text"] == "Terugkeer in twee weken, eerst halve dagen."
    assert "justifications" not in hr_api[0]

    def advice_part(role: Role) -> str:
        html = client_as(role).get(f"/ziekmelding/{case.pk}/").content.decode()
        return html[html.index('id="adviezen"') :]

    assert advice_part(Role.HR_ADVISER) == advice_part(Role.EMPLOYEE)
    assert "Terugkeer in twee weken" in advice_part(Role.LINE_MANAGER)


def test_an_interventieperiode_past_the_guidelines_count_is_refused_on_the_form(
    world: World, client_as: ClientAs
) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    verdict(world, case)
    finding(world, case)
    client = client_as(Role.OCCUPATIONAL_PHYSICIAN)
    form = {
        **ADVICE_FORM,
        "ip_form": "RELEASED_FROM_WORK",
        "ip_days": "1001",
        "send": "1",
        "confirmed": "yes",
    }
    response = client.post(f"/ziekmelding/{case.pk}/advies/", form)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'name="ip_days"' in html and 'value="1001"' in html  # what was typed stays
    assert "1000" in html  # the message says the largest number possible
    assert not SentAdvice.objects.exists()


def test_a_save_from_a_stale_version_is_refused_with_the_stored_report(
    world: World, client_as: Callable[..., Client]
) -> None:
    """ADR 0146: the API answers 409 with the stored values; the page shows them beside what was typed."""
    case = conflict_case(world)
    url = f"/api/v1/cases/{case.pk}/sick-report"
    hr, lg = client_as(Role.HR_ADVISER), client_as(Role.LINE_MANAGER)
    first = post_json(hr, url, {"version": 0, "first_sick_day": "2025-03-10", "phone": "06-1"})
    assert first.status_code == 201 and first.json()["version"] == 1
    assert (
        post_json(lg, url, {"version": 1, "first_sick_day": "2025-03-10", "phone": "06-2"}).status_code == 201
    )
    stale = post_json(hr, url, {"version": 1, "first_sick_day": "2025-03-10", "phone": "06-3"})
    assert stale.status_code == 409 and stale.json()["detail"] == "stale_version"
    assert stale.json()["version"] == 2 and stale.json()["current"]["phone"] == "06-2"
    assert client_as(Role.HR_ADVISER).get(url).json()["sick_report"]["version"] == 2
    page = hr.post(
        f"/ziekmelding/{case.pk}/melding/", {"version": 1, "first_sick_day": "2025-03-10", "phone": "06-4"}
    )
    html = page.content.decode()
    assert page.status_code == 400 and "06-2" in html and "06-4" in html
    assert 'name="version" value="2"' in html
    assert SickReport.objects.get().phone == "06-2"
