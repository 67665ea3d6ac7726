from typing import Any

from tests.security.matrix import Row
from werkvrede.core.roles import Role
from werkvrede.prevention.tests.helpers import pulse

# HR and the casemanager run the prevention scan (ADR 0089); everyone else may not learn of it.
RUNNERS = frozenset({Role.HR_ADVISER, Role.CASEMANAGER})


def a_pulse(world: Any, tenant: str) -> dict[str, int]:
    return {"pulse_id": pulse(world, tenant).pk}


ROWS = {
    "prevention:pulses": Row("get", RUNNERS, 200),
    "prevention:start": Row("post", RUNNERS, 302, body=lambda world: {"team": "Team Inkoop"}),
    "prevention:pulse": Row("get", RUNNERS, 200, object_in=a_pulse),
    "prevention:close": Row("post", RUNNERS, 302, object_in=a_pulse),
}
