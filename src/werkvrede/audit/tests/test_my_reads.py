""" "Wie heeft mijn gegevens ingezien?": a person sees exactly the audited reads of their sensitive data
by others, in words, newest first, paged; never another person's
(NEN 7513; docs/adr/0165-who-read-my-data.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse

from conftest import World
from werkvrede.audit.reads import record_read
from werkvrede.audit.subject_reads import PER_PAGE
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.core.roles import Role


def _read(world: World, reader: Role, subject: Role, category: str, basis: str, tenant: str = "a") -> None:
    t = world.tenant(tenant)
    record_read(
        actor_of(t.users[reader], t.organisation.pk),
        category=category,
        organisation_id=t.organisation.pk,
        case_id=None,
        subject_id=t.users[subject].pk,
        basis=basis,
        object_type="test.record",
        object_id="1",
    )


def _plant(world: World) -> None:
    _read(world, Role.OCCUPATIONAL_PHYSICIAN, Role.EMPLOYEE, "D01", "role:BA")
    _read(world, Role.HR_ADVISER, Role.EMPLOYEE, "D08", "consent:7")
    _read(world, Role.CASEMANAGER, Role.EMPLOYEE, "D03", "emergency")
    _read(world, Role.SUPPORTER, Role.EMPLOYEE, "D17", "role:SUP")
    # Not about the employee's right of access: their own read, and a read about someone else.
    _read(world, Role.EMPLOYEE, Role.EMPLOYEE, "D01", "role:WN")
    _read(world, Role.OCCUPATIONAL_PHYSICIAN, Role.LINE_MANAGER, "D04", "role:BA")


def _rows(html: str) -> int:
    return html.count('data-testid="read"')


def test_the_employee_sees_exactly_the_reads_of_her_data_by_others(
    world: World, client_as: Callable[..., Client]
) -> None:
    _plant(world)
    html = client_as(Role.EMPLOYEE).get(reverse("audit:my-reads")).content.decode()
    assert _rows(html) == 4
    a = world.a
    # Professionals by name, with the category and the basis in words.
    assert a.users[Role.OCCUPATIONAL_PHYSICIAN].full_name in html and "Medische gegevens" in html
    assert a.users[Role.HR_ADVISER].full_name in html and "met je toestemming" in html
    assert a.users[Role.CASEMANAGER].full_name in html and "in een noodgeval" in html
    # The supporter by role only; nothing of the read about the line manager.
    assert a.users[Role.SUPPORTER].full_name not in html and "Steunpersoon" in html
    assert "Oordeel over arbeidsongeschiktheid" not in html
    assert a.organisation.name in html


def test_the_api_answers_the_same_reads(world: World, client_as: Callable[..., Client]) -> None:
    _plant(world)
    body: dict[str, Any] = client_as(Role.EMPLOYEE).get("/api/v1/me/reads").json()
    assert body["next_offset"] is None
    assert [r["category"] for r in body["results"]] == ["D17", "D03", "D08", "D01"]
    emergency = next(r for r in body["results"] if r["category"] == "D03")
    assert emergency["emergency"] is True and emergency["reader_name"]
    assert next(r for r in body["results"] if r["category"] == "D17")["reader_name"] == ""


def test_someone_else_sees_none_of_it(world: World, client_as: Callable[..., Client]) -> None:
    _plant(world)
    html = client_as(Role.MEDIATOR).get(reverse("audit:my-reads")).content.decode()
    assert _rows(html) == 0 and 'data-testid="no-reads"' in html
    assert client_as(Role.MEDIATOR).get("/api/v1/me/reads").json()["results"] == []
    # The line manager sees only the one read about them.
    assert _rows(client_as(Role.LINE_MANAGER).get(reverse("audit:my-reads")).content.decode()) == 1


def test_the_list_is_paged(world: World, client_as: Callable[..., Client]) -> None:
    for _ in range(PER_PAGE + 1):
        _read(world, Role.OCCUPATIONAL_PHYSICIAN, Role.EMPLOYEE, "D01", "role:BA")
    client = client_as(Role.EMPLOYEE)
    first = client.get(reverse("audit:my-reads")).content.decode()
    assert _rows(first) == PER_PAGE and "?pagina=2" in first
    assert _rows(client.get(reverse("audit:my-reads") + "?pagina=2").content.decode()) == 1
    assert client.get("/api/v1/me/reads?limit=50").json()["next_offset"] == 50


def test_the_account_page_links_to_it(world: World, client_as: Callable[..., Client]) -> None:
    html = client_as(Role.EMPLOYEE).get(reverse("accounts:account")).content.decode()
    assert reverse("audit:my-reads") in html
