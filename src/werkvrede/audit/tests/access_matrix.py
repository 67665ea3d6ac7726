from tests.security.matrix import ALL, Row
from werkvrede.core.roles import Role

ROWS = {
    "audit:log": Row("get", frozenset({Role.ADMIN}), 200),
    # Every person, about themselves only (docs/adr/0165-who-read-my-data.md).
    "audit:my-reads": Row("get", ALL, 200),
    "api:my-reads": Row("get", ALL, 200),
}
