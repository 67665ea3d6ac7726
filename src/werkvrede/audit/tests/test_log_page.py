"""The audit log page: as cheap at the millionth event as at the first (ADR 0192)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import World, logged_in
from werkvrede.audit.services import record
from werkvrede.core.roles import Role


def test_the_log_pages_newest_first_without_a_count_of_the_events(world: World) -> None:
    organisation_id = world.a.organisation.pk
    for n in range(55):
        record("cases.case.read", organisation_id=organisation_id, object_type="paging", object_id=str(n))
    client = logged_in(world.a.users[Role.ADMIN])
    with CaptureQueriesContext(connection) as queries:
        first = client.get(reverse("audit:log")).content.decode()
    assert not any("COUNT(" in q["sql"].upper() and "audit_auditevent" in q["sql"] for q in queries)
    # Along the chain's unique index (chain, seq), not every event of the organisation sorted.
    page_query = next(q["sql"] for q in queries if "ORDER BY" in q["sql"] and "audit_auditevent" in q["sql"])
    assert '"audit_auditevent"."chain" =' in page_query and '"organisation_id" =' not in page_query
    assert "paging 54" in first and "?pagina=2" in first
    second = client.get(reverse("audit:log") + "?pagina=2").content.decode()
    assert "?pagina=1" in second and "paging 0" in second and "paging 54" not in second
