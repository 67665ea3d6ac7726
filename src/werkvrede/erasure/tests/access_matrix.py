from itertools import count
from typing import Any

from tests.security.matrix import Row
from werkvrede.accounts.services import membership_grant, user_create
from werkvrede.core.roles import Role

ADMIN = frozenset({Role.ADMIN})
# They see the person on the people page, but may not erase: 403 on an object they see.
VIEWERS = frozenset({Role.CASEMANAGER, Role.HR_ADVISER})

_serial = count(1)


def _membership_id(world: Any, tenant: str) -> dict[str, int]:
    # A person of their own: the world's employee is a party to cases other rows put under a legal hold.
    t = world.tenant(tenant)
    slug = t.organisation.slug
    user = user_create(email=f"wissen-{next(_serial)}@{slug}.test", full_name="Te Wissen", password=None)
    return {
        "membership_id": membership_grant(user=user, organisation=t.organisation, roles=[Role.EMPLOYEE]).pk
    }


ROWS = {
    "erasure:erase": Row("get", ADMIN, 200, object_in=_membership_id, forbidden=VIEWERS),
    "api:people-erasure-preview": Row("get", ADMIN, 200, object_in=_membership_id, forbidden=VIEWERS),
    "api:people-erasure": Row("post", ADMIN, 200, object_in=_membership_id, forbidden=VIEWERS),
}
