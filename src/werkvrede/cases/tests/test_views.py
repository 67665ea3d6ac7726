"""The case pages: signal, intake with findings, detail, notes (Refs issue #4)."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from conftest import World
from werkvrede.cases.models import Case, CaseNote
from werkvrede.cases.tests.helpers import signal
from werkvrede.core.roles import Role


def test_an_employee_signals_through_the_form_and_lands_on_the_case(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.EMPLOYEE)
    page = client.get("/zaken/nieuw/").content.decode()
    assert 'name="employee"' not in page  # the employee is the party: nothing to choose
    assert "Zichtbaar voor" in page
    response = client.post(
        "/zaken/nieuw/",
        {
            "signalled_on": "2025-03-03",
            "other_party": world.a.users[Role.LINE_MANAGER].email,
            "description": "Het nieuwe rooster wordt me opgelegd",
            "description_visibility": "HANDLERS",
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/zaken/{case.pk}/"
    detail = client.get(response["Location"]).content.decode()
    assert "Het nieuwe rooster wordt me opgelegd" in detail
    assert case.reference in detail


def test_a_blocked_signal_keeps_everything_typed_and_names_the_words(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.LINE_MANAGER)
    response = client.post(
        "/zaken/nieuw/",
        {
            "signalled_on": "2025-03-03",
            "employee": world.a.users[Role.EMPLOYEE].email,
            "other_party_name": "het team",
            "description": "Ze heeft een depressie, denk ik",
            "description_visibility": "HANDLERS",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "R-131" in html and "depressie" in html
    assert "Ze heeft een depressie, denk ik</textarea>" in html
    assert 'value="het team"' in html
    assert not Case.objects.exists()


def test_a_missing_party_is_explained_next_to_the_field(client_as: Callable[..., Client]) -> None:
    response = client_as(Role.HR_ADVISER).post(
        "/zaken/nieuw/", {"signalled_on": "2025-03-03", "description_visibility": "HANDLERS"}
    )
    html = response.content.decode()
    assert "Vul het e-mailadres of de naam van de werknemer in." in html
    assert "Vul het e-mailadres of de naam van de wederpartij in." in html


def test_the_intake_shows_the_blocking_findings_and_keeps_the_input(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    client = client_as(Role.HR_ADVISER)
    response = client.post(
        f"/zaken/{case.pk}/intake/",
        {"configuration": "INDIVIDUAL_INDIVIDUAL", "glasl_stage": "3", "employee_feels_obstructed": "on"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "R-002" in html
    assert '<option value="INDIVIDUAL_INDIVIDUAL" selected>' in html
    assert '<option value="3" selected>' in html
    response = client.post(
        f"/zaken/{case.pk}/intake/",
        {"configuration": "INDIVIDUAL_INDIVIDUAL", "domains": ["TERMS"], "glasl_stage": "3"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "INTAKE"


def test_an_employee_does_not_get_the_intake_page(world: World, client_as: Callable[..., Client]) -> None:
    """She sees her case, so the refusal may say so (403); someone who may not see it gets 404."""
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    assert client_as(Role.EMPLOYEE).get(f"/zaken/{case.pk}/intake/").status_code == 403
    assert client_as(Role.LINE_MANAGER).get(f"/zaken/{case.pk}/intake/").status_code == 404


def test_a_note_is_added_with_its_visibility_and_a_blocked_note_is_kept(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    hr = client_as(Role.HR_ADVISER)
    response = hr.post(
        f"/zaken/{case.pk}/verslagen/", {"text": "Gesprek gepland op 14 maart", "visibility": "SHARED"}
    )
    assert response.status_code == 302
    assert CaseNote.objects.get(text="Gesprek gepland op 14 maart").visibility == "SHARED"
    blocked = hr.post(
        f"/zaken/{case.pk}/verslagen/", {"text": "Werknemer slikt medicijnen", "visibility": "SHARED"}
    )
    assert blocked.status_code == 400
    assert "Werknemer slikt medicijnen</textarea>" in blocked.content.decode()


def test_the_case_list_offers_a_signal_button_only_to_signallers(client_as: Callable[..., Client]) -> None:
    assert "Nieuw signaal" in client_as(Role.LINE_MANAGER).get("/zaken/").content.decode()
    page = client_as(Role.MEDIATOR).get("/zaken/").content.decode()
    assert "/zaken/nieuw/" not in page
    assert "Er zijn (nog) geen zaken die je kunt openen." in page
