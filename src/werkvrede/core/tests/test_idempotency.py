"""A write happens once: a page form or an API POST sent again with its key (ADR 0143).

The generic walk over every POST of the access matrix is `tests/security/test_idempotency.py`; these
tests pin the rules one by one on the case note (page) and the case signal (API).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World, logged_in
from tests.concurrency import at_once
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import Case, CaseNote
from werkvrede.cases.tests.helpers import signal
from werkvrede.core.idempotency import FIELD, HEADER, REPLAYED_HEADER
from werkvrede.core.models import IdempotencyClaim
from werkvrede.core.roles import Role

SIGNAL = {"signalled_on": "2025-03-03", "employee_name": "Sanne", "other_party_name": "Lars"}


def _case(world: World) -> Case:
    t = world.a
    return signal(t.users[Role.EMPLOYEE], t.organisation.pk, other=t.memberships[Role.LINE_MANAGER])


def _note(client: Client, case: Case, key: str, text: str = "Mijn verslag") -> object:
    url = reverse("cases:note-add", kwargs={"case_id": case.pk})
    return client.post(url, {"text": text, "visibility": "PRIVATE", FIELD: key})


def _signal(client: Client, key: str | None, body: dict[str, str] = SIGNAL) -> object:
    headers = {HEADER: key} if key is not None else {}
    return client.post(reverse("api:case-signal"), json.dumps(body), "application/json", headers=headers)


def test_a_form_sent_twice_writes_once_and_sends_the_browser_where_the_first_went(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = _case(world)
    client = client_as(Role.EMPLOYEE)
    events = AuditEvent.objects.count()
    first, second = _note(client, case, "k-1"), _note(client, case, "k-1")
    assert first.status_code == second.status_code == 302  # type: ignore[attr-defined]
    assert first["Location"] == second["Location"]  # type: ignore[index]
    assert second[REPLAYED_HEADER] == "true" and not first.has_header(REPLAYED_HEADER)  # type: ignore[index,attr-defined]
    assert CaseNote.objects.filter(case=case, text="Mijn verslag").count() == 1
    assert AuditEvent.objects.count() == events + 1


def test_the_same_key_with_other_content_is_refused_and_writes_nothing(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = _case(world)
    client = client_as(Role.EMPLOYEE)
    _note(client, case, "k-2")
    other = _note(client, case, "k-2", text="Iets anders")
    assert other.status_code == 422  # type: ignore[attr-defined]
    assert "al verstuurd" in other.content.decode()  # type: ignore[attr-defined]
    assert not CaseNote.objects.filter(text="Iets anders").exists()


def test_a_form_shown_again_with_its_errors_keeps_no_claim(
    world: World, client_as: Callable[..., Client]
) -> None:
    case = _case(world)
    client = client_as(Role.EMPLOYEE)
    assert _note(client, case, "k-3", text="").status_code == 400  # type: ignore[attr-defined]
    assert not IdempotencyClaim.objects.exists()
    assert _note(client, case, "k-3", text="Nu wel").status_code == 302  # type: ignore[attr-defined]
    assert CaseNote.objects.filter(text="Nu wel").count() == 1


def test_a_key_belongs_to_one_person(world: World, client_as: Callable[..., Client]) -> None:
    case = _case(world)
    _note(client_as(Role.EMPLOYEE), case, "shared")
    assert _note(client_as(Role.LINE_MANAGER), case, "shared").status_code == 302  # type: ignore[attr-defined]
    assert CaseNote.objects.filter(case=case, text="Mijn verslag").count() == 2


def test_every_page_form_carries_a_fresh_key(world: World, client_as: Callable[..., Client]) -> None:
    case = _case(world)
    page = client_as(Role.EMPLOYEE).get(reverse("cases:detail", kwargs={"case_id": case.pk})).content.decode()
    keys = re.findall(rf'name="{FIELD}" value="([0-9a-f]{{32}})"', page)
    assert len(keys) == page.count('name="csrfmiddlewaretoken"') and len(keys) == len(set(keys)) >= 1


def test_an_api_post_sent_twice_creates_one_record_and_answers_with_its_status_and_id(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.EMPLOYEE)
    first, second = _signal(client, "api-1"), _signal(client, "api-1")
    assert first.status_code == second.status_code == 201  # type: ignore[attr-defined]
    case_id = first.json()["id"]  # type: ignore[attr-defined]
    assert second.json() == {"detail": "idempotent_replay", "id": case_id}  # type: ignore[attr-defined]
    assert second[REPLAYED_HEADER] == "true"  # type: ignore[index]
    assert Case.objects.filter(organisation=world.a.organisation).count() == 1
    # Only how it was answered is kept, nothing of what was written.
    claim = IdempotencyClaim.objects.get()
    assert (claim.status, claim.object_id, claim.location) == (201, case_id, "")
    assert "api-1" not in claim.key_digest


def test_an_api_key_sent_with_another_body_is_refused_422(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.EMPLOYEE)
    _signal(client, "api-2")
    other = _signal(client, "api-2", {**SIGNAL, "employee_name": "Piet"})
    assert other.status_code == 422  # type: ignore[attr-defined]
    assert other.json()["detail"] == "idempotency_key_reused"  # type: ignore[attr-defined]
    assert other.json()["errors"][0]["path"] == HEADER  # type: ignore[attr-defined]
    assert Case.objects.count() == 1


@pytest.mark.parametrize("key", ["", "x" * 101, "met spatie", "ünïcode"])
def test_a_malformed_key_is_refused_422(world: World, client_as: Callable[..., Client], key: str) -> None:
    response = _signal(client_as(Role.EMPLOYEE), key)
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert response.json()["errors"][0]["path"] == HEADER  # type: ignore[attr-defined]
    assert not Case.objects.exists()


def test_requests_without_a_key_still_work(world: World, client_as: Callable[..., Client]) -> None:
    client = client_as(Role.EMPLOYEE)
    assert _signal(client, None).status_code == _signal(client, None).status_code == 201  # type: ignore[attr-defined]
    assert Case.objects.count() == 2
    assert not IdempotencyClaim.objects.exists()


def test_a_refused_request_keeps_no_claim(world: World, client_as: Callable[..., Client]) -> None:
    # The Beheerder may not signal a case: 403, nothing kept, the refusal still audited.
    denied = AuditEvent.objects.filter(action="core.access.denied").count()
    assert _signal(client_as(Role.ADMIN), "api-3").status_code == 403  # type: ignore[attr-defined]
    assert not IdempotencyClaim.objects.exists()
    assert AuditEvent.objects.filter(action="core.access.denied").count() == denied + 1


def test_old_keys_are_forgotten(world: World, client_as: Callable[..., Client]) -> None:
    client = client_as(Role.EMPLOYEE)
    _signal(client, "old")
    IdempotencyClaim.objects.update(created_at=timezone.now() - timedelta(hours=25))
    # An expired key is a new key: the request is carried out again.
    assert not _signal(client, "old").has_header(REPLAYED_HEADER)  # type: ignore[attr-defined]
    IdempotencyClaim.objects.update(created_at=timezone.now() - timedelta(hours=25))
    _signal(client, "new")
    out = io.StringIO()
    call_command("prune_idempotency_keys", stdout=out)
    assert out.getvalue() == "forgot 1 idempotency key(s)\n"
    assert list(IdempotencyClaim.objects.values_list("status", flat=True)) == [201]
    assert Case.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_two_identical_requests_at_once_create_one_record(world: World, on_postgres: None) -> None:
    user = world.a.users[Role.EMPLOYEE]
    sessions = [logged_in(user), logged_in(user)]

    def send() -> tuple[int, int]:
        response = _signal(sessions.pop(), "at-once")
        return response.status_code, response.json()["id"]  # type: ignore[attr-defined]

    results = at_once(send)
    assert len(results) == 2 and len(set(results)) == 1 and results[0][0] == 201
    assert Case.objects.filter(organisation=world.a.organisation).count() == 1


def test_an_operation_without_a_body_sent_as_a_form_is_answered_once(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.EMPLOYEE)
    url = reverse("api:calendar-feed")
    first = client.post(url, {"x": "1"}, headers={HEADER: "form"})
    second = client.post(url, {"x": "1"}, headers={HEADER: "form"})
    assert first.status_code == second.status_code and first.status_code < 300
    assert second[REPLAYED_HEADER] == "true"
    assert client.post(url, {"x": "2"}, headers={HEADER: "form"}).status_code == 422


def test_a_post_that_only_computes_claims_no_key_and_answers_each_time(
    world: World, client_as: Callable[..., Client]
) -> None:
    """The pre-filled signal form (`writes=False`) answers each time, also while the page's own form
    holds a claim on the same key (the live advice check beside its form, ADR 0143)."""
    from werkvrede.core.idempotency import _digest

    user = world.a.users[Role.EMPLOYEE]
    IdempotencyClaim.objects.create(
        user_id=user.pk, organisation_id=world.a.organisation.pk, key_digest=_digest(b"live"),
        request_digest="the form itself", status=302, location="/",
    )  # fmt: skip
    client = client_as(Role.EMPLOYEE)
    url = reverse("cases:signal-prefill")
    first = client.post(url, {"description": "Eerste", FIELD: "live"})
    second = client.post(url, {"description": "Anders", FIELD: "live"})
    assert first.status_code == second.status_code == 200
    assert "Anders" in second.content.decode() and REPLAYED_HEADER not in second
    assert IdempotencyClaim.objects.count() == 1
