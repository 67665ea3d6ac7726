from typing import Any

from tests.security.matrix import Row
from werkvrede.core.roles import Role
from werkvrede.whistleblower.models import RouteTarget, WhistleState
from werkvrede.whistleblower.policies import MELDER_ROLES
from werkvrede.whistleblower.tests.helpers import named_report, report_at

DO = frozenset({Role.WHISTLEBLOWER_OFFICER})
# D18: the organisation's designated officers and the melder (here the employee); nobody else, not
# HR, the Beheerder, the line manager or the vertrouwenspersoon.
REPORT_PEOPLE = frozenset({Role.WHISTLEBLOWER_OFFICER, Role.EMPLOYEE})
MELDER = frozenset({Role.EMPLOYEE})


def report(world: Any, tenant: str) -> dict[str, int]:
    return {"report_id": named_report(world, tenant).pk}


def at(state: WhistleState, route: str = "") -> Any:
    return lambda world, tenant: {"report_id": report_at(world, tenant, state, route=route).pk}


def text(world: Any) -> dict[str, str]:
    return {"text": "Dank je, ik hoor het graag."}


ROWS = {
    "whistleblower:inbox": Row("get", DO, 200),
    "whistleblower:mine": Row("get", MELDER_ROLES, 200),
    "whistleblower:write": Row(
        "post", MELDER_ROLES, 302, body=lambda world: {"message": "Er wordt gefraudeerd."}
    ),
    "whistleblower:settings": Row("get", frozenset({Role.ADMIN}), 200),
    "whistleblower:report": Row("get", REPORT_PEOPLE, 200, object_in=report),
    "whistleblower:message-add": Row("post", REPORT_PEOPLE, 302, object_in=report, body=text),
    "whistleblower:acknowledge": Row("post", DO, 302, object_in=report, body=text, forbidden=MELDER),
    "whistleblower:assess": Row(
        "post",
        DO,
        302,
        object_in=at(WhistleState.ACKNOWLEDGED),
        body=lambda world: {"public_interest": "yes", "confirm": "on"},
        forbidden=MELDER,
    ),
    "whistleblower:follow-up": Row("post", DO, 302, object_in=at(WhistleState.ASSESSED), forbidden=MELDER),
    "whistleblower:feedback": Row(
        "post", DO, 302, object_in=at(WhistleState.FOLLOW_UP), body=text, forbidden=MELDER
    ),
    "whistleblower:close": Row(
        "post",
        DO,
        302,
        object_in=at(WhistleState.FEEDBACK_GIVEN),
        body=lambda world: {"confirm": "on"},
        forbidden=MELDER,
    ),
    "whistleblower:route": Row(
        "post",
        DO,
        302,
        object_in=at(WhistleState.NOT_A_MISSTAND),
        body=lambda world: {"target": RouteTarget.CASE.value},
        forbidden=MELDER,
    ),
    "whistleblower:route-consent": Row(
        "post",
        MELDER,
        302,
        object_in=at(WhistleState.NOT_A_MISSTAND, RouteTarget.CASE),
        body=lambda world: {"confirm": "on"},
        forbidden=DO,
    ),
}
