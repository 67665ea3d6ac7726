"""No lost updates (ADR 0146): a save from a stale version is refused, a state transition happens once.

The races run on PostgreSQL (its row locks and READ COMMITTED are what production runs on), each
thread with its own connection; the conditional update itself is checked on both databases.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from conftest import World, logged_in
from tests.concurrency import at_once
from werkvrede.accounts.models import Membership
from werkvrede.cases.models import Case
from werkvrede.cases.tests.helpers import signal
from werkvrede.core.refusals import StaleVersion
from werkvrede.core.roles import Role
from werkvrede.core.versioning import save_versioned
from werkvrede.interventions import services as interventions
from werkvrede.interventions.models import Intervention
from werkvrede.interventions.tests.helpers import actor, employee_case
from werkvrede.mediation.models import Mediation
from werkvrede.mediation.tests.helpers import in_intake
from werkvrede.protocol import services as protocol
from werkvrede.protocol.models import ConflictProtocol

TODAY = date(2025, 3, 20)
# The size runs in `make test` (PostgreSQL pass); `make soak` runs five times as many.
PAIRS = 1_000
PAIRS_IN_SOAK = 5_000


def _planned(world: World) -> Intervention:
    return interventions.intervention_record(
        actor=actor(world, Role.HR_ADVISER),
        case_id=employee_case(world).pk,
        data=interventions.InterventionInput(
            kind="CONVERSATION",
            chair_role="",
            hr_attends=False,
            support_employee=None,
            support_other=None,
            planned_on=date(2025, 3, 25),
            note="",
        ),
        today=TODAY,
    )


@pytest.mark.django_db
def test_of_two_saves_from_one_version_the_second_is_refused_with_the_stored_values(world: World) -> None:
    planned = _planned(world)
    first, second = Intervention.objects.get(pk=planned.pk), Intervention.objects.get(pk=planned.pk)
    first.note = "Kamer 2"
    save_versioned(first, expected_version=1, fields=["note"])
    second.note = "Kamer 3"
    with pytest.raises(StaleVersion) as refused:
        save_versioned(second, expected_version=1, fields=["note"])
    assert refused.value.version == 2 and refused.value.current == {"note": "Kamer 2"}
    planned.refresh_from_db()
    assert (planned.note, planned.version) == ("Kamer 2", 2)


def _protocol_put(client: Client, body: dict[str, Any]) -> Any:
    return client.put(reverse("api:protocol-update"), json.dumps(body), "application/json")


@pytest.mark.django_db
def test_the_api_answers_409_stale_version_with_the_values_now_in_force(
    world: World, client_as: Callable[..., Client]
) -> None:
    admin = client_as(Role.ADMIN)
    assert _protocol_put(admin, {"version": 0, "hr_contact": "Ria"}).json()["version"] == 1
    stale = _protocol_put(admin, {"version": 0, "hr_contact": "Kees"})
    body = stale.json()
    assert stale.status_code == 409 and body["detail"] == "stale_version"
    assert body["version"] == 1 and body["current"]["hr_contact"] == "Ria"
    assert ConflictProtocol.objects.count() == 1
    # Saved again from the version now in force, it is taken.
    assert _protocol_put(admin, {"version": 1, "hr_contact": "Kees"}).json()["hr_contact"] == "Kees"
    missing = _protocol_put(admin, {"hr_contact": "Piet"})
    assert missing.status_code == 422 and "version" in json.dumps(missing.json())


@pytest.mark.django_db
def test_the_page_shows_the_stored_values_beside_what_was_typed_and_keeps_it(
    world: World, client_as: Callable[..., Client]
) -> None:
    planned = _planned(world)
    url = reverse(
        "interventions:intervention", kwargs={"case_id": planned.case_id, "intervention_id": planned.pk}
    )
    hr, colleague = client_as(Role.HR_ADVISER), client_as(Role.HR_ADVISER)
    form = {"step": "update", "version": 1, "planned_on": "2025-03-26"}
    assert colleague.post(url, {**form, "note": "Kamer twee van de collega"}).status_code == 302
    refused = hr.post(url, {**form, "planned_on": "2025-03-27", "note": "Mijn getypte toelichting"})
    page = refused.content.decode()
    assert refused.status_code == 400
    assert "Iemand anders heeft dit intussen gewijzigd" in page
    assert "Kamer twee van de collega" in page and "Mijn getypte toelichting" in page
    assert 'name="version" value="2"' in page  # saving again starts from the stored version
    planned.refresh_from_db()
    assert planned.note == "Kamer twee van de collega"
    again = hr.post(
        url, {**form, "version": 2, "planned_on": "2025-03-27", "note": "Mijn getypte toelichting"}
    )
    assert again.status_code == 302
    planned.refresh_from_db()
    assert (planned.note, planned.version) == ("Mijn getypte toelichting", 3)


@pytest.mark.django_db
def test_the_page_shows_it_in_english_too(world: World, client_as: Callable[..., Client]) -> None:
    membership = world.a.memberships[Role.EMPLOYEE]
    url = reverse("accounts:person-roles", args=[membership.pk])
    admin = client_as(Role.ADMIN)
    version = Membership.objects.get(pk=membership.pk).version
    assert admin.post(url, {"version": version, "roles": ["WN", "LG"]}).status_code == 302
    refused = admin.post(url, {"version": version, "roles": ["WN"]}, headers={"accept-language": "en"})
    assert refused.status_code == 400
    assert "Someone else changed this in the meantime" in refused.content.decode()


@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_attempts_at_one_transition_one_succeeds_no_500(
    world: World, on_postgres: None
) -> None:
    """50 HR advisers complete the same intake (SM-1 row 2) at once through the API."""
    case = signal(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    url = reverse("api:case-intake", args=[case.pk])
    clients = [logged_in(world.a.users[Role.HR_ADVISER]) for _ in range(50)]
    body = json.dumps({"configuration": "INDIVIDUAL_INDIVIDUAL", "domains": ["TERMS"]})
    statuses = at_once(lambda: clients.pop().post(url, body, "application/json").status_code, times=50)
    assert sorted(statuses) == [200] + [409] * 49
    assert Case.objects.get(pk=case.pk).state == "INTAKE"


@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_attempts_at_one_mediation_step_one_succeeds(world: World, on_postgres: None) -> None:
    """The mediator pauses the mediation for the vertrouwenspersoon (SM-5 row 3) from 50 requests at once."""
    mediation = in_intake(world)
    url = reverse("api:mediation-steps", args=[mediation.pk])
    clients = [logged_in(world.a.users[Role.MEDIATOR]) for _ in range(50)]
    body = json.dumps({"step": "pause_vp"})
    statuses = at_once(lambda: clients.pop().post(url, body, "application/json").status_code, times=50)
    assert sorted(statuses) == [200] + [409] * 49
    assert Mediation.objects.get(pk=mediation.pk).state == "PAUSED_VP_REFERRAL"


@pytest.mark.django_db(transaction=True)
def test_a_thousand_conflicting_edit_pairs_lose_no_update(world: World, on_postgres: None) -> None:
    _conflicting_pairs(world, PAIRS)


@pytest.mark.soak
@pytest.mark.django_db(transaction=True)
def test_five_thousand_conflicting_edit_pairs_lose_no_update(world: World, on_postgres: None) -> None:
    _conflicting_pairs(world, PAIRS_IN_SOAK)


def _conflicting_pairs(world: World, pairs: int) -> None:
    """Two people save the protocol from the same version, `pairs` times over; each time exactly one
    save lands, the other is refused with what was stored, and nothing is overwritten."""
    admin = actor(world, Role.ADMIN)
    ready = threading.Barrier(2)
    outcomes: dict[str, list[int]] = {"A": [], "B": []}
    errors: list[BaseException] = []

    def person(name: str) -> None:
        try:
            for round_ in range(pairs):
                seen = ConflictProtocol.objects.filter(organisation=world.a.organisation).first()
                version = seen.version if seen else 0
                ready.wait()  # both have read the same version before either saves
                try:
                    protocol.protocol_update(
                        actor=admin, values={"hr_contact": f"{name} {round_}"}, expected_version=version
                    )
                    outcomes[name].append(round_)
                except StaleVersion as exc:
                    assert exc.current["hr_contact"] != f"{name} {round_}"
                ready.wait()  # the round is over for both
        except BaseException as exc:  # re-raised below; the other person stops waiting
            errors.append(exc)
            ready.abort()
        finally:
            connection.close()

    threads = [threading.Thread(target=person, args=(name,)) for name in outcomes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not [e for e in errors if not isinstance(e, threading.BrokenBarrierError)], errors
    won = sorted(outcomes["A"] + outcomes["B"])
    assert won == list(range(pairs))  # one save per round, never both, never none
    stored = {
        p.version: p.hr_contact for p in ConflictProtocol.objects.filter(organisation=world.a.organisation)
    }
    assert len(stored) == pairs
    # Every accepted save is a version of its own: none was overwritten by the other.
    assert {stored[r + 1] for r in range(pairs)} == {
        f"{'A' if r in outcomes['A'] else 'B'} {r}" for r in range(pairs)
    }
