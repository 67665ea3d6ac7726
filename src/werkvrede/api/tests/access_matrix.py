from tests.security.matrix import ALL, Row

ROWS = {
    "api:me": Row("get", ALL, 200),
    "api:openapi-json": Row("get", ALL, 200),
    "api:openapi-view": Row("get", ALL, 200),
    # ninja's root URL only exists to compute paths: it answers 404 to everyone.
    "api:api-root": Row("get", ALL, 404),
    "api:advice": Row("post", ALL, 200, body=lambda world: {"today": "2025-03-20"}, json=True),
}
