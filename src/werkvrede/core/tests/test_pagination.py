"""API pages by offset without a total count (core.pagination.offset_window), as the list operations page."""

from __future__ import annotations

from conftest import World, logged_in
from werkvrede.accounts.models import Organisation
from werkvrede.cases.tests.helpers import signal
from werkvrede.core.pagination import offset_window
from werkvrede.core.roles import Role


def test_an_offset_window_says_where_the_next_page_starts_and_none_on_the_last(world: World) -> None:
    for n in range(5):
        Organisation.objects.create(name=f"Pagina {n}", slug=f"pagina-{n}")
    everything = Organisation.objects.filter(slug__startswith="pagina-").order_by("slug")
    first = offset_window(everything, 0, 2)
    assert [o.slug for o in first.rows] == ["pagina-0", "pagina-1"] and first.next_offset == 2
    last = offset_window(everything, 4, 2)
    assert [o.slug for o in last.rows] == ["pagina-4"] and last.next_offset is None
    exact = offset_window(everything, 3, 2)
    assert len(exact.rows) == 2 and exact.next_offset is None  # no empty page after an exact fit
    assert offset_window(everything, -3, 0).rows[0].slug == "pagina-0"  # bounded as the API bounds them
    assert len(offset_window(everything, 0, 10_000).rows) == 5


def test_the_case_list_api_pages_with_next_offset(world: World) -> None:
    hr, manager = world.a.users[Role.HR_ADVISER], world.a.memberships[Role.LINE_MANAGER]
    for _ in range(3):
        signal(hr, world.a.organisation.pk, other=manager)
    client = logged_in(hr)
    page = client.get("/api/v1/cases?limit=2").json()
    assert len(page["results"]) == 2 and page["next_offset"] == 2
    rest = client.get(f"/api/v1/cases?limit=2&offset={page['next_offset']}").json()
    assert rest["next_offset"] is None and rest["results"]
    seen = {c["id"] for c in page["results"]} | {c["id"] for c in rest["results"]}
    assert len(seen) == len(page["results"]) + len(rest["results"])
