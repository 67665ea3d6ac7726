"""The pages and API of legal holds on a person and of the purge report; the terms on the protocol."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from conftest import World, logged_in
from werkvrede.audit.models import AuditEvent
from werkvrede.core.roles import Role
from werkvrede.protocol.models import ConflictProtocol
from werkvrede.protocol.parameters import EDITABLE_FIELDS, tenant_parameters, validation_errors
from werkvrede.retention.models import PersonHold
from werkvrede.retention.purge import purge_expired
from werkvrede.supporters.models import SupporterGrant
from werkvrede.supporters.tests.helpers import grant_in

pytestmark = pytest.mark.django_db

REASON = "Procedure bij de kantonrechter, zaaknummer 1234"


def test_hr_places_a_hold_on_a_person_it_shows_where_the_owners_look_and_is_lifted_explicitly(
    world: World, client_as: Callable[..., Client]
) -> None:
    grant = grant_in(world, "a")
    membership = world.a.memberships[Role.EMPLOYEE]
    url = f"/bewaartermijnen/mensen/{membership.pk}/bewaarplicht/"
    hr = client_as(Role.HR_ADVISER)
    assert "Bewaarplicht instellen" in hr.get(f"/account/mensen/{membership.pk}/").content.decode()
    refused = hr.post(url, {"category": "OTHER", "reason": "Een burn-out"})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Een burn-out" in html and "Geen medische gegevens" in html
    assert re.search(r'<input[^>]*value="OTHER"[^>]*checked', html)
    assert hr.post(url, {"category": "PENDING_LITIGATION", "reason": REASON}).status_code == 302
    person_page = hr.get(f"/account/mensen/{membership.pk}/").content.decode()
    assert "Bewaarplicht op" in person_page and REASON in person_page
    # The case panel: HR sees the person's hold with its reason; the employee that there is one on
    # themself; the casemanager's people page names it without the reason.
    case_page = hr.get(f"/zaken/{grant.case_id}/").content.decode()
    assert "Bewaarplicht op" in case_page and REASON in case_page
    own = client_as(Role.EMPLOYEE).get(f"/zaken/{grant.case_id}/").content.decode()
    assert "Bewaarplicht op" in own and REASON not in own
    cm = client_as(Role.CASEMANAGER).get(f"/account/mensen/{membership.pk}/").content.decode()
    assert "Bewaarplicht op" in cm and REASON not in cm
    assert REASON in client_as(Role.ADMIN).get("/bewaartermijnen/bewaarplicht/").content.decode()
    placed = AuditEvent.objects.get(action="retention.person_hold.placed")
    assert placed.data["person"] == membership.user_id and REASON not in str(placed.data)
    lifted = hr.post(f"{url}opheffen/", {"lift_reason": "Uitspraak gedaan"})
    assert lifted.status_code == 302
    page = hr.get(url).content.decode()
    assert "Eerdere bewaarplichten" in page and "Uitspraak gedaan" in page
    assert not PersonHold.objects.filter(lifted_at__isnull=True).exists()
    assert AuditEvent.objects.filter(action="retention.person_hold.lifted").count() == 1


def test_the_employee_does_not_see_a_hold_on_the_other_party(
    world: World, client_as: Callable[..., Client]
) -> None:
    grant = grant_in(world, "a")
    other = world.a.memberships[Role.LINE_MANAGER]
    hr = client_as(Role.HR_ADVISER)
    assert (
        hr.post(
            f"/bewaartermijnen/mensen/{other.pk}/bewaarplicht/", {"category": "OTHER", "reason": REASON}
        ).status_code
        == 302
    )
    assert "Bewaarplicht op" in hr.get(f"/zaken/{grant.case_id}/").content.decode()
    assert "Bewaarplicht op" not in client_as(Role.EMPLOYEE).get(f"/zaken/{grant.case_id}/").content.decode()


def test_the_api_places_lists_and_lifts_a_person_hold(world: World, client_as: Callable[..., Client]) -> None:
    membership = world.a.memberships[Role.EMPLOYEE]
    client = client_as(Role.ADMIN)
    url = f"/api/v1/people/{membership.pk}/legal-hold"
    made = client.post(url, {"category": "OTHER", "reason": REASON}, content_type="application/json")
    assert made.status_code == 201 and made.json()["person_id"] == membership.user_id
    again = client.post(url, {"category": "OTHER", "reason": "x"}, content_type="application/json")
    assert again.status_code == 422 and "category" in str(again.json())
    assert [h["reason"] for h in client.get("/api/v1/retention/person-holds").json()] == [REASON]
    lifted = client.post(f"{url}/lift", {"lift_reason": "Klaar"}, content_type="application/json")
    assert lifted.status_code == 200 and lifted.json()["active"] is False
    assert client.get("/api/v1/retention/person-holds").json() == []


def test_the_beheerder_reads_what_went_in_counts_only(world: World, client_as: Callable[..., Client]) -> None:
    client = client_as(Role.ADMIN)
    assert (
        "De dagelijkse opschoning heeft nog niet gedraaid."
        in client.get("/bewaartermijnen/").content.decode()
    )
    grant = grant_in(world, "a")
    from werkvrede.cases.tests.helpers import actor_of
    from werkvrede.supporters import services as supporter_services

    supporter = actor_of(world.a.users[Role.SUPPORTER], world.a.organisation.pk)
    supporter_services.note_write(actor=supporter, grant=grant, section="NOTES", text="geheim")
    SupporterGrant.objects.filter(pk=grant.pk).update(revoked_at="2026-01-01T12:00:00Z")
    purge_expired(today=date(2026, 6, 1))
    page = client.get("/bewaartermijnen/").content.decode()
    assert "Notities van steunpersonen (R-147)" in page and "versleutelde inhoud" in page
    assert world.a.users[Role.SUPPORTER].full_name not in page and "geheim" not in page
    assert "3 maanden na het einde van de steun" in page
    runs = client.get("/api/v1/retention/purge-runs").json()
    assert runs[0]["purged"] == {"R-147": {"D17": 2, "SEALED": 1}}
    # Another organisation's Beheerder sees none of it.
    other = logged_in(world.b.users[Role.ADMIN]).get("/api/v1/retention/purge-runs")
    assert other.status_code == 200 and all(r["purged"] == {} for r in other.json())


def test_the_terms_are_protocol_parameters_within_their_legal_bounds(world: World) -> None:
    defaults = {name: getattr(ConflictProtocol(), name) for name in EDITABLE_FIELDS}
    errors = validation_errors(
        {**defaults, "retention_admin_absence_years": 3, "retention_ba_medical_years": 10}
    )
    assert set(errors) == {"retention_admin_absence_years", "retention_ba_medical_years"}
    assert not validation_errors(
        {**defaults, "retention_admin_absence_years": 2, "retention_ba_medical_years": 15}
    )
    protocol = ConflictProtocol(organisation=world.a.organisation, version=1, retention_admin_absence_years=1)
    # The guideline's T-24 deadlines read the same value.
    assert tenant_parameters(protocol)["retention.admin_absence_years_after_employment"] == 1


def test_the_protocol_api_sets_a_term_within_its_bounds(
    world: World, client_as: Callable[..., Client]
) -> None:
    admin = client_as(Role.ADMIN)
    too_long = admin.put(
        "/api/v1/protocol",
        {"version": 0, "retention_admin_absence_years": 3},
        content_type="application/json",
    )
    assert too_long.status_code == 422 and "retention_admin_absence_years" in too_long.content.decode()
    ok = admin.put(
        "/api/v1/protocol",
        {"version": 0, "retention_supporter_notes_months": 1},
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["retention_supporter_notes_months"] == 1


def test_the_beheerder_sees_the_consent_term_and_what_it_deleted_in_dutch_and_english(
    world: World, client_as: Callable[..., Client]
) -> None:
    from werkvrede.consent.models import Consent
    from werkvrede.consent.tests.helpers import give

    consent = give(world)
    Consent.objects.filter(pk=consent.pk).update(withdrawn_at="2025-06-01T12:00:00Z")
    purge_expired(today=date(2027, 6, 1))  # the default R-140 term: two years after the withdrawal
    client = client_as(Role.ADMIN)
    page = client.get("/bewaartermijnen/").content.decode()
    assert "Toestemmingen (CONSENT)" in page
    assert "2 jaar na intrekking of vervaldatum, en niet voordat de zaken waarover zij ging" in page
    assert "de mediation zelf zodra geen zaak er meer naar verwijst" in page
    english = client.get("/bewaartermijnen/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "after its withdrawal or expiry date, and not before the cases it covered" in english
    assert "the mediation itself once no case points to it any more" in english
    runs = client.get("/api/v1/retention/purge-runs").json()
    assert runs[0]["purged"] == {"CONSENT": {"D20": 1}}
