from typing import Any

from tests.security.matrix import Row
from werkvrede.core.roles import Role
from werkvrede.supporters.tests.helpers import case_of, direct_mediation, grant_in

EMPLOYEE = frozenset({Role.EMPLOYEE})
# The employee who gave the grant and the supporter it names; nobody else (D17 in docs/rules.md).
GRANT_PEOPLE = frozenset({Role.EMPLOYEE, Role.SUPPORTER})


def case_in(world: Any, tenant: str) -> dict[str, int]:
    return {"case_id": case_of(world, tenant).pk}


def grant(world: Any, tenant: str) -> dict[str, int]:
    return {"grant_id": grant_in(world, tenant).pk}


def direct_mediation_in(world: Any, tenant: str) -> dict[str, int]:
    return {"mediation_id": direct_mediation(world, tenant).pk}


# In a mediation without a case (the mediator made it): the employee (WN) and the line manager as the
# other party (WP) may each bring a supporter; the mediator sees the mediation but may not (403).
MEDIATION_PARTIES = frozenset({Role.EMPLOYEE, Role.LINE_MANAGER})


def _invitee(world: Any) -> dict[str, str]:
    return {"full_name": "Sam Steun", "email": "sam.steun@example.test"}


ROWS = {
    "supporters:mine": Row("get", frozenset({Role.SUPPORTER}), 200),
    "supporters:case": Row(
        "get",
        EMPLOYEE,
        200,
        object_in=case_in,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER, Role.LINE_MANAGER}),
    ),
    "supporters:invite": Row(
        "post",
        EMPLOYEE,
        302,
        object_in=case_in,
        body=_invitee,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER, Role.LINE_MANAGER}),
    ),
    "supporters:mediation": Row(
        "get", MEDIATION_PARTIES, 200, object_in=direct_mediation_in, forbidden=frozenset({Role.MEDIATOR})
    ),
    "supporters:mediation-invite": Row(
        "post",
        MEDIATION_PARTIES,
        302,
        object_in=direct_mediation_in,
        body=_invitee,
        forbidden=frozenset({Role.MEDIATOR}),
    ),
    "supporters:grant": Row("get", GRANT_PEOPLE, 200, object_in=grant),
    # Questions for the mediator: a section both write.
    "supporters:note-add": Row(
        "post",
        GRANT_PEOPLE,
        302,
        object_in=grant,
        body=lambda world: {"section": "QUESTIONS", "text": "Vraag"},
    ),
    "supporters:revoke": Row("post", EMPLOYEE, 302, object_in=grant, forbidden=frozenset({Role.SUPPORTER})),
    "api:supporters-mine": Row("get", frozenset({Role.SUPPORTER}), 200, refused=403),
    "api:supporters-grant": Row("get", GRANT_PEOPLE, 200, object_in=grant),
    "api:supporters-invite": Row(
        "post",
        EMPLOYEE,
        201,
        object_in=case_in,
        json=True,
        body=_invitee,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER, Role.LINE_MANAGER}),
    ),
    "api:supporters-mediation-invite": Row(
        "post",
        MEDIATION_PARTIES,
        201,
        object_in=direct_mediation_in,
        json=True,
        body=_invitee,
        forbidden=frozenset({Role.MEDIATOR}),
    ),
    "api:supporters-revoke": Row(
        "post", EMPLOYEE, 200, object_in=grant, forbidden=frozenset({Role.SUPPORTER})
    ),
    "api:supporters-note-add": Row(
        "post",
        frozenset({Role.SUPPORTER}),
        201,
        object_in=grant,
        json=True,
        body=lambda world: {"section": "EXPECT", "text": "Punt"},
        # The employee reads the grant, and this section is the supporter's to write.
        forbidden=EMPLOYEE,
    ),
}
