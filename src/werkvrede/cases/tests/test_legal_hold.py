"""A legal hold on a case carries its reason (R-140), is set and lifted by HR or the casemanager
(ADR 0101), is audited without its text (R-170) and suspends the retention deletions (T-24)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.test import Client

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases import extensions, services
from werkvrede.cases.guideline_bridge import case_situation_data, stored_case_advice
from werkvrede.cases.models import Case, LegalHold
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.refusals import MedicalTermsFound
from werkvrede.core.roles import Role
from werkvrede.guideline.model import DeadlineStatus

REASON = "Procedure bij de kantonrechter, zaaknummer 1234"
TODAY = date(2026, 3, 2)


@pytest.fixture
def case(world: World) -> Case:
    return signal(
        world.a.users[Role.EMPLOYEE], world.a.organisation.pk, other=world.a.memberships[Role.LINE_MANAGER]
    )


@pytest.fixture
def retention_dates() -> Iterator[None]:
    """Stand in for a context that supplies the dates the retention terms run from."""

    def provider(case: Case) -> dict[str, Any]:
        return {"retention": {"employment_ended_on": "2025-01-31"}}

    extensions._FACTS["test-retention"] = provider
    yield
    del extensions._FACTS["test-retention"]


def _hr(world: World) -> Any:
    return actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)


def test_a_hold_with_its_reason_suspends_the_retention_deletion(
    world: World, case: Case, retention_dates: None
) -> None:
    [open_term] = [d for d in stored_case_advice(case, today=TODAY).deadlines if d.code == "T-24"]
    assert open_term.status is not DeadlineStatus.NOT_APPLICABLE
    services.legal_hold_set(actor=_hr(world), case_id=case.pk, category="PENDING_LITIGATION", reason=REASON)
    [held] = [d for d in stored_case_advice(case, today=TODAY).deadlines if d.code == "T-24"]
    assert held.status is DeadlineStatus.NOT_APPLICABLE
    assert held.note is not None and "PENDING_LITIGATION" in held.note and REASON in held.note


def test_the_active_hold_is_the_guideline_input_and_lifting_ends_it(world: World, case: Case) -> None:
    hr = _hr(world)
    assert "retention" not in case_situation_data(case, today=TODAY)
    services.legal_hold_set(actor=hr, case_id=case.pk, category="AUTHORITY_REQUEST", reason=REASON)
    hold = case_situation_data(case, today=TODAY)["retention"]["hold"]
    assert (hold["category"], hold["reason"]) == ("AUTHORITY_REQUEST", REASON)
    cm = actor_of(world.a.users[Role.CASEMANAGER], world.a.organisation.pk)
    lifted = services.legal_hold_lift(actor=cm, case_id=case.pk, lift_reason="Vordering ingetrokken")
    assert lifted.lifted_at is not None and lifted.lifted_by_id == cm.uid
    assert "retention" not in case_situation_data(case, today=TODAY)
    assert LegalHold.objects.filter(case=case).count() == 1  # kept as history


def test_set_and_lift_are_audited_without_the_reason_text(world: World, case: Case) -> None:
    hr = _hr(world)
    hold = services.legal_hold_set(actor=hr, case_id=case.pk, category="OTHER", reason=REASON)
    services.legal_hold_lift(actor=hr, case_id=case.pk, lift_reason="Niet meer nodig")
    events = {
        e.action: e for e in AuditEvent.objects.filter(case_id=case.pk, action__startswith="cases.legal")
    }
    assert set(events) == {"cases.legal_hold.set", "cases.legal_hold.lifted"}
    for event in events.values():
        assert event.data == {"hold": hold.pk, "category": "OTHER"}
        assert event.legal_basis == "R-140"
        assert REASON not in str(event.data) and "Niet meer nodig" not in str(event.data)


def test_one_active_hold_a_reason_and_no_medical_words(world: World, case: Case) -> None:
    hr = _hr(world)
    with pytest.raises(services.LegalHoldError):
        services.legal_hold_set(actor=hr, case_id=case.pk, category="OTHER", reason="   ")
    with pytest.raises(MedicalTermsFound):
        services.legal_hold_set(actor=hr, case_id=case.pk, category="OTHER", reason="Zij heeft een burn-out")
    with pytest.raises(services.LegalHoldError):
        services.legal_hold_lift(actor=hr, case_id=case.pk, lift_reason="Niets op te heffen")
    services.legal_hold_set(actor=hr, case_id=case.pk, category="OTHER", reason=REASON)
    with pytest.raises(services.LegalHoldError):
        services.legal_hold_set(actor=hr, case_id=case.pk, category="OTHER", reason="Nog een")
    assert LegalHold.objects.filter(case=case, lifted_at__isnull=True).count() == 1


def test_hr_sets_it_on_the_case_page_and_a_refusal_keeps_what_was_typed(
    world: World, case: Case, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.HR_ADVISER)
    refused = client.post(f"/zaken/{case.pk}/bewaarplicht/", {"category": "OTHER", "reason": "Een burn-out"})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Een burn-out" in html and "Geen medische gegevens" in html
    assert re.search(r'<input[^>]*value="OTHER"[^>]*checked', html)  # the chosen category stays chosen
    done = client.post(f"/zaken/{case.pk}/bewaarplicht/", {"category": "OTHER", "reason": REASON})
    assert done.status_code == 302
    page = client.get(f"/zaken/{case.pk}/").content.decode()
    assert "Bewaarplicht sinds" in page and REASON in page and "Bewaarplicht opheffen" in page
    lifted = client.post(f"/zaken/{case.pk}/bewaarplicht/opheffen/", {"lift_reason": "Afgerond"})
    assert lifted.status_code == 302
    page = client.get(f"/zaken/{case.pk}/").content.decode()
    assert "Eerdere bewaarplichten" in page and "Afgerond" in page and "Bewaarplicht instellen" in page


def test_the_employee_sees_that_a_hold_exists_not_its_reason_and_the_other_party_nothing(
    world: World, case: Case, client_as: Callable[..., Client]
) -> None:
    services.legal_hold_set(actor=_hr(world), case_id=case.pk, category="PENDING_LITIGATION", reason=REASON)
    employee = client_as(Role.EMPLOYEE).get(f"/zaken/{case.pk}/").content.decode()
    assert "Bewaarplicht sinds" in employee and "Lopende of dreigende juridische procedure" in employee
    assert REASON not in employee and "Bewaarplicht opheffen" not in employee
    other = client_as(Role.LINE_MANAGER).get(f"/zaken/{case.pk}/").content.decode()
    assert "Bewaarplicht" not in other
    rows = client_as(Role.EMPLOYEE).get(f"/api/v1/cases/{case.pk}/legal-holds").json()
    assert [(r["category"], r["reason"], r["active"]) for r in rows] == [("PENDING_LITIGATION", None, True)]


def test_the_api_sets_lifts_and_lists_holds(
    world: World, case: Case, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.CASEMANAGER)
    url = f"/api/v1/cases/{case.pk}/legal-hold"
    made = client.post(
        url, {"category": "AUTHORITY_REQUEST", "reason": REASON}, content_type="application/json"
    )
    assert made.status_code == 201 and made.json()["reason"] == REASON
    again = client.post(url, {"category": "OTHER", "reason": "x"}, content_type="application/json")
    assert again.status_code == 422
    lifted = client.post(f"{url}/lift", {"lift_reason": "Klaar"}, content_type="application/json")
    assert lifted.status_code == 200 and lifted.json()["active"] is False
    rows = client_as(Role.HR_ADVISER).get(f"/api/v1/cases/{case.pk}/legal-holds").json()
    assert [(r["active"], r["lift_reason"]) for r in rows] == [(False, "Klaar")]
