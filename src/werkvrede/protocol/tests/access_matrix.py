from tests.security.matrix import ALL, Row
from werkvrede.core.roles import Role

ROWS = {
    "protocol:page": Row("get", ALL, 200),
    "protocol:settings": Row("get", frozenset({Role.ADMIN, Role.HR_ADVISER}), 200),
    "api:protocol": Row("get", ALL, 200),
    "api:protocol-update": Row(
        "put",
        frozenset({Role.ADMIN}),
        200,
        body=lambda world: {"version": 0, "conflict_leave_enabled": True},
        json=True,
        refused=403,
    ),
    "api:protocol-versions": Row("get", frozenset({Role.ADMIN, Role.HR_ADVISER}), 200, refused=403),
}
