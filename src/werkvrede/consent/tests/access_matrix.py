from tests.security.matrix import ALL, Row
from werkvrede.consent.tests.helpers import consent_in
from werkvrede.core.roles import Role

EMPLOYEE = frozenset({Role.EMPLOYEE})

# `consent_in` addresses the consent to the HR role: HR reads it, and may not withdraw it.
ADDRESSEE = frozenset({Role.HR_ADVISER})

ROWS = {
    # Everyone in an organisation has a consents page: their own consents, and those addressed to them.
    "consent:list": Row("get", ALL, 200),
    "consent:withdraw": Row(
        "post",
        EMPLOYEE,
        302,
        object_in=consent_in,
        forbidden=ADDRESSEE,
        body=lambda world: {"confirmed": "yes"},
    ),
    "api:consents": Row("get", ALL, 200),
    "api:consent-withdraw": Row("post", EMPLOYEE, 200, object_in=consent_in, json=True, forbidden=ADDRESSEE),
}
