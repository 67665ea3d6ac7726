"""Checks on meaning, not only on fields: what the bedrijfsarts writes for the employer (R-133), an advice
that makes work wait for the conflict or advises termination in its text (R-030, R-033), the employer
consulted at the open spreekuur without consent (CC-1, CC-5, R-038) and the R-131 message on consent."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from conftest import World
from werkvrede.consent.tests.helpers import give
from werkvrede.core.refusals import Blocked, Invalid
from werkvrede.core.roles import Role
from werkvrede.sickness import services
from werkvrede.sickness.models import OpenConsultation, SentAdvice, WorkCapacityVerdict
from werkvrede.sickness.tests.helpers import TODAY, as_role, conflict_case, consulted, report, verdict
from werkvrede.sickness.tests.test_services import advice_input, variant_b_case

ClientAs = Callable[..., Client]
FORBIDDEN = "Pas weer aan het werk als het conflict is opgelost."


def post_json(client: Client, url: str, body: Any) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


# --- the verdict's limitations and possibilities ---------------------------------------------


def test_the_verdict_with_diagnosis_and_medication_is_refused_naming_the_words(world: World) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    with pytest.raises(Blocked) as caught:
        verdict(world, case, limitations="Geen nachtdiensten vanwege depressie en slaapmedicatie.")
    (found,) = [f for f in caught.value.findings if f.code == "R-133"]
    assert found.subject == "sick_report.verdict.limitations"
    assert found.matches == ("depressie", "slaapmedicatie")
    assert not WorkCapacityVerdict.objects.exists()


def test_the_verdict_in_functional_terms_is_recorded(world: World) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    verdict(
        world, case, limitations="Geen nachtdiensten; ten hoogste 4 uur per dag.", possibilities="Licht werk."
    )
    assert WorkCapacityVerdict.objects.get().limitations == "Geen nachtdiensten; ten hoogste 4 uur per dag."


def test_the_verdict_page_marks_the_medical_words_and_keeps_the_input(
    world: World, client_as: ClientAs
) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    body = {
        "value": "AO",
        "degree_pct": "100",
        "limitations": "Geen nachtdiensten vanwege depressie en slaapmedicatie.",
        "possibilities": "Na de operatie licht werk.",
        "expected_duration": "Vier weken",
        "recorded_on": "2025-03-12",
    }
    response = client_as(Role.OCCUPATIONAL_PHYSICIAN).post(f"/ziekmelding/{case.pk}/oordeel/", body)
    html = response.content.decode()
    assert response.status_code == 400
    assert "R-133" in html
    assert "<mark>" in html
    for word in ("depressie", "slaapmedicatie", "operatie"):
        assert f'markering </span>{word}<span class="wv-visually-hidden">' in html, word
    assert "\nGeen nachtdiensten vanwege depressie en slaapmedicatie.</textarea>" in html
    assert 'value="Vier weken"' in html
    assert not WorkCapacityVerdict.objects.exists()


def test_the_verdict_api_returns_the_matches(world: World, client_as: ClientAs) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    response = post_json(
        client_as(Role.OCCUPATIONAL_PHYSICIAN),
        f"/api/v1/cases/{case.pk}/sick-report/verdict",
        {
            "value": "AO",
            "degree_pct": 100,
            "expected_duration": "",
            "no_work_capacity": False,
            "limitations": "vanwege depressie en slaapmedicatie",
            "possibilities": "",
            "recorded_on": "2025-03-12",
        },
    )
    assert response.status_code == 409
    (found,) = [f for f in response.json()["findings"] if f["code"] == "R-133"]
    assert found["matches"] == ["depressie", "slaapmedicatie"]


# --- on the advice -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "code", "matches"),
    [
        (
            {"text": "Vanwege depressie en slaapmedicatie nu 2 uur per dag."},
            "R-133",
            ("depressie", "slaapmedicatie"),
        ),
        ({"text": FORBIDDEN}, "R-030", ("Pas weer aan het werk als het conflict is opgelost",)),
        ({"text": "Return to work after the conflict has been settled."}, "R-030", None),
        ({"solution_direction": "Hervatting na oplossing van het conflict."}, "R-030", None),
        ({"text": "Ik adviseer een vaststellingsovereenkomst."}, "R-033", ("vaststellingsovereenkomst",)),
        ({"text": "I advise the employee to resign."}, "R-033", ("resign",)),
    ],
)
def test_the_advice_text_is_refused_on_its_meaning(
    world: World, changes: dict[str, str], code: str, matches: tuple[str, ...] | None
) -> None:
    case = variant_b_case(world)
    ba = as_role(world.a, Role.OCCUPATIONAL_PHYSICIAN)
    data = advice_input(**changes)  # every structured field says "no condition", "no termination"
    with pytest.raises(Blocked) as caught:
        services.advice_send(actor=ba, case_id=case.pk, data=data, today=TODAY)
    found = [f for f in caught.value.findings if f.code == code]
    assert found and found[0].subject and found[0].subject.endswith(".free_text")
    if matches is not None:
        assert found[0].matches == matches
    assert not SentAdvice.objects.exists()


@pytest.mark.parametrize(
    "text",
    [
        "Het conflict wordt parallel besproken.",
        "Re-integratie start nu, naast mediation.",
        "Kan 2 uur per dag licht werk doen; de medewerker bouwt op.",
    ],
)
def test_near_misses_in_the_advice_text_are_not_refused(world: World, text: str) -> None:
    case = variant_b_case(world)
    ba = as_role(world.a, Role.OCCUPATIONAL_PHYSICIAN)
    findings, _missing = services.advice_check(
        actor=ba, case_id=case.pk, data=advice_input(text=text), today=TODAY
    )
    assert {"R-030", "R-033", "R-133"}.isdisjoint({f.code for f in findings})


ADVICE_FORM = {
    "kind": "REINTEGRATION",
    "content": ["REINTEGRATION", "CONVERSATION"],
    "resumption_condition": "NONE",
    "reintegration_condition": "NONE",
    "solution_direction": "Gesprek met een mediator",
    "text": f"Opbouw in drie weken. {FORBIDDEN}",
    "employer_recipients": ["HR", "LG"],
    "ip_contact_person": "Piet",
}


@pytest.mark.parametrize("send", ["0", "1"])
def test_the_advice_page_marks_the_sentence_and_keeps_every_field(
    world: World, client_as: ClientAs, send: str
) -> None:
    case = variant_b_case(world)
    response = client_as(Role.OCCUPATIONAL_PHYSICIAN).post(
        f"/ziekmelding/{case.pk}/advies/", {**ADVICE_FORM, "send": send}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "R-030" in html
    assert f"markering </span>{FORBIDDEN.rstrip('.')}<span" in html
    assert f"\nOpbouw in drie weken. {FORBIDDEN}</textarea>" in html
    assert "\nGesprek met een mediator</textarea>" in html
    assert 'value="Piet"' in html
    assert 'value="CONVERSATION"' in html and "checked" in html
    assert not SentAdvice.objects.exists()


def test_the_advice_api_refuses_the_sentence_with_its_matches(world: World, client_as: ClientAs) -> None:
    case = variant_b_case(world)
    body = {
        **ADVICE_FORM,
        "text": FORBIDDEN,
        "recommends_termination": False,
        "recommends_resignation": False,
        "not_able_to_converse": False,
        "not_able_medical_grounds": False,
    }
    response = post_json(client_as(Role.OCCUPATIONAL_PHYSICIAN), f"/api/v1/cases/{case.pk}/advices", body)
    assert response.status_code == 409, response.content
    (found,) = [f for f in response.json()["findings"] if f["code"] == "R-030"]
    assert found["matches"] == ["Pas weer aan het werk als het conflict is opgelost"]


# --- CC-1 / CC-5: the employer consulted at the open spreekuur ---------------------------------------


def _visit(world: World, role: str) -> OpenConsultation:
    return services.open_consult_record(
        actor=as_role(world.a, Role.OCCUPATIONAL_PHYSICIAN),
        employee_membership_id=world.a.memberships[Role.EMPLOYEE].pk,
        held_on=date(2025, 3, 17),
        note="",
        employer_consulted_role=role,
    )


def test_consulting_the_employer_without_consent_is_refused(world: World) -> None:
    with pytest.raises(Invalid) as caught:
        _visit(world, "HR")
    assert "CC-1" in caught.value.message and "R-038" in caught.value.message
    assert not OpenConsultation.objects.exists()


def test_consent_for_another_role_does_not_count(world: World) -> None:
    give(world, role="LG", categories=("D08",))
    with pytest.raises(Invalid):
        _visit(world, "HR")


def test_consulting_the_employer_with_consent_is_recorded(world: World, client_as: ClientAs) -> None:
    give(world, role="HR", categories=("D08",))
    assert _visit(world, "HR").employer_consulted_role == "HR"
    # The employee sees that the employer was consulted, and with whom.
    page = client_as(Role.EMPLOYEE).get("/ziekmelding/open-spreekuur/").content.decode()
    assert "werkgever geraadpleegd, met toestemming: HR-adviseur" in page


def test_a_visit_without_employer_contact_needs_no_consent(world: World) -> None:
    assert _visit(world, "").employer_consulted_role == ""


def test_the_open_spreekuur_page_refuses_it_beside_the_field(world: World, client_as: ClientAs) -> None:
    ba = client_as(Role.OCCUPATIONAL_PHYSICIAN)
    body = {
        "employee": world.a.users[Role.EMPLOYEE].email,
        "held_on": "2025-03-17",
        "note": "Zzgesprek",
        "employer_consulted_role": "HR",
    }
    refused = ba.post("/ziekmelding/open-spreekuur/", body)
    html = refused.content.decode()
    assert refused.status_code == 400
    assert "CC-1 / R-038" in html and "Zzgesprek" in html
    assert not OpenConsultation.objects.exists()


# --- the message says consent does not make it lawful ----------------------------------------


def test_the_r131_refusal_says_consent_does_not_help(world: World, client_as: ClientAs) -> None:
    case = conflict_case(world)
    response = client_as(Role.HR_ADVISER).post(
        f"/ziekmelding/{case.pk}/melding/",
        {"version": 0, "first_sick_day": "2025-03-10", "ongoing_work": "Zij slikt slaapmedicatie"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "ook niet met toestemming" in html and "slaapmedicatie" in html


@pytest.mark.parametrize("key", ["burnout_suspected", "sleepMedication", "zwangerschap", "diagnosis"])
def test_the_api_says_a_renamed_health_field_is_r131_not_just_unknown(
    world: World, client_as: ClientAs, key: str
) -> None:
    case = conflict_case(world)
    response = post_json(
        client_as(Role.HR_ADVISER),
        f"/api/v1/cases/{case.pk}/sick-report",
        {"version": 0, "first_sick_day": "2025-03-10", key: True},
    )
    assert response.status_code == 422
    body = json.dumps(response.json())
    assert "R-131" in body and "consent" in body and key in body


def test_an_unknown_plain_field_is_still_refused_without_r131(world: World, client_as: ClientAs) -> None:
    case = conflict_case(world)
    response = post_json(
        client_as(Role.HR_ADVISER),
        f"/api/v1/cases/{case.pk}/sick-report",
        {"version": 0, "first_sick_day": "2025-03-10", "team_name": "Inkoop"},
    )
    assert response.status_code == 422
    assert "R-131" not in json.dumps(response.json())
