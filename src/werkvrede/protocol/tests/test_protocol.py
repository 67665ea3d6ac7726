from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.guideline_bridge import case_situation_data
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.policy import AccessDenied
from werkvrede.core.refusals import Invalid
from werkvrede.core.roles import Role
from werkvrede.guideline import parse_situation
from werkvrede.protocol.facts import protocol_facts, years_for
from werkvrede.protocol.models import ConflictProtocol
from werkvrede.protocol.selectors import protocol_for, protocol_history
from werkvrede.protocol.services import protocol_ensure_default, protocol_update


def test_a_new_organisation_has_the_spec_defaults_with_conflict_leave_off(world: World) -> None:
    protocol = protocol_for(world.a.organisation.pk)
    assert protocol.pk is None and protocol.version == 0
    assert protocol.conflict_leave_enabled is False
    assert (protocol.conflict_leave_max_days, protocol.conflict_leave_window_months) == (3, 24)
    assert (protocol.ip_normal_max_days, protocol.ip_exceptional_max_days) == (7, 14)
    assert protocol.ba_override_mode == "BLOCK" and protocol.liberation_day == "LUSTRUM"


def test_ensure_default_is_idempotent(world: World) -> None:
    first = protocol_ensure_default(organisation=world.a.organisation, conflict_leave_enabled=True)
    second = protocol_ensure_default(organisation=world.a.organisation)
    assert first.pk == second.pk and second.conflict_leave_enabled is True
    assert ConflictProtocol.objects.filter(organisation=world.a.organisation).count() == 1
    assert protocol_for(world.b.organisation.pk).pk is None


def test_each_change_is_a_new_version_with_who_and_when(world: World) -> None:
    admin = actor_of(world.a.users[Role.ADMIN], world.a.organisation.pk)
    protocol_ensure_default(organisation=world.a.organisation)
    v2 = protocol_update(
        actor=admin, values={"conflict_leave_enabled": True, "hr_contact": "Ria, 010-123"}, expected_version=1
    )
    v3 = protocol_update(actor=admin, values={"conflict_leave_max_days": 2}, expected_version=2)
    assert (v2.version, v3.version) == (2, 3)
    assert v3.conflict_leave_enabled is True and v3.hr_contact == "Ria, 010-123"
    assert [p.version for p in protocol_history(world.a.organisation.pk)] == [3, 2, 1]
    assert v3.created_by_id == world.a.users[Role.ADMIN].pk
    # Saving the same values again adds no version.
    assert protocol_update(actor=admin, values={"conflict_leave_max_days": 2}, expected_version=3).pk == v3.pk
    event = AuditEvent.objects.filter(action="protocol.protocol.changed").order_by("-pk").first()
    assert event is not None and event.data == {"version": 3, "fields": "conflict_leave_max_days"}
    assert "Ria" not in json.dumps([e.data for e in AuditEvent.objects.all()])


def test_only_the_admin_changes_the_protocol(world: World) -> None:
    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    with pytest.raises(AccessDenied):
        protocol_update(actor=hr, values={"conflict_leave_enabled": True}, expected_version=0)


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"ip_normal_max_days": 10, "ip_exceptional_max_days": 8}, "ip_exceptional_max_days", "minstens 10"),
        ({"conflict_leave_max_days": 0}, "conflict_leave_max_days", "van 1 tot en met 30"),
        ({"inhouse_max_glasl": 5, "mediation_max_glasl": 4}, "mediation_max_glasl", "Verhoog"),
        ({"cooling_off_days_without_clause": 7}, "cooling_off_days_without_clause", "minstens 14"),
        ({"emotions_sentence": "  "}, "emotions_sentence", "R-007"),
    ],
)
def test_invalid_values_say_what_to_fix(
    world: World, values: dict[str, object], field: str, words: str
) -> None:
    admin = actor_of(world.a.users[Role.ADMIN], world.a.organisation.pk)
    with pytest.raises(Invalid) as exc:
        protocol_update(actor=admin, values=values, expected_version=0)
    assert words in " ".join(exc.value.errors[field])
    assert not ConflictProtocol.objects.exists()


def test_the_facts_carry_the_tenant_parameters_and_the_holidays(world: World) -> None:
    admin = actor_of(world.a.users[Role.ADMIN], world.a.organisation.pk)
    protocol_update(
        actor=admin,
        values={"conflict_leave_enabled": True, "liberation_day": "EVERY_YEAR"},
        expected_version=0,
    )
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    facts = protocol_facts(case)
    assert facts["tenant"]["conflict_leave.enabled"] is True
    assert facts["tenant"]["ip.normal_max_days"] == 7
    assert facts["tenant"]["professional_rules.ba_override_mode"] == "BLOCK"
    first, last = years_for(case, today=date(2025, 3, 3))
    assert (first, last) == (2024, 2028)
    assert "2025-12-25" in facts["non_working_dates"] and "2026-05-05" in facts["non_working_dates"]
    # The whole case situation, with these facts, is valid guideline input.
    situation = parse_situation(case_situation_data(case, today=date(2025, 3, 10)))
    assert situation.tenant.conflict_leave_enabled is True


def test_lustrum_mode_frees_5_may_only_in_lustrum_years(world: World) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    dates = protocol_facts(case)["non_working_dates"]
    assert "2025-05-05" in dates and "2026-05-05" not in dates


def test_the_protocol_page_explains_the_protocol_in_plain_dutch(
    world: World, client_as: Callable[..., Client]
) -> None:
    admin = actor_of(world.a.users[Role.ADMIN], world.a.organisation.pk)
    response = client_as(Role.EMPLOYEE).get(reverse("protocol:page"))
    assert "geen arbeidsconflictenverlof" in response.content.decode()
    protocol_update(
        actor=admin,
        values={"conflict_leave_enabled": True, "open_consultation": "Dinsdag 9-10 uur, bel 010-555"},
        expected_version=0,
    )
    page = client_as(Role.EMPLOYEE).get(reverse("protocol:page")).content.decode()
    assert "hoogstens 3 werkdagen" in page and "één keer per 24 maanden" in page
    assert "Dinsdag 9-10 uur, bel 010-555" in page
    assert "Emoties alleen zijn geen reden" in page


def test_the_admin_confirms_before_saving_and_hr_only_reads(
    world: World, client_as: Callable[..., Client]
) -> None:
    url = reverse("protocol:settings")
    admin = client_as(Role.ADMIN)
    initial = admin.get(url).context["form"].initial
    body = {k: v for k, v in initial.items() if v is not False}
    body["conflict_leave_enabled"] = "on"
    confirm = admin.post(url, body)
    assert confirm.status_code == 200 and b"bevestigd" in confirm.content
    assert not ConflictProtocol.objects.exists()
    saved = admin.post(url, {**body, "bevestigd": "ja"})
    assert saved.status_code == 302
    assert protocol_for(world.a.organisation.pk).conflict_leave_enabled is True
    invalid = admin.post(url, {**body, "ip_exceptional_max_days": 3, "bevestigd": "ja"})
    assert invalid.status_code == 400 and "minstens 7" in invalid.content.decode()
    hr = client_as(Role.HR_ADVISER)
    assert hr.get(url).status_code == 200
    assert hr.post(url, {**body, "bevestigd": "ja"}).status_code == 403


def test_the_api_reads_and_validates_with_field_paths(world: World, client_as: Callable[..., Client]) -> None:
    admin = client_as(Role.ADMIN)
    url = reverse("api:protocol-update")
    bad = admin.put(
        url,
        json.dumps({"version": 0, "ip_normal_max_days": 9, "ip_exceptional_max_days": 8}),
        "application/json",
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["path"] == "ip_exceptional_max_days"
    ok = admin.put(url, json.dumps({"version": 0, "conflict_leave_enabled": True}), "application/json")
    assert ok.status_code == 200 and ok.json()["version"] == 1
    read = client_as(Role.EMPLOYEE).get(reverse("api:protocol")).json()
    assert read["conflict_leave_enabled"] is True and read["conflict_leave_max_days"] == 3
    versions = client_as(Role.HR_ADVISER).get(reverse("api:protocol-versions")).json()
    assert versions[0]["version"] == 1 and versions[0]["created_by"] == world.a.users[Role.ADMIN].full_name
    wrong_type = admin.put(
        url, json.dumps({"version": 1, "conflict_leave_day_unit": "WEEKS"}), "application/json"
    )
    assert wrong_type.status_code == 422
