from tests.security.matrix import Row
from werkvrede.core.roles import Role

ROWS = {"audit:log": Row("get", frozenset({Role.ADMIN}), 200)}
