from tests.security.matrix import Row
from werkvrede.core.roles import Role

ADMIN = frozenset({Role.ADMIN})

ROWS = {
    "notifications:failed-mail": Row("get", ADMIN, 200),
    "notifications:failed-mail-resend": Row("get", ADMIN, 200),
    "api:failed-mail": Row("get", ADMIN, 200, refused=403),
    "api:failed-mail-resend": Row("post", ADMIN, 200, body=lambda world: {}, json=True, refused=403),
}
