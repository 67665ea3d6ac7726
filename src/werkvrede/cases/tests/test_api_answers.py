"""The case API's answers are built from plain values and checked by pydantic directly (core.types.Out,
ADR 0207): django-ninja's per-object wrapper, meant for ORM objects, is not made for every case and
party of a page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from ninja import schema

from conftest import World
from werkvrede.cases import services
from werkvrede.cases.models import Case
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role


def _signal(world: World) -> Case:
    return signal(
        world.a.users[Role.EMPLOYEE], world.a.organisation.pk, other=world.a.memberships[Role.LINE_MANAGER]
    )


@pytest.fixture
def wraps(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    made: list[object] = []
    original = schema.DjangoGetter.__init__

    def counted(self: schema.DjangoGetter, obj: object, *args: Any, **kwargs: Any) -> None:
        made.append(obj)
        original(self, obj, *args, **kwargs)

    monkeypatch.setattr(schema.DjangoGetter, "__init__", counted)
    yield made


def test_a_page_of_cases_is_not_wrapped_case_by_case(
    world: World, client_as: Callable[..., Client], wraps: list[object]
) -> None:
    for _ in range(3):
        signal(
            world.a.users[Role.EMPLOYEE],
            world.a.organisation.pk,
            other=world.a.memberships[Role.LINE_MANAGER],
        )
    client = client_as(Role.HR_ADVISER)
    client.get("/api/v1/cases")
    wraps.clear()
    answer = client.get("/api/v1/cases")
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert len(results) == 3
    assert all(len(case["parties"]) == 2 for case in results)
    # Only django-ninja's own envelope around the answer; before, one per case and per party (10 here).
    assert len(wraps) <= 1


def test_one_case_is_not_wrapped_part_by_part(
    world: World, client_as: Callable[..., Client], wraps: list[object]
) -> None:
    case = signal(
        world.a.users[Role.EMPLOYEE], world.a.organisation.pk, other=world.a.memberships[Role.LINE_MANAGER]
    )
    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    services.note_add(actor=hr, case_id=case.pk, text="verslag", visibility="SHARED")
    client = client_as(Role.HR_ADVISER)
    client.get(f"/api/v1/cases/{case.pk}")
    wraps.clear()
    answer = client.get(f"/api/v1/cases/{case.pk}")
    assert answer.status_code == 200
    body = answer.json()
    assert body["notes"][0]["text"] == "verslag"
    assert len(body["parties"]) == 2
    assert len(wraps) <= 1
