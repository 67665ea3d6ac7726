from typing import Any

from tests.security.matrix import ALL, Row
from werkvrede.core.roles import Role

PEOPLE = frozenset({Role.ADMIN, Role.HR_ADVISER, Role.CASEMANAGER})


def _membership_id(world: Any, tenant: str) -> dict[str, int]:
    return {"membership_id": world.tenant(tenant).memberships[Role.EMPLOYEE].pk}


ROWS = {
    "accounts:people": Row("get", PEOPLE, 200),
    "accounts:person": Row("get", PEOPLE, 200, object_in=_membership_id),
    "accounts:person-reactivate": Row(
        "get",
        frozenset({Role.ADMIN}),
        200,
        object_in=_membership_id,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER}),
    ),
    "accounts:organisation-switch": Row(
        "post", ALL, 302, body=lambda world: {"organisation": world.a.organisation.pk}
    ),
}
