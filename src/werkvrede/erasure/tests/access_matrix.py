from typing import Any

from tests.security.matrix import Row
from werkvrede.core.roles import Role

ADMIN = frozenset({Role.ADMIN})
# They see the person on the people page, but may not erase: 403 on an object they see.
VIEWERS = frozenset({Role.CASEMANAGER, Role.HR_ADVISER})


def _membership_id(world: Any, tenant: str) -> dict[str, int]:
    return {"membership_id": world.tenant(tenant).memberships[Role.EMPLOYEE].pk}


ROWS = {
    "erasure:erase": Row("get", ADMIN, 200, object_in=_membership_id, forbidden=VIEWERS),
    "api:people-erasure-preview": Row("get", ADMIN, 200, object_in=_membership_id, forbidden=VIEWERS),
    "api:people-erasure": Row("post", ADMIN, 200, object_in=_membership_id, forbidden=VIEWERS),
}
