from typing import Any

from tests.security.matrix import Row
from werkvrede.core.roles import Role
from werkvrede.retention.models import PersonHold

ADMIN = frozenset({Role.ADMIN})
HOLDS = frozenset({Role.ADMIN, Role.HR_ADVISER})
# The casemanager sees the person in people management but may not place or lift a hold on them.
SEES_PEOPLE = frozenset({Role.CASEMANAGER})


def _membership_id(world: Any, tenant: str) -> dict[str, int]:
    return {"membership_id": world.tenant(tenant).memberships[Role.EMPLOYEE].pk}


def _held_membership_id(world: Any, tenant: str) -> dict[str, int]:
    """Another person than the one the place rows use: this hold lasts for the whole module."""
    t = world.tenant(tenant)
    PersonHold.objects.create(
        organisation=t.organisation,
        person=t.users[Role.LINE_MANAGER],
        category="PENDING_LITIGATION",
        reason="Procedure bij de kantonrechter",
        set_by=t.users[Role.HR_ADVISER],
    )
    return {"membership_id": t.memberships[Role.LINE_MANAGER].pk}


ROWS = {
    "retention:report": Row("get", ADMIN, 200),
    "retention:holds": Row("get", HOLDS, 200),
    "retention:person-hold": Row("get", HOLDS, 200, object_in=_membership_id, forbidden=SEES_PEOPLE),
    "retention:person-hold-lift": Row(
        "post",
        HOLDS,
        302,
        object_in=_held_membership_id,
        body=lambda world: {"lift_reason": "De procedure is afgerond"},
        forbidden=SEES_PEOPLE,
    ),
    "api:retention-purge-runs": Row("get", ADMIN, 200, refused=403),
    "api:person-holds": Row("get", HOLDS, 200, refused=403),
    "api:person-legal-hold-place": Row(
        "post",
        HOLDS,
        201,
        object_in=_membership_id,
        json=True,
        body=lambda world: {"category": "AUTHORITY_REQUEST", "reason": "Vordering van de inspectie"},
        forbidden=SEES_PEOPLE,
    ),
    "api:person-legal-hold-lift": Row(
        "post",
        HOLDS,
        200,
        object_in=_held_membership_id,
        json=True,
        body=lambda world: {"lift_reason": "De procedure is afgerond"},
        forbidden=SEES_PEOPLE,
    ),
}
