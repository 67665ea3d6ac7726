from typing import Any

from tests.security.matrix import ALL, Row
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.core.roles import Role


def ready_export(world: Any, tenant: str) -> dict[str, int]:
    """The employee's export, made: only they reach it (docs/adr/0170-my-data-export.md)."""
    from werkvrede.mydata.services import export_produce, export_request

    t = world.tenant(tenant)
    export = export_request(actor=actor_of(t.users[Role.EMPLOYEE], t.organisation.pk), language="nl")
    export_produce(export.pk)
    return {"export_id": export.pk}


OWNER = frozenset({Role.EMPLOYEE})

ROWS = {
    # Every person, about themselves only.
    "mydata:page": Row("get", ALL, 200),
    "mydata:request": Row("post", ALL, 302),
    "mydata:schema": Row("get", ALL, 200),
    "mydata:download-json": Row("get", OWNER, 200, object_in=ready_export),
    "mydata:download-pdf": Row("get", OWNER, 200, object_in=ready_export),
    "api:my-export": Row("post", ALL, 202),
    "api:my-export-detail": Row("get", OWNER, 200, object_in=ready_export),
    "api:my-export-json": Row("get", OWNER, 200, object_in=ready_export),
    "api:my-export-pdf": Row("get", OWNER, 200, object_in=ready_export),
}
