from typing import Any

from tests.security.matrix import ALL, Row
from werkvrede.core.roles import Role


def _version_in_force(world: Any) -> int:
    """The version an editor would see, made here unless a row made before made it (the conflict-leave
    rows do): the cells then pass in any order, as the test processes may run them (ADR 0202)."""
    from werkvrede.protocol.services import protocol_ensure_default

    return protocol_ensure_default(organisation=world.a.organisation, conflict_leave_enabled=True).version


ROWS = {
    "protocol:page": Row("get", ALL, 200),
    "protocol:settings": Row("get", frozenset({Role.ADMIN, Role.HR_ADVISER}), 200),
    "api:protocol": Row("get", ALL, 200),
    "api:protocol-update": Row(
        "put",
        frozenset({Role.ADMIN}),
        200,
        body=lambda world: {"version": _version_in_force(world), "conflict_leave_enabled": True},
        json=True,
        refused=403,
    ),
    "api:protocol-versions": Row("get", frozenset({Role.ADMIN, Role.HR_ADVISER}), 200, refused=403),
}
