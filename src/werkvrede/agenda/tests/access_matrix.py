from tests.security.matrix import ALL, Row

# One's own calendar feed link (ADR 0118): every person acting in an organisation, for themselves only.
ROWS = {
    "agenda:settings": Row("get", ALL, 200),
    "agenda:create": Row("post", ALL, 200),
    "agenda:revoke": Row("post", ALL, 302),
    "api:calendar-feed": Row("get", ALL, 200),
    "api:calendar-feed-create": Row("post", ALL, 201, body=lambda world: {}, json=True),
    "api:calendar-feed-revoke": Row("delete", ALL, 200),
}
