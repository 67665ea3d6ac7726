from tests.security.matrix import ALL, Row

ROWS = {"core:home": Row("get", ALL, 200)}
