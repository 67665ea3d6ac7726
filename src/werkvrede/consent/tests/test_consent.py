"""Consent records (CC-10): given and withdrawn by the employee; others see only what is addressed to them."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from conftest import World
from werkvrede.accounts.actors import actor_for
from werkvrede.audit.models import AuditEvent
from werkvrede.consent import services
from werkvrede.consent.models import Consent
from werkvrede.consent.selectors import valid_consent
from werkvrede.consent.tests.helpers import give
from werkvrede.core.policy import AccessDenied, NotVisible
from werkvrede.core.roles import Role

ClientAs = Callable[..., Client]


def test_a_consent_records_what_cc10_asks(world: World) -> None:
    consent = give(world, categories=("D08", "D04"), expires_on=date(2025, 6, 1))
    assert consent.data_subject_id == world.a.users[Role.EMPLOYEE].pk
    assert consent.requested_by_id == world.a.users[Role.EMPLOYEE].pk
    assert consent.categories == ["D04", "D08"] and consent.recipient_role == "HR"
    event = AuditEvent.objects.get(action="consent.consent.given")
    assert "Overleg" not in str(event.data)


def test_withdrawal_stops_future_disclosures_at_once(world: World) -> None:
    consent = give(world)
    found = valid_consent(
        organisation_id=world.a.organisation.pk,
        data_subject_id=consent.data_subject_id,
        recipient_roles=frozenset({"HR"}),
        category="D08",
        on=date(2025, 3, 5),
    )
    assert found == consent
    services.consent_withdraw(
        actor=actor_for(world.a.users[Role.EMPLOYEE], world.a.organisation.pk), consent_id=consent.pk
    )
    assert (
        valid_consent(
            organisation_id=world.a.organisation.pk,
            data_subject_id=consent.data_subject_id,
            recipient_roles=frozenset({"HR"}),
            category="D08",
            on=date(2025, 3, 5),
        )
        is None
    )
    assert AuditEvent.objects.filter(action="consent.consent.withdrawn").count() == 1


def test_an_expired_consent_does_not_count(world: World) -> None:
    consent = give(world, expires_on=date(2025, 3, 10))
    assert consent.is_valid_on(date(2025, 3, 10)) and not consent.is_valid_on(date(2025, 3, 11))


@pytest.mark.parametrize("role", [r for r in Role if r != Role.EMPLOYEE])
def test_only_the_data_subject_gives_and_withdraws(world: World, role: Role) -> None:
    consent = give(world)
    actor = actor_for(world.a.users[role], world.a.organisation.pk)
    with pytest.raises(AccessDenied):
        services.consent_give(
            actor=actor,
            data=services.ConsentInput("HR", None, ("D08",), "x", date(2025, 3, 1)),
        )
    with pytest.raises((AccessDenied, NotVisible)):
        services.consent_withdraw(actor=actor, consent_id=consent.pk)
    assert Consent.objects.get().withdrawn_at is None


def test_others_see_only_consents_addressed_to_them(world: World, client_as: ClientAs) -> None:
    give(world, role="HR", purpose="Zzvoorhr")
    give(world, role="BA", purpose="Zzvoorba")
    for role in Role:
        page = client_as(role).get("/toestemming/").content.decode()
        api = client_as(role).get("/api/v1/consents").content.decode()
        for text in (page, api):
            assert ("Zzvoorhr" in text) == (role in (Role.HR_ADVISER, Role.EMPLOYEE))
            assert ("Zzvoorba" in text) == (role in (Role.OCCUPATIONAL_PHYSICIAN, Role.EMPLOYEE))


def test_the_employee_gives_consent_on_the_page(world: World, client_as: ClientAs) -> None:
    client = client_as(Role.EMPLOYEE)
    response = client.post(
        "/toestemming/",
        {"recipient_role": "HR", "categories": ["D08"], "purpose": "Overleg", "given_on": "2025-03-01"},
    )
    assert response.status_code == 302
    consent = Consent.objects.get()
    asked = client.post(f"/toestemming/{consent.pk}/intrekken/")
    assert asked.status_code == 200 and 'name="confirmed" value="yes"' in asked.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_at is None  # a POST without the confirmation does nothing
    assert client.post(f"/toestemming/{consent.pk}/intrekken/", {"confirmed": "yes"}).status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_the_api_gives_consent_and_answers_422_with_a_path(world: World, client_as: ClientAs) -> None:
    client = client_as(Role.EMPLOYEE)
    body = {"recipient_role": "BA", "categories": ["D03"], "purpose": "Overleg", "given_on": "2025-03-01"}
    created = client.post("/api/v1/consents", json.dumps(body), content_type="application/json")
    assert created.status_code == 201 and created.json()["own"] is True
    wrong = client.post(
        "/api/v1/consents", json.dumps({**body, "given_on": "gisteren"}), content_type="application/json"
    )
    assert wrong.status_code == 422
    assert "given_on" in json.dumps(wrong.json())
