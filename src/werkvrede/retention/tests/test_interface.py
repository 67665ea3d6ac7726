"""The hold check and the deletion primitives that purging and erasure share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases import services as case_services
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.core.roles import Role
from werkvrede.retention import destroy
from werkvrede.retention.holds import CASE, PERSON, active_holds, record_block
from werkvrede.retention.services import person_hold_lift, person_hold_place
from werkvrede.supporters import services as supporter_services
from werkvrede.supporters.models import PreparationNote, SupporterGrant
from werkvrede.supporters.tests.helpers import grant_in
from werkvrede.vault.models import SealedContent

pytestmark = pytest.mark.django_db


def _hr(world: World) -> Any:
    return actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)


def test_a_person_hold_covers_the_person_and_their_cases_and_a_case_hold_its_parties(world: World) -> None:
    grant = grant_in(world, "a")
    employee = world.a.users[Role.EMPLOYEE]
    org = world.a.organisation
    assert active_holds(organisation=org, user=employee) == []
    hold = person_hold_place(actor=_hr(world), person_id=employee.pk, category="OTHER", reason="Procedure")
    assert [(h.on, h.id) for h in active_holds(organisation=org, user=employee)] == [(PERSON, hold.pk)]
    assert [(h.on, h.id) for h in active_holds(organisation=org, case=grant.case_id)] == [(PERSON, hold.pk)]
    # Another organisation's view of the same person knows no hold.
    assert active_holds(organisation=world.b.organisation, user=employee) == []
    person_hold_lift(actor=_hr(world), hold_id=hold.pk, lift_reason="Procedure afgerond")
    assert active_holds(organisation=org, user=employee) == []
    case_hold = case_services.legal_hold_set(
        actor=_hr(world), case_id=grant.case_id or 0, category="PENDING_LITIGATION", reason="Rechtszaak"
    )
    assert [(h.on, h.id) for h in active_holds(organisation=org, user=employee)] == [(CASE, case_hold.pk)]
    record_block(organisation_id=org.pk, purpose="erasure", kind="account", holds=active_holds(
        organisation=org, user=employee
    ))  # fmt: skip
    event = AuditEvent.objects.filter(action="retention.hold.blocked").get()
    assert event.data == {
        "purpose": "erasure",
        "kind": "account",
        "count": 1,
        "holds": f"case:{case_hold.pk}",
    }
    assert "Rechtszaak" not in str(event.data)


def test_destroy_records_takes_rows_sealed_content_and_registered_cache_keys(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    grant = grant_in(world, "a")
    supporter = actor_of(world.a.users[Role.SUPPORTER], world.a.organisation.pk)
    supporter_services.note_write(actor=supporter, grant=grant, section="NOTES", text="geheim")
    note = PreparationNote.objects.get(grant=grant)
    sealed_id = note.sealed_id
    destroy.register_cache_keys("supporters.preparationnote", lambda n: [f"test-note:{n.pk}"])
    cache.set(f"test-note:{note.pk}", "geheim")
    try:
        done = destroy.destroy_records([note])
    finally:
        destroy._CACHE_KEYS.pop("supporters.preparationnote")
    assert done.as_dict() == {"D17": 1, "SEALED": 1}
    assert not PreparationNote.objects.filter(pk=note.pk).exists()
    assert not SealedContent.objects.filter(pk=sealed_id).exists()
    assert cache.get(f"test-note:{note.pk}") is None
    assert SupporterGrant.objects.filter(pk=grant.pk).exists()
